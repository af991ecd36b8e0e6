import { askedOfOwner } from './owner-requests';

const step = (action: string, note: string | null) => ({ action, note }) as never;

describe('askedOfOwner', () => {
  it('asks for the supplement with the officer reason and its due date, overdue after it', () => {
    const app = { status: 'needs_supplement' as const, supplementDueDate: '2026-04-15', timeline: [step('submit', null), step('return', 'Thiếu báo giá')] };
    expect(askedOfOwner(app, null, '2026-04-15')).toEqual({ text: 'Bổ sung hồ sơ theo yêu cầu: Thiếu báo giá', dueDate: '2026-04-15', overdue: false });
    expect(askedOfOwner(app, null, '2026-04-16')?.overdue).toBe(true);
  });

  it('asks for the settlement after acceptance, by its due date', () => {
    const asked = askedOfOwner({ status: 'accepted', supplementDueDate: null, timeline: [] }, '2026-11-07', '2026-11-08');
    expect(asked).toMatchObject({ dueDate: '2026-11-07', overdue: true });
  });

  it('asks nothing while the office works on the file', () => {
    expect(askedOfOwner({ status: 'under_review', supplementDueDate: null, timeline: [] }, null, '2026-01-01')).toBeNull();
  });
});
