import type { DigestSetting, Notification } from './notification.entity';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  applicationId: string | null;
  dueDate: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    applicationId: n.applicationId,
    dueDate: n.dueDate,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

export interface NotificationSettingsView {
  email: boolean;
  digest: DigestSetting;
  /** Whether the service sends e-mail at all (SMTP_URL set). */
  emailAvailable: boolean;
}
