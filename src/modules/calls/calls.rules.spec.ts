import fc from 'fast-check';
import { callMismatches, callWindow, draftingRefusal, newCallProblems, submissionWindowRefusal } from './calls.rules';

const CALL = { title: 'Đợt 1', opensOn: '2085-04-01', closesOn: '2085-04-30' };

describe('callWindow', () => {
  it.each([
    ['2085-03-31', 'upcoming'],
    ['2085-04-01', 'open'],
    ['2085-04-15', 'open'],
    ['2085-04-30', 'open'],
    ['2085-05-01', 'closed'],
    ['2086-01-01', 'closed'],
  ])('on %s the call is %s', (today, expected) => {
    expect(callWindow({ ...CALL, today })).toBe(expected);
  });

  it('is open on the day it opens and the day it closes, and only between them', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2080, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [opensOn, closesOn] = a <= b ? [a, b] : [b, a];
        const window = callWindow({ opensOn, closesOn, today });
        expect(window === 'open').toBe(opensOn <= today && today <= closesOn);
        expect(window === 'upcoming').toBe(today < opensOn);
        expect(callWindow({ opensOn, closesOn, today: opensOn })).toBe('open');
        expect(callWindow({ opensOn, closesOn, today: closesOn })).toBe('open');
      }),
    );
  });
});

describe('submissionWindowRefusal', () => {
  it('lets a submission in inside the window', () => {
    expect(submissionWindowRefusal({ call: CALL, today: '2085-04-01' })).toBeNull();
    expect(submissionWindowRefusal({ call: CALL, today: '2085-04-30' })).toBeNull();
  });

  it('refuses one before the call opens, saying when it does (409 CALL_CLOSED)', () => {
    const refusal = submissionWindowRefusal({ call: CALL, today: '2085-03-31' });
    expect(refusal?.code).toBe('CALL_CLOSED');
    expect(refusal?.detail).toBe('Đợt "Đợt 1" chưa mở: nhận hồ sơ từ ngày 01/04/2085 đến hết ngày 30/04/2085.');
    expect(refusal?.errors).toEqual([{ field: 'callId', message: 'đợt chưa mở' }]);
  });

  it('refuses one after the call closed, saying when it closed', () => {
    const refusal = submissionWindowRefusal({ call: CALL, today: '2085-05-01' });
    expect(refusal?.code).toBe('CALL_CLOSED');
    expect(refusal?.detail).toBe('Đợt "Đợt 1" đã kết thúc nhận hồ sơ ngày 30/04/2085.');
  });
});

describe('draftingRefusal', () => {
  it.each([
    ['2085-03-01', false],
    ['2085-04-30', false],
    ['2085-05-01', true],
  ])('a draft filed under the call on %s is refused: %s', (today, refused) => {
    expect(draftingRefusal({ call: CALL, today }) !== null).toBe(refused);
  });
});

describe('callMismatches', () => {
  const call = { activityTypeCodes: ['machinery', 'demo_model'], fundCode: 'KCDP', fiscalYear: 2085 };
  it.each<[string, { activityTypeCode: string; fundCode: string; fiscalYear: number }, string[]]>([
    ['a file that fits', { activityTypeCode: 'demo_model', fundCode: 'KCDP', fiscalYear: 2085 }, []],
    ['another activity', { activityTypeCode: 'fair_abroad', fundCode: 'KCDP', fiscalYear: 2085 }, ['activityTypeCode']],
    ['another fund', { activityTypeCode: 'machinery', fundCode: 'KCQG', fiscalYear: 2085 }, ['fundCode']],
    ['another year', { activityTypeCode: 'machinery', fundCode: 'KCDP', fiscalYear: 2086 }, ['fiscalYear']],
    ['nothing fits', { activityTypeCode: 'fair_abroad', fundCode: 'KCQG', fiscalYear: 2086 }, ['activityTypeCode', 'fundCode', 'fiscalYear']],
  ])('%s', (_name, file, fields) => {
    expect(callMismatches({ call, file }).map((m) => m.field)).toEqual(fields);
  });
});

describe('newCallProblems', () => {
  it('takes a call of one day, and refuses one closing before it opens', () => {
    expect(newCallProblems({ opensOn: '2085-04-01', closesOn: '2085-04-01' })).toEqual([]);
    expect(newCallProblems({ opensOn: '2085-04-02', closesOn: '2085-04-01' })).toEqual([{ field: 'closesOn', message: 'không được trước ngày mở đợt' }]);
  });
});
