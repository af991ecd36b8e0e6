/** The treasury statement's columns, in this order, exactly (API.md, Reconciliation). */
export const STATEMENT_COLUMNS = ['treasuryRef', 'valueDate', 'amount', 'direction', 'payeeTaxCode', 'description'] as const;
