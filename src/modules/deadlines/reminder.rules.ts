import { formatDateVi } from '../../common/money/format-vi';
import type { NotificationEvent } from '../notifications/notification-event.types';
import type { FileDeadline } from '../applications/file-deadlines.service';

/** Reminders (nhắc hạn): which one a due date calls for today, and what it says to whom (pure). */

export type ReminderPhase = 'due_soon' | 'due_today' | 'overdue';

/**
 * The reminder a due date calls for on `today`: overdue once it has passed, due today on the day,
 * due soon when at most `daysBefore` working days are left; none before that.
 */
export function reminderPhase({ today, dueDate, workingDaysLeft, daysBefore }: { today: string; dueDate: string; workingDaysLeft: number; daysBefore: number }): ReminderPhase | null {
  if (today > dueDate) return 'overdue';
  if (today === dueDate) return 'due_today';
  return workingDaysLeft <= daysBefore ? 'due_soon' : null;
}

const WHAT: Record<FileDeadline['source'], string> = {
  processing: 'xử lý hồ sơ',
  supplement: 'bổ sung hồ sơ',
  consultation: 'trả lời xin ý kiến',
  settlement: 'nộp hồ sơ quyết toán',
};

const HEADING: Record<ReminderPhase, string> = {
  due_soon: 'Sắp đến hạn',
  due_today: 'Hôm nay đến hạn',
  overdue: 'Quá hạn',
};

/**
 * The reminder of one due date in one phase, once (its key holds the item, the date and the
 * phase: a due date moved by an extension is reminded anew). The person who must act hears of
 * each phase; the unit's heads hear when it is due today or past (per person and per unit head);
 * the file's officer hears when a producer's date has passed. A consultation past its date has
 * been answered by silence (silent consent): nobody is reminded of it.
 */
export function reminderEvent(item: FileDeadline, phase: ReminderPhase): NotificationEvent | null {
  if (item.source === 'consultation' && phase === 'overdue') return null;
  const what = WHAT[item.source];
  const due = formatDateVi(item.dueDate);
  const title = `${HEADING[phase]} ${what} (${due}): ${item.title}`;
  const body =
    phase === 'overdue'
      ? `Hạn ${what} «${item.title}» là ngày ${due} và đã qua.`
      : phase === 'due_today'
        ? `Hôm nay (${due}) là hạn ${what} «${item.title}».`
        : `Hạn ${what} «${item.title}» là ngày ${due}.`;
  const messages: NotificationEvent['messages'] = [];
  if (item.personId) messages.push({ audience: { userIds: [item.personId] }, title, body });
  if (item.unitId && (phase !== 'due_soon' || !item.personId)) {
    const staffSide = item.source === 'processing' || item.source === 'consultation';
    if (staffSide) messages.push({ audience: { units: [{ unitId: item.unitId, roles: ['head'] }] }, title, body: `${body} (đơn vị bạn phụ trách)` });
  }
  if (item.officerId && phase === 'overdue' && (item.source === 'supplement' || item.source === 'settlement')) {
    messages.push({ audience: { userIds: [item.officerId] }, title, body: `${body} Cơ sở chưa thực hiện.` });
  }
  if (messages.length === 0) return null;
  return {
    kind: `reminder.${phase}`,
    applicationId: item.applicationId,
    dueDate: item.dueDate,
    link: `/ho-so/${item.applicationId}`,
    messages,
    dedupeKey: `reminder:${item.source}:${item.itemId}:${item.dueDate}:${phase}`,
  };
}
