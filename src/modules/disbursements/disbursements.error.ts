import { DomainError } from '../../common/http/domain-error';

/** Refusals of contracts, disbursements and acceptance. */
export class DisbursementError extends DomainError {}
