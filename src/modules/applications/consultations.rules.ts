/** Consultations (xin ý kiến): how one reads on a given day. */

export type ConsultationStatus = 'open' | 'answered' | 'silent';

/**
 * How a consultation reads on `today`: answered; open until its due date; after that, with no
 * answer, the consulted unit is taken to agree (silent consent, Điều 13.5 of the working regulation).
 */
export function consultationState({
  opinion,
  dueDate,
  today,
}: {
  opinion: 'agree' | 'disagree' | null;
  dueDate: string;
  today: string;
}): { status: ConsultationStatus; opinion: 'agree' | 'disagree' | null; silent: boolean } {
  if (opinion) return { status: 'answered', opinion, silent: false };
  if (today > dueDate) return { status: 'silent', opinion: 'agree', silent: true };
  return { status: 'open', opinion: null, silent: false };
}
