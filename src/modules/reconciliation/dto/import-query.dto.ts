import { PageQuery } from '../../../common/http/page';

/** `GET /reconciliation/imports`: newest first, a page at a time. */
export class ReconciliationImportQuery extends PageQuery {}
