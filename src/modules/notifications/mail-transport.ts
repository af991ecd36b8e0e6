import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same on every attempt, so a receiving server or client can drop a repeat. */
  messageId: string;
}

/** E-mail through the SMTP server of SMTP_URL (nodemailer); without one, e-mail is off. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private transporter: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('e-mail is not configured (SMTP_URL)');
    this.transporter ??= createTransport(this.config.SMTP_URL);
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
