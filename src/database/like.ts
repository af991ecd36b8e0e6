/**
 * A LIKE pattern matching `text` anywhere in a column, its own `%`, `_` and `\` taken literally
 * (backslash is MariaDB's default LIKE escape). Case and accents are compared as the column's
 * collation does (utf8mb4_unicode_ci: "banh trang" finds "Bánh tráng"; đ stays apart from d).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
