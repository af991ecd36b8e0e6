import { DomainError, Forbidden } from '../../common/http/domain-error';
import { ApplicationError } from './applications.error';
import { CONFLICT_RELATION_LABELS } from './applications.labels';
import type { ConflictRelation } from './conflict-declaration.entity';

/** What the rule needs of a declaration. */
export interface DeclarationFacts {
  userId: string;
  userName: string;
  hasConflict: boolean;
  relation: ConflictRelation | null;
}

/**
 * Whether the people taking a judging step on a file (appraise, recommend, initial, decide) may
 * take it, given the file's conflict-of-interest declarations. `persons[0]` is the one acting;
 * under a delegation the leader behind them follows. Anyone of them who declared a conflict is
 * out of the file (403 CONFLICT_OF_INTEREST). Otherwise, where the province requires a
 * declaration first (`required`), the one acting must have made one (409 DECLARATION_REQUIRED);
 * the leader behind a delegate is not asked to, they do not act.
 */
export function conflictRefusal({
  declarations,
  persons,
  required,
}: {
  declarations: readonly DeclarationFacts[];
  persons: readonly string[];
  required: boolean;
}): DomainError | null {
  const conflicted = persons
    .map((person, index) => ({ index, declaration: declarations.find((d) => d.userId === person && d.hasConflict) }))
    .filter((c): c is { index: number; declaration: DeclarationFacts } => c.declaration !== undefined);
  if (conflicted.length) {
    const who = conflicted.map(({ index, declaration }) => {
      const relation = declaration.relation ? `: ${CONFLICT_RELATION_LABELS[declaration.relation].toLocaleLowerCase('vi')}` : '';
      return `${declaration.userName}${index > 0 ? ' (người ủy quyền)' : ''}${relation}`;
    });
    return new Forbidden(
      `${who.join('; ')} — đã kê khai có xung đột lợi ích với hồ sơ này, nên không được thẩm định, đề xuất, ký tắt hay quyết định hồ sơ.`,
      'CONFLICT_OF_INTEREST',
    );
  }
  const [actor] = persons;
  if (required && actor !== undefined && !declarations.some((d) => d.userId === actor)) {
    return new ApplicationError(
      'DECLARATION_REQUIRED',
      'Bạn cần kê khai xung đột lợi ích với hồ sơ này (có hoặc không) trước khi thẩm định, đề xuất, ký tắt hay quyết định.',
    );
  }
  return null;
}
