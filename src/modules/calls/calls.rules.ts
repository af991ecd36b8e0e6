import type { FieldError } from '../../common/http/domain-error';
import { formatDateVi } from '../../common/money/format-vi';
import { CallsError } from './calls.error';

/** Where a call stands on a day: not open yet, taking files, or closed. */
export type CallWindow = 'upcoming' | 'open' | 'closed';

/** The days a call takes files: from `opensOn` to `closesOn`, both included (`YYYY-MM-DD`). */
export interface CallDates {
  opensOn: string;
  closesOn: string;
}

/** Where the call stands on `today` (`YYYY-MM-DD`, Asia/Ho_Chi_Minh). */
export function callWindow({ opensOn, closesOn, today }: CallDates & { today: string }): CallWindow {
  if (today < opensOn) return 'upcoming';
  return today > closesOn ? 'closed' : 'open';
}

/**
 * Whether a file filed under the call may be submitted on `today`: null inside the window, else
 * 409 CALL_CLOSED saying when the call opens or when it closed.
 */
export function submissionWindowRefusal({ call, today }: { call: CallDates & { title: string }; today: string }): CallsError | null {
  const window = callWindow({ ...call, today });
  if (window === 'open') return null;
  const detail =
    window === 'upcoming'
      ? `Đợt "${call.title}" chưa mở: nhận hồ sơ từ ngày ${formatDateVi(call.opensOn)} đến hết ngày ${formatDateVi(call.closesOn)}.`
      : `Đợt "${call.title}" đã kết thúc nhận hồ sơ ngày ${formatDateVi(call.closesOn)}.`;
  return new CallsError('CALL_CLOSED', detail, [{ field: 'callId', message: window === 'upcoming' ? 'đợt chưa mở' : 'đợt đã kết thúc' }]);
}

/**
 * Whether a draft may still be filed under the call: until the day it closes (drafting before it
 * opens is allowed; submitting waits for the window). Null, or 409 CALL_CLOSED.
 */
export function draftingRefusal({ call, today }: { call: CallDates & { title: string }; today: string }): CallsError | null {
  return callWindow({ ...call, today }) === 'closed' ? submissionWindowRefusal({ call, today }) : null;
}

/** What of a file a call constrains. */
export interface FileUnderCall {
  activityTypeCode: string;
  fundCode: string;
  fiscalYear: number;
}

/**
 * Where a file does not fit the call it is filed under, each naming the file's field: its
 * activity type must be one the call covers, its fund and fiscal year the call's.
 */
export function callMismatches({ call, file }: { call: Omit<FileUnderCall, 'activityTypeCode'> & { activityTypeCodes: readonly string[] }; file: FileUnderCall }): FieldError[] {
  const problems: FieldError[] = [];
  if (!call.activityTypeCodes.includes(file.activityTypeCode)) {
    problems.push({ field: 'activityTypeCode', message: `đợt tiếp nhận chỉ nhận các loại hoạt động: ${call.activityTypeCodes.join(', ')}` });
  }
  if (file.fundCode !== call.fundCode) problems.push({ field: 'fundCode', message: `đợt tiếp nhận dùng nguồn kinh phí ${call.fundCode}` });
  if (file.fiscalYear !== call.fiscalYear) problems.push({ field: 'fiscalYear', message: `đợt tiếp nhận thuộc năm ngân sách ${call.fiscalYear}` });
  return problems;
}

/** What is wrong with a new call's dates, each naming its field (the close may not come before the opening). */
export function newCallProblems({ opensOn, closesOn }: CallDates): FieldError[] {
  return closesOn < opensOn ? [{ field: 'closesOn', message: 'không được trước ngày mở đợt' }] : [];
}
