import type { Money } from '../../common/money/decimal';
import { formatDateVi, formatMoneyVi } from '../../common/money/format-vi';
import type { NotificationEvent } from '../notifications/notification-event.types';

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
