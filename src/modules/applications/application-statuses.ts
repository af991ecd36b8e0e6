/**
 * The statuses of a file (đề án) and the groups other modules ask about: the public facts of the
 * workflow. Where each step leads is the workflow's rule (workflow.rules.ts).
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'needs_supplement',
  'under_review',
  'recommended',
  'initialed',
  'approved',
  'rejected',
  'contracted',
  'accepted',
  'settlement_submitted',
  'settled',
  'withdrawn',
  'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Where a file's life ends: nothing more happens to it, no unit still works or pays on it. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['rejected', 'settled', 'withdrawn', 'cancelled'];

/** The statuses in which the office is working on a file against its due date. */
export const IN_REVIEW_STATUSES: ApplicationStatus[] = ['under_review', 'recommended', 'initialed'];
