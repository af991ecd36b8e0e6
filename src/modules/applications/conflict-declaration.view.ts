import type { ConflictDeclaration, ConflictRelation } from './conflict-declaration.entity';

/** A conflict-of-interest declaration as the API and the pages show it. */
export interface ConflictDeclarationView {
  id: string;
  applicationId: string;
  userId: string;
  userName: string;
  hasConflict: boolean;
  relation: ConflictRelation | null;
  note: string | null;
  declaredAt: string;
}

export function toConflictDeclarationView(d: ConflictDeclaration): ConflictDeclarationView {
  return {
    id: d.id,
    applicationId: d.applicationId,
    userId: d.userId,
    userName: d.userName,
    hasConflict: d.hasConflict,
    relation: d.relation,
    note: d.note,
    declaredAt: d.declaredAt.toISOString(),
  };
}
