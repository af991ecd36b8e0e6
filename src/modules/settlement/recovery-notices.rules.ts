import type { Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import type { NotificationEvent } from '../notifications/notification-event.types';

/** What the producer reads when a sum is to be paid back (thông báo thu hồi). */
export function recoveryNotice({ file, amount, reason }: { file: { id: string; title: string; ownerId: string; currency: string }; amount: Money; reason: string }): NotificationEvent {
  const sum = formatMoneyVi(amount, file.currency);
  return {
    kind: 'recovery.open',
    applicationId: file.id,
    link: `/ho-so/${file.id}`,
    messages: [
      {
        audience: { userIds: [file.ownerId] },
        title: `Thông báo thu hồi ${sum}: ${file.title}`,
        body: `${reason} Số tiền phải nộp trả: ${sum}. Vui lòng nộp vào tài khoản của Sở tại Kho bạc Nhà nước và báo cho cán bộ tài chính.`,
      },
    ],
  };
}
