import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event in the outbox: written by a step in its own transaction, turned into notifications by the worker. */
@Entity('notification_outbox')
export class OutboxEvent {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'char', length: 26, nullable: true }) applicationId: string | null;
  /** JSON: `{ dueDate, link, messages }`. */
  @Column({ type: 'text' }) payload: string;
  @Column({ type: 'varchar', length: 190, nullable: true }) dedupeKey: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) processedAt: Date | null;
}

/** One person's in-app notification of one event. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) userId: string;
  @Column({ type: 'char', length: 26 }) eventId: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'varchar', length: 2000 }) body: string;
  @Column({ type: 'char', length: 26, nullable: true }) applicationId: string | null;
  @Column({ type: 'date', nullable: true }) dueDate: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) link: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
  /** The day this notification went out in a daily digest e-mail. */
  @Column({ type: 'date', nullable: true }) digestDate: string | null;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One e-mail to one person: a notification's, or a day's digest. */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 190 }) dedupeKey: string;
  @Column({ type: 'char', length: 26 }) userId: string;
  @Column({ type: 'enum', enum: ['email'] }) channel: 'email';
  @Column({ type: 'varchar', length: 254 }) toAddress: string;
  @Column({ type: 'varchar', length: 300 }) subject: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'enum', enum: ['pending', 'sending', 'sent', 'failed'] }) status: DeliveryStatus;
  @Column({ type: 'int' }) attempts: number;
  @Column({ type: 'datetime', precision: 3 }) nextAttemptAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) claimedUntil: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) sentAt: Date | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) lastError: string | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

export type DigestSetting = 'daily' | 'off';

/** How one person wants to hear (defaults: e-mail on, no digest). */
@Entity('notification_settings')
export class NotificationSettings {
  @PrimaryColumn({ type: 'char', length: 26 }) userId: string;
  @Column({ type: 'boolean' }) email: boolean;
  @Column({ type: 'enum', enum: ['daily', 'off'] }) digest: DigestSetting;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}
