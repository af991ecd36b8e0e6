import { Forbidden } from '../http/domain-error';

/** Who took the earlier steps of a file or request; absent steps are null or left out. */
export interface EarlierSteps {
  /** The officer who prepared the file (lập hồ sơ) or the recommendation. */
  preparedBy?: string | null;
  /** The head who initialed it (ký tắt). */
  initialedBy?: string | null;
  /** The person who asked for the money or the action (đề nghị). */
  requestedBy?: string | null;
  /** The person who checked it before the decision (kiểm tra), as finance checks a settlement. */
  checkedBy?: string | null;
}

/**
 * Maker-checker (nguyên tắc bốn mắt): nobody decides on or approves what they themselves
 * prepared, initialed, requested or checked. The one place this rule lives; every decision and
 * approval calls it, for the actor and, under a delegation, for the leader behind it too.
 */
export function assertNotMakerChecker(actorId: string, steps: EarlierSteps): void {
  const refusal = makerCheckerRefusal(actorId, steps);
  if (refusal) throw refusal;
}

/** The refusal `assertNotMakerChecker` throws, or null: for pages that offer a step only to whom may take it. */
export function makerCheckerRefusal(actorId: string, steps: EarlierSteps): Forbidden | null {
  if (steps.preparedBy && steps.preparedBy === actorId) {
    return new Forbidden('Người đã lập hồ sơ không được tự quyết định hoặc phê duyệt chính hồ sơ đó.');
  }
  if (steps.initialedBy && steps.initialedBy === actorId) {
    return new Forbidden('Người đã ký tắt hồ sơ không được tự quyết định hoặc phê duyệt chính hồ sơ đó.');
  }
  if (steps.requestedBy && steps.requestedBy === actorId) {
    return new Forbidden('Người đề nghị không được tự phê duyệt đề nghị của mình.');
  }
  if (steps.checkedBy && steps.checkedBy === actorId) {
    return new Forbidden('Người đã kiểm tra không được tự phê duyệt, kể cả qua người được mình ủy quyền.');
  }
  return null;
}
