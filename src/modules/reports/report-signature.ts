import { Injectable } from '@nestjs/common';
import { type Actor, hasRole } from '../../common/auth/actor';
import type { Signer } from '../../rendering/report/report-document';
import { DocumentRegisterService } from '../document-register/document-register.service';

/** The leader's column of a report's signature block: the title lines (one per line) and the name. */
export interface LeaderSignature {
  title: string;
  name?: string;
}

/** The column as it stands until a leader signs: the director's, unnamed. */
export const DIRECTOR_TO_SIGN: LeaderSignature = { title: 'Giám đốc' };

/** The leader's column as a signer of the report (stamped: a leader signs for the Sở). */
export function leaderSigner(leader: LeaderSignature = DIRECTOR_TO_SIGN): Signer {
  return { capacity: leader.title, name: leader.name, hint: '(Ký tên, đóng dấu)' };
}

/**
 * Who signs a report in the leader's column: a leader who makes the report signs it in the form
 * their standing gives (the director "GIÁM ĐỐC", a deputy "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), with
 * their name; for anyone else the column is the director's, left to sign.
 */
@Injectable()
export class ReportSignatures {
  constructor(private readonly papers: DocumentRegisterService) {}

  async leaderFor(actor: Actor): Promise<LeaderSignature> {
    if (!hasRole(actor, 'leader')) return DIRECTOR_TO_SIGN;
    const signing = await this.papers.signingOf({ id: actor.id, capacity: 'leader' });
    return { title: signing.lines.join('\n'), name: signing.name };
  }
}
