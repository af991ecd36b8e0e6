import { Money } from '../../common/money/decimal';
import { fileNotices, FileNoticeInput } from './file-notices.rules';

const file: FileNoticeInput['file'] = {
  id: 'F1',
  title: 'Máy sấy lúa',
  ownerId: 'OWNER',
  officerId: 'OFFICER',
  leadUnitId: 'LEAD',
  dueDate: '2026-12-31',
  supplementDueDate: '2026-12-15',
  approvedSupport: new Money('150000000'),
  currency: 'VND',
  decisionNo: '12/QĐ-SCT',
};
const notices = (action: string, after: Record<string, unknown> = {}, note: string | null = null, over: Partial<FileNoticeInput> = {}) =>
  fileNotices({ step: { action, after, note }, file, centreUnitIds: ['CENTRE'], unitName: 'Phòng Kế hoạch', ...over });
const audiences = (action: string, after: Record<string, unknown> = {}) => notices(action, after).flatMap((e) => e.messages.map((m) => m.audience));

describe('file notices', () => {
  it('sends a new file to the centre’s heads and the assignment to the officer and the producer', () => {
    expect(audiences('submit')).toEqual([{ units: [{ unitId: 'CENTRE', roles: ['head'] }] }]);
    expect(audiences('assign')).toEqual([{ userIds: ['OFFICER'] }, { userIds: ['OWNER'] }]);
    expect(audiences('reassign_officer')).toEqual([{ userIds: ['OFFICER'] }]);
  });

  it('tells the producer what to supplement and by when, in Vietnamese dates', () => {
    const [event] = notices('return', {}, 'Thiếu báo giá (hạn bổ sung 15/12/2026)');
    expect(event).toMatchObject({ kind: 'file.return', dueDate: '2026-12-15', link: '/ho-so/F1' });
    expect(event.messages[0].audience).toEqual({ userIds: ['OWNER'] });
    expect(event.messages[0].body).toContain('trước ngày 15/12/2026');
  });

  it('asks the consulted unit’s staff who may answer, and tells the officer and lead heads of the answer; a disagreement also reaches the leaders', () => {
    expect(audiences('consult', { unitId: 'U2', dueDate: '2026-12-10' })).toEqual([{ units: [{ unitId: 'U2', roles: ['head', 'officer', 'finance', 'leader'] }] }]);
    expect(audiences('answer', { opinion: 'agree' })).toEqual([{ userIds: ['OFFICER'] }, { units: [{ unitId: 'LEAD', roles: ['head'] }] }]);
    const disagree = notices('answer', { opinion: 'disagree' });
    expect(disagree.map((e) => e.kind)).toEqual(['consultation.answer', 'consultation.disagree']);
    expect(disagree[1].messages[0].audience).toEqual({ roles: ['leader'] });
  });

  it('sends an extension request to the file’s officer and lead heads, and the answer to it back to the consulted unit', () => {
    const [request] = notices('extension_request', { unitId: 'U2', dueDate: '2026-12-10', requestedUntil: '2026-12-17' });
    expect(request.messages.map((m) => m.audience)).toEqual([{ userIds: ['OFFICER'] }, { units: [{ unitId: 'LEAD', roles: ['head'] }] }]);
    expect(request.messages[0].body).toContain('17/12/2026');
    const [approve] = notices('extension_approve', { unitId: 'U2', dueDate: '2026-12-17' });
    expect(approve.messages[0]).toMatchObject({ audience: { units: [{ unitId: 'U2', roles: ['head', 'officer', 'finance', 'leader'] }] }, title: 'Đồng ý gia hạn trả lời: Máy sấy lúa' });
  });

  it('tells the producer and the officer of a decision with the amount approved', () => {
    const [approve] = notices('approve');
    expect(approve.messages.map((m) => m.audience)).toEqual([{ userIds: ['OWNER'] }, { userIds: ['OFFICER'] }]);
    expect(approve.messages[0].body).toContain('150.000.000');
    expect(approve.messages[0].body).toContain('12/QĐ-SCT');
    expect(notices('reject')[0].messages[0].title).toBe('Hồ sơ không được phê duyệt: Máy sấy lúa');
  });

  it('tells the producer of the acceptance and the settlement date', () => {
    const [accepted] = notices('accept', { result: 'passed', settlementDueDate: '2027-01-15' });
    expect(accepted).toMatchObject({ kind: 'file.accept', dueDate: '2027-01-15' });
    expect(accepted.messages[0].body).toContain('15/01/2027');
  });

  it('says nothing of steps nobody else needs to hear of, and never to a producer about internal steps', () => {
    for (const action of ['create', 'edit', 'appraise', 'conflict_declaration']) expect(notices(action)).toEqual([]);
    for (const action of ['consult', 'answer', 'recommend', 'send_back', 'initial', 'extension_request']) {
      expect(audiences(action, { unitId: 'U2', opinion: 'disagree' }).some((a) => a.userIds?.includes('OWNER'))).toBe(false);
    }
  });
});
