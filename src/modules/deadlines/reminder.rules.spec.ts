import fc from 'fast-check';
import type { FileDeadline } from '../applications/file-deadlines.service';
import { reminderEvent, reminderPhase, ReminderPhase } from './reminder.rules';

const item = (over: Partial<FileDeadline> = {}): FileDeadline => ({
  source: 'processing',
  itemId: 'F1',
  applicationId: 'F1',
  title: 'Máy sấy nông sản',
  dueDate: '2026-12-10',
  personId: 'OFFICER',
  unitId: 'UNIT',
  officerId: 'OFFICER',
  ...over,
});

describe('reminder phase', () => {
  it.each([
    ['2026-12-11', 0, 'overdue'],
    ['2026-12-10', 0, 'due_today'],
    ['2026-12-08', 2, 'due_soon'],
    ['2026-12-07', 3, null],
  ] as const)('on %s with %i working days left: %s', (today, left, phase) => {
    expect(reminderPhase({ today, dueDate: '2026-12-10', workingDaysLeft: left, daysBefore: 2 })).toBe(phase);
  });

  it('moves only forward as the days pass: none, due soon, due today, overdue', () => {
    const order: Array<ReminderPhase | null> = [null, 'due_soon', 'due_today', 'overdue'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 5 }), (a, b, before) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        // Day k before the due date (0 = the day itself, negative = past), with k working days left.
        const at = (k: number) => reminderPhase({ today: k < 0 ? '2026-12-20' : k === 0 ? '2026-12-10' : '2026-12-01', dueDate: '2026-12-10', workingDaysLeft: k, daysBefore: before });
        return order.indexOf(at(10 - late)) >= order.indexOf(at(10 - early));
      }),
    );
  });
});

describe('reminder event', () => {
  it('tells the officer of every phase and the unit heads from the day itself, once per date and phase', () => {
    const soon = reminderEvent(item(), 'due_soon')!;
    expect(soon.messages.map((m) => m.audience)).toEqual([{ userIds: ['OFFICER'] }]);
    expect(soon.messages[0].title).toBe('Sắp đến hạn xử lý hồ sơ (10/12/2026): Máy sấy nông sản');
    expect(soon.dedupeKey).toBe('reminder:processing:F1:2026-12-10:due_soon');
    const late = reminderEvent(item(), 'overdue')!;
    expect(late.messages.map((m) => m.audience)).toEqual([{ userIds: ['OFFICER'] }, { units: [{ unitId: 'UNIT', roles: ['head'] }] }]);
    expect(late.link).toBe('/ho-so/F1');
  });

  it('reminds the producer of a supplement and tells the officer once it is past', () => {
    const supplement = item({ source: 'supplement', personId: 'OWNER' });
    expect(reminderEvent(supplement, 'due_today')!.messages.map((m) => m.audience)).toEqual([{ userIds: ['OWNER'] }]);
    expect(reminderEvent(supplement, 'overdue')!.messages.map((m) => m.audience)).toEqual([{ userIds: ['OWNER'] }, { userIds: ['OFFICER'] }]);
  });

  it('reminds a consulted unit’s heads before the date and never after it (silence has counted as consent)', () => {
    const consultation = item({ source: 'consultation', itemId: 'C1', personId: null, officerId: null });
    expect(reminderEvent(consultation, 'due_soon')!.messages.map((m) => m.audience)).toEqual([{ units: [{ unitId: 'UNIT', roles: ['head'] }] }]);
    expect(reminderEvent(consultation, 'overdue')).toBeNull();
  });

  it('a moved due date is reminded anew', () => {
    expect(reminderEvent(item({ dueDate: '2026-12-17' }), 'due_soon')!.dedupeKey).not.toBe(reminderEvent(item(), 'due_soon')!.dedupeKey);
  });
});
