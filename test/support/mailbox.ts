import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/**
 * A real SMTP server in the test process (smtp-server), holding what it accepted. `refuse`
 * answers the next message(s) with a temporary failure; `onMessage` runs before a message is
 * accepted (a test kills the sender there).
 */
export class Mailbox {
  readonly received: ReceivedMail[] = [];
  private refusals = 0;
  onMessage: ((mail: ReceivedMail) => void | Promise<void>) | null = null;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream: SMTPServerDataStream, _session: SMTPServerSession, done: (err?: Error | null) => void) => {
        void simpleParser(stream).then(async (parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
          const mail: ReceivedMail = { to, subject: parsed.subject ?? '', text: parsed.text ?? '', messageId: parsed.messageId ?? '' };
          if (this.refusals > 0) {
            this.refusals--;
            const error = Object.assign(new Error('Hộp thư tạm thời không nhận thư'), { responseCode: 451 });
            return done(error);
          }
          if (this.onMessage) await this.onMessage(mail);
          this.received.push(mail);
          done();
        }).catch((error: Error) => done(error));
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuseNext(count = 1): void {
    this.refusals = count;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
