import type { FieldError } from '../../common/http/domain-error';
import type { AcceptanceOutcomes } from './disbursements.labels';

/** The most of any one outcome a single file records (a column of INT UNSIGNED holds far more; a typing slip does not). */
export const MAX_OUTCOME = 1_000_000;

/**
 * What is wrong with the outcomes an acceptance carries (nothing when it carries none): they are
 * what a file achieved, so a failed acceptance records none; women and disabled workers are
 * among the workers the file gave or kept work (jobs created + jobs kept), never more.
 */
export function outcomesProblems({ result, outcomes }: { result: 'passed' | 'failed'; outcomes?: AcceptanceOutcomes | null }): FieldError[] {
  if (!outcomes) return [];
  if (result === 'failed') return [{ field: 'outcomes', message: 'chỉ ghi kết quả của đề án khi nghiệm thu đạt' }];
  const workers = outcomes.jobsCreated + outcomes.jobsKept;
  const errors: FieldError[] = [];
  for (const field of ['womenWorkers', 'disabledWorkers'] as const) {
    if (outcomes[field] > workers) errors.push({ field: `outcomes.${field}`, message: `không được lớn hơn số lao động có việc làm mới và được duy trì (${workers})` });
  }
  return errors;
}
