import type { Money } from '../../common/money/decimal';
import { formatDateVi, formatMoneyVi } from '../../common/money/format-vi';
import type { NotificationEvent } from '../notifications/notification-event';

/** What the producer reads when money leaves for them (pure): the amount, its kind, its value date. */
export function paymentNotice({
  file,
  kindLabel,
  amount,
  valueDate,
}: {
  file: { id: string; title: string; ownerId: string; currency: string };
  kindLabel: string;
  amount: Money;
  valueDate: string;
}): NotificationEvent {
  const sum = formatMoneyVi(amount, file.currency);
  return {
    kind: 'disbursement.pay',
    applicationId: file.id,
    link: `/ho-so/${file.id}`,
    messages: [
      {
        audience: { userIds: [file.ownerId] },
        title: `Đã chi ${kindLabel.toLowerCase()} ${sum}: ${file.title}`,
        body: `Kho bạc đã chi ${kindLabel.toLowerCase()} ${sum} cho đề án «${file.title}», ngày giá trị ${formatDateVi(valueDate)}.`,
      },
    ],
  };
}

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
