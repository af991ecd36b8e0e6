import { Money } from '../../common/money/decimal';
import { formatMoneyVi } from '../../common/money/format-vi';
import { ApplicationStatus } from '../applications/application-statuses';
import { statusLabel } from '../applications/applications.labels';

/** Money a unit can still commit in one open year of one fund. */
export interface UnitHolding {
  fundCode: string;
  fiscalYear: number;
  currency: string;
  available: string;
}

export interface UnitOpenFiles {
  total: number;
  files: Array<{ id: string; title: string; status: string }>;
}

/**
 * Why a unit may not be deactivated, in words an administrator reads, or null when it may: it
 * still holds money it could commit (in an open year) or files not yet in a final status. Every
 * fund/year and every file listed is named, so the administrator knows what to move first.
 */
export function deactivationRefusal(input: { unitName: string; holdings: UnitHolding[]; openFiles: UnitOpenFiles }): string | null {
  const reasons: string[] = [];
  if (input.holdings.length) {
    const money = input.holdings.map((h) => `${formatMoneyVi(new Money(h.available), h.currency)} (nguồn ${h.fundCode}, năm ${h.fiscalYear})`);
    reasons.push(`còn kinh phí khả dụng ${money.join('; ')}`);
  }
  if (input.openFiles.total > 0) {
    const named = input.openFiles.files.map((f) => `"${f.title}" (${statusLabel(f.status as ApplicationStatus) ?? f.status})`);
    const more = input.openFiles.total - named.length;
    reasons.push(`còn ${input.openFiles.total} hồ sơ chưa kết thúc: ${named.join(', ')}${more > 0 ? ` và ${more} hồ sơ khác` : ''}`);
  }
  if (reasons.length === 0) return null;
  return `Không thể ngừng hoạt động đơn vị "${input.unitName}": ${reasons.join('; ')}. Hãy điều chuyển kinh phí và hồ sơ sang đơn vị khác trước.`;
}
