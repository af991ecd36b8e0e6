import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Page, PageQuery, pageOf } from '../../common/http/page';
import { Application } from './application.entity';

/**
 * Rows that belong to a file (disbursements, recoveries, …), joined to their file (aliased
 * `file`) so that the caller can narrow them to the files the actor may see. Each row comes with
 * its file's currency, which its amounts are shown in.
 */
export function fileScopedQuery<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
  return em
    .createQueryBuilder(entity, alias)
    .innerJoin(Application, 'file', `file.id = ${alias}.application_id`)
    .addSelect('file.currency', 'currency');
}

/** The rows with their currencies: one, or none when it does not exist or is hidden. */
export async function withCurrency<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<Array<{ row: T; currency: string }>> {
  const { entities, raw } = await qb.getRawAndEntities<{ currency: string }>();
  return entities.map((row, i) => ({ row, currency: raw[i].currency }));
}

/** Which end of a list comes first: the API's lists of money rows run oldest first, the pages show the newest. */
export type ListOrder = 'oldest' | 'newest';

/** A page of rows (oldest first unless told), each shown with its file's currency; ids sort by creation time. */
export async function pageWithCurrency<T extends ObjectLiteral, V>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  query: PageQuery,
  view: (row: T, currency: string) => V,
  order: ListOrder = 'oldest',
): Promise<Page<V>> {
  const total = await qb.getCount();
  const rows = await withCurrency(qb.orderBy(`${alias}.id`, order === 'newest' ? 'DESC' : 'ASC').offset((query.page - 1) * query.pageSize).limit(query.pageSize));
  return pageOf(rows.map((r) => view(r.row, r.currency)), total, query);
}
