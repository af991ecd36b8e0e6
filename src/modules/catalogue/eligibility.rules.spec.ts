import fc from 'fast-check';
import { Money } from '../../common/money/decimal';
import { Eligibility, EligibilityCase, eligibilityReasons, NO_CONDITIONS } from './eligibility.rules';

const KINDS = ['enterprise', 'cooperative', 'cooperative_group', 'household_business'];

/** A cooperative in commune 29263, asking 100.000.000 đ with nothing approved yet, under a rule asking nothing. */
const base: EligibilityCase = {
  eligibility: NO_CONDITIONS,
  capCurrency: 'VND',
  establishmentKind: 'cooperative',
  communeCode: '29263',
  requestedSupport: new Money('100000000'),
  approvedThisYear: new Money(0),
  fiscalYear: 2085,
  currency: 'VND',
};
const rule = (e: Partial<Eligibility>): Eligibility => ({ ...NO_CONDITIONS, ...e });
const fields = (c: Partial<EligibilityCase>) => eligibilityReasons({ ...base, ...c }).map((r) => r.field);

describe('eligibilityReasons', () => {
  it.each<[string, Partial<EligibilityCase>, string[]]>([
    ['a rule asking nothing', {}, []],
    ['a kind the rule supports', { eligibility: rule({ establishmentKinds: ['cooperative', 'enterprise'] }) }, []],
    ['a kind the rule does not support', { eligibility: rule({ establishmentKinds: ['enterprise'] }) }, ['establishmentId']],
    ['an empty list of kinds supports nobody', { eligibility: rule({ establishmentKinds: [] }) }, ['establishmentId']],
    ['asking exactly the yearly cap', { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('100000000') }) }, []],
    ['asking one đồng over the yearly cap', { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('99999999') }) }, ['requestedSupport']],
    [
      'asking within the cap, but over it with what was approved before that year',
      { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('300000000') }), approvedThisYear: new Money('200000001') },
      ['requestedSupport'],
    ],
    [
      'what was approved before plus what is asked, exactly the cap',
      { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('300000000') }), approvedThisYear: new Money('200000000') },
      [],
    ],
    ['nothing asked yet counts as nothing', { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('1') }), requestedSupport: null }, []],
    ['a cap in another currency cannot be weighed', { eligibility: rule({ maxSupportPerEstablishmentPerYear: new Money('1000') }), currency: 'USD' }, ['requestedSupport']],
    ['a commune named where one is required', { eligibility: rule({ requiresCommuneCode: true }) }, []],
    ['no commune where one is required', { eligibility: rule({ requiresCommuneCode: true }), communeCode: null }, ['communeCode']],
    ['a blank commune where one is required', { eligibility: rule({ requiresCommuneCode: true }), communeCode: '  ' }, ['communeCode']],
    ['no commune where none is required', { communeCode: null }, []],
    [
      'every reason at once, in order',
      {
        eligibility: rule({ establishmentKinds: ['enterprise'], maxSupportPerEstablishmentPerYear: new Money('50000000'), requiresCommuneCode: true }),
        communeCode: null,
      },
      ['establishmentId', 'requestedSupport', 'communeCode'],
    ],
  ])('%s', (_name, c, expected) => {
    expect(fields(c)).toEqual(expected);
  });

  it('says in Vietnamese what failed, with the amounts in vi-VN', () => {
    const [kind, cap, commune] = eligibilityReasons({
      ...base,
      eligibility: rule({ establishmentKinds: ['enterprise', 'household_business'], maxSupportPerEstablishmentPerYear: new Money('300000000'), requiresCommuneCode: true }),
      requestedSupport: new Money('200000000'),
      approvedThisYear: new Money('150000000'),
      communeCode: null,
    });
    expect(kind.message).toContain('"Hợp tác xã"');
    expect(kind.message).toContain('Doanh nghiệp nhỏ và vừa, Hộ kinh doanh');
    expect(cap.message).toBe(
      'kinh phí đề nghị 200.000.000 ₫ cộng 150.000.000 ₫ cơ sở đã được phê duyệt cho hoạt động này năm 2085 vượt mức tối đa 300.000.000 ₫ cho một cơ sở trong một năm',
    );
    expect(commune.field).toBe('communeCode');
  });

  it('gives one reason for each condition that fails, and none for one that holds', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((n) => new Money(n.toString()));
    fc.assert(
      fc.property(
        fc.option(fc.subarray(KINDS), { nil: null }),
        fc.option(amount.filter((a) => a.gt(0)), { nil: null }),
        fc.boolean(),
        fc.constantFrom(...KINDS),
        fc.option(fc.constantFrom('29263', '00001'), { nil: null }),
        fc.option(amount, { nil: null }),
        amount,
        (kinds, cap, requiresCommune, kind, commune, requested, approved) => {
          const reasons = eligibilityReasons({
            ...base,
            eligibility: { establishmentKinds: kinds, maxSupportPerEstablishmentPerYear: cap, requiresCommuneCode: requiresCommune },
            establishmentKind: kind,
            communeCode: commune,
            requestedSupport: requested,
            approvedThisYear: approved,
          });
          const expected = [
            ...(kinds !== null && !kinds.includes(kind) ? ['establishmentId'] : []),
            ...(cap !== null && new Money(requested ?? 0).plus(approved).gt(cap) ? ['requestedSupport'] : []),
            ...(requiresCommune && commune === null ? ['communeCode'] : []),
          ];
          expect(reasons.map((r) => r.field)).toEqual(expected);
          // Dropping the conditions leaves nothing to fail.
          expect(eligibilityReasons({ ...base, establishmentKind: kind, communeCode: commune, requestedSupport: requested, approvedThisYear: approved })).toEqual([]);
        },
      ),
    );
  });
});
