import type { ApplicationView } from '../../modules/applications/application.view';

/** What a producer is asked to do with a file now. */
export interface OwnerRequest {
  text: string;
  dueDate: string | null;
  overdue: boolean;
}

/** The last step of a kind in a file's timeline. */
export function lastStep(app: Pick<ApplicationView, 'timeline'>, action: string) {
  return [...app.timeline].reverse().find((e) => e.action === action) ?? null;
}

/**
 * What the owner must do with a file now, if anything: complete and submit a draft, supplement it
 * by the date the officer set, file the settlement by its due date after acceptance.
 */
export function askedOfOwner(
  app: Pick<ApplicationView, 'status' | 'timeline' | 'supplementDueDate'>,
  settlementDueDate: string | null,
  today: string,
): OwnerRequest | null {
  switch (app.status) {
    case 'draft':
      return { text: 'Hoàn thiện hồ sơ, đính kèm tài liệu và nộp hồ sơ.', dueDate: null, overdue: false };
    case 'needs_supplement': {
      const reason = lastStep(app, 'return')?.note ?? '';
      const due = app.supplementDueDate;
      return { text: `Bổ sung hồ sơ theo yêu cầu: ${reason}`, dueDate: due, overdue: Boolean(due && due < today) };
    }
    case 'accepted':
      return {
        text: 'Đề án đã được nghiệm thu: lập và nộp hồ sơ quyết toán (chi phí thực tế).',
        dueDate: settlementDueDate,
        overdue: Boolean(settlementDueDate && settlementDueDate < today),
      };
    default:
      return null;
  }
}
