import { formatMoneyForApi } from '../../common/money/money';
import type { Disbursement } from './disbursement.entity';

export interface DisbursementView {
  id: string;
  applicationId: string;
  kind: Disbursement['kind'];
  amount: string;
  status: Disbursement['status'];
  note: string | null;
  requestedBy: string;
  requestedAt: string;
  requestedOnBehalfOf: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  paidBy: string | null;
  paidAt: string | null;
  treasuryRef: string | null;
  valueDate: string | null;
  transferId: string | null;
  rejectedBy: string | null;
  rejectedReason: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
  returnTreasuryRef: string | null;
  returnValueDate: string | null;
  returnReason: string | null;
  returnTransferId: string | null;
}

export function toDisbursementView(d: Disbursement, currency: string): DisbursementView {
  return {
    id: d.id,
    applicationId: d.applicationId,
    kind: d.kind,
    amount: formatMoneyForApi(d.amount, currency),
    status: d.status,
    note: d.note,
    requestedBy: d.requestedBy,
    requestedAt: d.requestedAt.toISOString(),
    requestedOnBehalfOf: d.requestedOnBehalfOf ?? null,
    approvedBy: d.approvedBy,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    paidBy: d.paidBy,
    paidAt: d.paidAt?.toISOString() ?? null,
    treasuryRef: d.treasuryRef,
    valueDate: d.valueDate,
    transferId: d.transferId,
    rejectedBy: d.rejectedBy,
    rejectedReason: d.rejectedReason,
    returnedBy: d.returnedBy ?? null,
    returnedAt: d.returnedAt?.toISOString() ?? null,
    returnTreasuryRef: d.returnTreasuryRef ?? null,
    returnValueDate: d.returnValueDate ?? null,
    returnReason: d.returnReason ?? null,
    returnTransferId: d.returnTransferId ?? null,
  };
}
