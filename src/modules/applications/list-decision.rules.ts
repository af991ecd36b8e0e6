import type { DomainError } from '../../common/http/domain-error';
import { FileRefusal } from './applications.error';

/**
 * The order the files of a list decision are locked in: by id, whatever order the request gives,
 * so two decisions sharing files take their locks in the same order and never wait on each other
 * in a circle (one waits for the other, then finds the shared file decided).
 */
export function lockOrder(ids: readonly string[]): string[] {
  return [...ids].sort();
}

/**
 * One paper has one signer: the files of a list decision are decided in one capacity (a leader in
 * their own right, or a delegate for one leader). The index of the first judgement that differs
 * from the first one, or null when they all agree.
 */
export function firstOtherSigner(judgements: ReadonlyArray<{ role: string; onBehalfOf: string | null }>): number | null {
  const [first] = judgements;
  const at = judgements.findIndex((j) => j.role !== first.role || j.onBehalfOf !== first.onBehalfOf);
  return at < 0 ? null : at;
}

/** What the list decision is about, for the register's summary (trích yếu). */
export function listDecisionSubject({ fileCount, fiscalYears }: { fileCount: number; fiscalYears: readonly number[] }): string {
  const years = [...new Set(fiscalYears)].sort((a, b) => a - b);
  return `Phê duyệt hỗ trợ kinh phí khuyến công năm ${years.join(', ')} cho ${fileCount} đề án (theo danh sách)`;
}

/** The note each file's timeline carries for its part of the list decision. */
export function listDecisionNote({ number, fileCount }: { number: string; fileCount: number }): string {
  return `Quyết định số ${number} (phê duyệt theo danh sách ${fileCount} hồ sơ)`;
}

/**
 * The refusal a list decision answers with when one file fails: the file's own refusal (its code
 * and so its status), its detail naming the file, and the file's place in `applicationIds` first
 * among the errors. A refusal already naming a file is kept as it is.
 */
export function refusalNamingFile(error: DomainError, file: { id: string; title?: string | null; index: number }): FileRefusal {
  if (error instanceof FileRefusal) return error;
  const name = file.title ? `Hồ sơ "${file.title}" (${file.id})` : `Hồ sơ ${file.id}`;
  return new FileRefusal(file.id, error.code, `${name}: ${error.detail}`, [
    { field: `applicationIds[${file.index}]`, message: `${name}: ${error.detail}` },
    ...(error.errors ?? []),
  ]);
}
