import { DomainError } from '../../common/http/domain-error';

/** Refusals of the register of outgoing documents and of the papers. */
export class OfficialDocumentsError extends DomainError {}
