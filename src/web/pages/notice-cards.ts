import { NOTIFICATION_KIND_LABELS } from '../../modules/notifications/notifications.labels';
import type { NotificationView } from '../../modules/notifications/notification.view';
import { safeReturnPath } from '../page-responder';

export interface NoticeCard extends NotificationView {
  /** What kind of news it is, in Vietnamese ("Yêu cầu bổ sung"); a kind without a label is a plain "Thông báo". */
  kindLabel: string;
  unread: boolean;
  /** The page the notification is about: a path of this site only, or none. */
  href: string | null;
}

/** A notification as the pages show it (the list, a producer's home page). */
export function noticeCard(notice: NotificationView): NoticeCard {
  const href = notice.link && safeReturnPath(notice.link) === notice.link ? notice.link : null;
  return { ...notice, kindLabel: NOTIFICATION_KIND_LABELS[notice.kind] ?? 'Thông báo', unread: notice.readAt === null, href };
}
