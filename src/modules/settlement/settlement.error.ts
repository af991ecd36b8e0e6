import { DomainError } from '../../common/http/domain-error';

/** Refusals of settlement and recovery. */
export class SettlementError extends DomainError {}
