import type { NotificationView } from '../../modules/notifications/notification.view';
import { noticeCard } from './notice-cards';

const notice = (over: Partial<NotificationView> = {}): NotificationView => ({
  id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
  kind: 'file.return',
  title: 'Hồ sơ cần bổ sung: Máy sấy',
  body: 'Nội dung cần bổ sung: báo giá',
  applicationId: null,
  dueDate: '2081-03-20',
  link: '/ho-so/01JABCDEFGHJKMNPQRSTVWXYZ1',
  createdAt: '2081-03-02T02:00:00.000Z',
  readAt: null,
  ...over,
});

describe('noticeCard', () => {
  it('names the kind in Vietnamese, and a kind without a label as a plain notification', () => {
    expect(noticeCard(notice()).kindLabel).toBe('Yêu cầu bổ sung');
    expect(noticeCard(notice({ kind: 'file.initial' })).kindLabel).toBe('Chờ quyết định');
    expect(noticeCard(notice({ kind: 'something.new' })).kindLabel).toBe('Thông báo');
  });

  it('is unread until read', () => {
    expect(noticeCard(notice()).unread).toBe(true);
    expect(noticeCard(notice({ readAt: '2081-03-02T03:00:00.000Z' })).unread).toBe(false);
  });

  it('leads only to a page of this site', () => {
    expect(noticeCard(notice()).href).toBe('/ho-so/01JABCDEFGHJKMNPQRSTVWXYZ1');
    for (const link of [null, 'https://example.com/x', '//example.com/x', '/\\example.com', 'ho-so/x', '/api/v1/applications']) {
      expect(noticeCard(notice({ link })).href).toBeNull();
    }
  });
});
