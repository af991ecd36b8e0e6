import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Establishment } from './establishment.entity';

/**
 * A subquery of `qb` selecting the ids of establishments whose name or tax code (mã số thuế)
 * is LIKE the parameter `param`: another module's list (files) is searched by establishment
 * in the same SQL statement without naming this module's table.
 */
export function establishmentIdsMatching(qb: SelectQueryBuilder<ObjectLiteral>, param: string): string {
  return qb.subQuery().select('e.id').from(Establishment, 'e').where(`e.name LIKE :${param} OR e.tax_code LIKE :${param}`).getQuery();
}
