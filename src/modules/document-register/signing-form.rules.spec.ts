import fc from 'fast-check';
import { ROLES, type Role } from '../../common/auth/actor';
import { signingForm, type SignerStanding } from './signing-form.rules';

const director: SignerStanding = { roles: ['leader'], deputy: false, unitKind: null };
const deputy: SignerStanding = { roles: ['leader'], deputy: true, unitKind: null };
const centreHead: SignerStanding = { roles: ['head'], deputy: false, unitKind: 'centre' };
const divisionHead: SignerStanding = { roles: ['head'], deputy: false, unitKind: 'division' };
const officeHead: SignerStanding = { roles: ['head'], deputy: false, unitKind: 'office' };
const officer: SignerStanding = { roles: ['officer'], deputy: false, unitKind: 'centre' };

describe('signing forms (Điều 24: who signs, in what capacity)', () => {
  it('the director signs directly', () => {
    expect(signingForm({ capacity: 'leader', signer: director })).toEqual({ form: 'direct', lines: ['GIÁM ĐỐC'] });
  });

  it('a deputy director signs for the director: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC, in their field or under a delegation', () => {
    expect(signingForm({ capacity: 'leader', signer: deputy })).toEqual({ form: 'KT.', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
    expect(signingForm({ capacity: 'delegated', signer: deputy })).toEqual({ form: 'KT.', lines: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] });
  });

  it('a delegate who is not a leader signs TUQ. GIÁM ĐỐC over their own title', () => {
    expect(signingForm({ capacity: 'delegated', signer: centreHead })).toEqual({ form: 'TUQ.', lines: ['TUQ. GIÁM ĐỐC', 'GIÁM ĐỐC TRUNG TÂM'] });
    expect(signingForm({ capacity: 'delegated', signer: divisionHead })).toEqual({ form: 'TUQ.', lines: ['TUQ. GIÁM ĐỐC', 'TRƯỞNG PHÒNG'] });
    expect(signingForm({ capacity: 'delegated', signer: officer })).toEqual({ form: 'TUQ.', lines: ['TUQ. GIÁM ĐỐC', 'CHUYÊN VIÊN'] });
  });

  it('the head of the office signs TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG', () => {
    expect(signingForm({ capacity: 'head', signer: officeHead })).toEqual({ form: 'TL.', lines: ['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG'] });
  });

  it('an acting head of the Sở signs Q. GIÁM ĐỐC', () => {
    expect(signingForm({ capacity: 'leader', signer: { ...deputy, acting: true } })).toEqual({ form: 'Q.', lines: ['Q. GIÁM ĐỐC'] });
    expect(signingForm({ capacity: 'delegated', signer: { ...deputy, acting: true } })).toEqual({ form: 'Q.', lines: ['Q. GIÁM ĐỐC'] });
    // the appointment is to head the Sở: a step taken as head of their own unit keeps that unit's title
    expect(signingForm({ capacity: 'head', signer: { ...centreHead, roles: ['leader', 'head'], acting: true } })).toEqual({ form: 'direct', lines: ['GIÁM ĐỐC TRUNG TÂM'] });
  });

  it("staff sign their own unit's papers in their own name and title", () => {
    expect(signingForm({ capacity: 'officer', signer: officer })).toEqual({ form: 'direct', lines: ['CHUYÊN VIÊN'] });
    expect(signingForm({ capacity: 'head', signer: centreHead })).toEqual({ form: 'direct', lines: ['GIÁM ĐỐC TRUNG TÂM'] });
    expect(signingForm({ capacity: 'finance', signer: { roles: ['finance'], deputy: false, unitKind: 'department' } })).toEqual({ form: 'direct', lines: ['KẾ TOÁN'] });
  });

  it('never prints a deputy as the director, nor anyone but the director as GIÁM ĐỐC alone', () => {
    const roles = fc.subarray([...ROLES] as Role[], { minLength: 1 });
    const standing = fc.record({ roles, deputy: fc.boolean(), unitKind: fc.constantFrom(null, 'centre', 'office', 'division', 'department', 'commune'), acting: fc.boolean() });
    fc.assert(
      fc.property(standing, fc.constantFrom('leader', 'delegated', 'head', 'officer', 'finance'), (signer, capacity) => {
        const { form, lines } = signingForm({ capacity, signer });
        const isDirector = signer.roles.includes('leader') && !signer.deputy && capacity === 'leader';
        if (lines.length === 1 && lines[0] === 'GIÁM ĐỐC') expect(isDirector && !signer.acting).toBe(true);
        if (signer.deputy && signer.roles.includes('leader') && !signer.acting && (capacity === 'leader' || capacity === 'delegated')) expect(form).toBe('KT.');
        // the form opens the first line, and every line is upper case
        if (form !== 'direct') expect(lines[0].startsWith(`${form} `)).toBe(true);
        for (const line of lines) expect(line).toBe(line.toLocaleUpperCase('vi-VN'));
      }),
    );
  });
});
