import { checkbox, FormBody, normaliseAmount, optionalText, rows, text, wholeNumber } from './form-input';

/** A quantity as people type it: `1,5` (vi-VN decimal comma) is `1.5`. */
export function normaliseQuantity(value: string | undefined): string {
  const typed = (value ?? '').trim();
  return /^\d+,\d+$/.test(typed) ? typed.replace(',', '.') : typed;
}

/** Maps the API's row numbers (rows left blank are skipped) back to the rows of the form. */
export function rowRenamer(group: string, formIndexes: number[]): (field: string) => string {
  const pattern = new RegExp(`^${group}\\[(\\d+)\\]`);
  return (field) => field.replace(pattern, (whole, i: string) => (formIndexes[Number(i)] === undefined ? whole : `${group}[${formIndexes[Number(i)]}]`));
}

/** The cost lines of the application form, and where each came from in the form. */
export function costLinesOf(body: FormBody) {
  const found = rows(body, 'costLines');
  return {
    lines: found.map(({ fields }) => ({
      description: fields.description ?? '',
      quantity: normaliseQuantity(fields.quantity),
      unitPrice: normaliseAmount(fields.unitPrice ?? ''),
      eligible: checkbox(fields, 'eligible'),
    })),
    formIndexes: found.map((r) => r.index),
  };
}

/** The application form as the API's CreateApplicationDto body. */
export function applicationInput(body: FormBody) {
  const { lines, formIndexes } = costLinesOf(body);
  const requested = optionalText(body, 'requestedSupport');
  return {
    input: {
      establishmentId: text(body, 'establishmentId'),
      activityTypeCode: text(body, 'activityTypeCode'),
      fiscalYear: wholeNumber(body, 'fiscalYear') ?? '',
      fundCode: text(body, 'fundCode'),
      title: text(body, 'title'),
      communeCode: optionalText(body, 'communeCode'),
      startDate: optionalText(body, 'startDate'),
      endDate: optionalText(body, 'endDate'),
      costLines: lines,
      requestedSupport: requested === undefined ? undefined : normaliseAmount(requested),
      // The call the form was opened for (a hidden field): kept on the file as it is.
      callId: optionalText(body, 'callId'),
    },
    formIndexes,
  };
}

/** The settlement form as the API's SubmitSettlementDto body. */
export function settlementInput(body: FormBody) {
  const found = rows(body, 'actualCostLines');
  return {
    input: {
      actualCostLines: found.map(({ fields }) => ({
        description: fields.description ?? '',
        amount: normaliseAmount(fields.amount ?? ''),
        eligible: checkbox(fields, 'eligible'),
        ...(fields.documentRef?.trim() ? { documentRef: fields.documentRef.trim() } : {}),
      })),
    },
    formIndexes: found.map((r) => r.index),
  };
}
