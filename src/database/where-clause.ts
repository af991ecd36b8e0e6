/** `WHERE` from the conditions whose values are given; each `?` takes the values after it. */
export function whereClause(conditions: Array<[string, ...unknown[]]>): { clause: string; params: unknown[] } {
  const used = conditions.filter(([, first]) => first !== undefined && first !== null && first !== '');
  return {
    clause: used.length ? `WHERE ${used.map(([sql]) => sql).join(' AND ')}` : '',
    params: used.flatMap(([, ...values]) => values),
  };
}
