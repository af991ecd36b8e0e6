import { APPLICATION_STATUSES } from './application-statuses';
import { BEFORE_DECISION_STATUSES, fileBlockers } from './file-blockers.rules';

describe('why a file would be stopped at the decision', () => {
  it('names a fiscal year that is not open, for a file not yet decided', () => {
    const [blocker] = fileBlockers({ status: 'initialed', fiscalYear: 2027, openYears: [2026] });
    expect(blocker).toMatchObject({ reason: 'year_not_open', fiscalYear: 2027 });
    expect(blocker.text).toContain('Năm ngân sách 2027 chưa mở');
  });

  it('says nothing when the year is open, or once the file is decided', () => {
    expect(fileBlockers({ status: 'under_review', fiscalYear: 2026, openYears: [2026, 2027] })).toEqual([]);
    for (const status of APPLICATION_STATUSES.filter((s) => !BEFORE_DECISION_STATUSES.includes(s))) {
      expect(fileBlockers({ status, fiscalYear: 2030, openYears: [] })).toEqual([]);
    }
    for (const status of BEFORE_DECISION_STATUSES) expect(fileBlockers({ status, fiscalYear: 2030, openYears: [] })).toHaveLength(1);
  });
});

describe('fileBlockers: a fund with no unit holding its money', () => {
  const funded = [{ fundCode: 'KCDP', fiscalYear: 2026 }];
  it('stops a file whose fund and year no unit holds money of, naming the fund and year', () => {
    const [blocker] = fileBlockers({ status: 'under_review', fiscalYear: 2026, fundCode: 'KCTW', openYears: [2026], fundedBooks: funded });
    expect(blocker).toMatchObject({ reason: 'no_allocation', fiscalYear: 2026, fundCode: 'KCTW' });
    expect(blocker.text).toContain('Nguồn KCTW năm 2026 chưa có đơn vị nào còn kinh phí được phân bổ');
  });
  it('lets a funded file pass, tells a closed year first, and says nothing after the decision', () => {
    expect(fileBlockers({ status: 'under_review', fiscalYear: 2026, fundCode: 'KCDP', openYears: [2026], fundedBooks: funded })).toEqual([]);
    expect(fileBlockers({ status: 'under_review', fiscalYear: 2027, fundCode: 'KCTW', openYears: [2026], fundedBooks: funded })[0].reason).toBe('year_not_open');
    expect(fileBlockers({ status: 'approved', fiscalYear: 2026, fundCode: 'KCTW', openYears: [2026], fundedBooks: funded })).toEqual([]);
  });
});
