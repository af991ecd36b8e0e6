import type { RecipientQuery } from '../identity/recipients.types';

/**
 * What a step tells people: one event per step, written into the outbox in the step's own
 * transaction, with a message per audience. The module whose step it is words the message (it
 * knows what each audience may see); this module only carries it.
 */
export interface NoticeMessage {
  /** Who receives this message: users by id, the holders of roles in units, or of roles anywhere. */
  audience: RecipientQuery;
  /** Vietnamese, one line: the notification's title and the e-mail's subject. */
  title: string;
  /** Vietnamese: the notification's text and the e-mail's body (without greeting or links). */
  body: string;
}

export interface NotificationEvent {
  /** What happened (`file.submit`, `consultation.request`, `reminder.overdue`, …). */
  kind: string;
  applicationId?: string | null;
  /** The due date the message is about, when it is about one. */
  dueDate?: string | null;
  /** The page the message points to (a path of the web pages, e.g. `/ho-so/<id>`). */
  link?: string | null;
  messages: NoticeMessage[];
  /**
   * An event that must exist once whoever records it how many times (a reminder): a second
   * event with the same key is dropped.
   */
  dedupeKey?: string;
}
