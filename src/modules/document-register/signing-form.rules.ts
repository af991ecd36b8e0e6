import type { Role } from '../../common/auth/actor';
import type { SigningFormResult } from './document-register.types';

/** The head of the Sở every paper is signed for. */
export const DIRECTOR_TITLE = 'GIÁM ĐỐC';
export const DEPUTY_TITLE = 'PHÓ GIÁM ĐỐC';

/** What the register knows of a person who signs: their roles, whether a deputy, their unit's kind. */
export interface SignerStanding {
  roles: readonly Role[];
  /** A leader with a field of work (`leaderScope`) is a deputy director; without one, the director. */
  deputy: boolean;
  /** The kind of the signer's unit (`centre`, `office`, `department`…), null for none. */
  unitKind: string | null;
  /** Quyền: acting as head of the Sở on the paper's day, by an acting appointment (giao quyền). */
  acting?: boolean;
}


/** A person's own title under a "TUQ." or on a paper they sign in their own name. */
export function ownTitle(signer: SignerStanding): string {
  if (signer.roles.includes('leader')) return signer.deputy ? DEPUTY_TITLE : DIRECTOR_TITLE;
  if (signer.roles.includes('head')) {
    if (signer.unitKind === 'centre') return 'GIÁM ĐỐC TRUNG TÂM';
    if (signer.unitKind === 'office') return 'CHÁNH VĂN PHÒNG';
    if (signer.unitKind === 'commune') return 'TRƯỞNG ĐƠN VỊ';
    return 'TRƯỞNG PHÒNG';
  }
  if (signer.roles.includes('finance')) return 'KẾ TOÁN';
  if (signer.roles.includes('officer')) return 'CHUYÊN VIÊN';
  return 'NGƯỜI KÝ';
}

/**
 * How a paper is signed, from who signed it and in what capacity (the file's timeline):
 *
 * - an acting head of the Sở signing as leader (or under a delegation): "Q. GIÁM ĐỐC";
 * - under a delegation (`delegated`): a deputy director still signs "KT. GIÁM ĐỐC / PHÓ GIÁM
 *   ĐỐC" (Điều 24.2: a deputy signs for the director in their field or when authorised); anyone
 *   else "TUQ. GIÁM ĐỐC" over their own title;
 * - as a leader: the director directly ("GIÁM ĐỐC"), a deputy "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC";
 * - the head of the office (Chánh Văn phòng) "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG" (Điều 24.3);
 * - anyone else signs the papers of their own unit in their own name and title.
 */
export function signingForm(input: { capacity: string; signer: SignerStanding }): SigningFormResult {
  const { capacity, signer } = input;
  const leader = signer.roles.includes('leader');
  // The appointment makes them head of the Sở, not of a unit: a step of their own unit is signed in their own title.
  if (signer.acting && (capacity === 'leader' || capacity === 'delegated')) return { form: 'Q.', lines: [`Q. ${DIRECTOR_TITLE}`] };
  if (capacity === 'delegated') {
    if (leader && signer.deputy) return { form: 'KT.', lines: [`KT. ${DIRECTOR_TITLE}`, DEPUTY_TITLE] };
    return { form: 'TUQ.', lines: [`TUQ. ${DIRECTOR_TITLE}`, ownTitle({ ...signer, roles: signer.roles.filter((r) => r !== 'leader') })] };
  }
  if (capacity === 'leader' && leader) {
    return signer.deputy ? { form: 'KT.', lines: [`KT. ${DIRECTOR_TITLE}`, DEPUTY_TITLE] } : { form: 'direct', lines: [DIRECTOR_TITLE] };
  }
  if (signer.roles.includes('head') && signer.unitKind === 'office') return { form: 'TL.', lines: [`TL. ${DIRECTOR_TITLE}`, 'CHÁNH VĂN PHÒNG'] };
  return { form: 'direct', lines: [ownTitle({ ...signer, roles: signer.roles.filter((r) => r !== 'leader') })] };
}
