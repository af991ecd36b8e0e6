import { OFFICIAL_DOCUMENT_LABELS, OFFICIAL_DOCUMENT_SYMBOLS } from './document-register.labels';
import type { OfficialDocumentType } from './document-register.types';

/**
 * A paper's number and symbol as printed: `12/QĐ-SCT`. As Nghị định 30/2020/NĐ-CP asks, a
 * number below 10 takes a leading zero (`05/BB-NT`); a contract's number carries its year
 * (`05/2026/HĐ-TTKC`), since contract numbers stay unique across years.
 */
export function documentNumber(input: { type: OfficialDocumentType; year: number; seq: number }): string {
  if (!Number.isInteger(input.seq) || input.seq < 1) throw new RangeError('a register number is a whole number from 1');
  const n = input.seq < 10 ? `0${input.seq}` : String(input.seq);
  const symbol = OFFICIAL_DOCUMENT_SYMBOLS[input.type];
  return input.type === 'contract' ? `${n}/${input.year}/${symbol}` : `${n}/${symbol}`;
}

/**
 * What makes two printed numbers the same paper's: the number part without its leading zeros
 * ("7/QĐ-SCT" is "07/QĐ-SCT"), white space and letter case aside.
 */
export function numberKey(number: string): string {
  return number
    .trim()
    .replace(/\s*\/\s*/g, '/')
    .replace(/^0+(?=\d)/, '')
    .toLocaleUpperCase('vi-VN');
}

/** Whether `number` is already among `numbers` (as `numberKey` compares them). */
export function numberTaken(number: string, numbers: Iterable<string>): boolean {
  const key = numberKey(number);
  for (const other of numbers) if (numberKey(other) === key) return true;
  return false;
}

/**
 * The next number of a type in a year: one after the highest given so far, passing over any that
 * a number typed by a user already holds (a typed "07/QĐ-SCT", or "7/QĐ-SCT", keeps 7 from being
 * issued twice).
 */
export function nextSeq(input: { type: OfficialDocumentType; year: number; highest: number; taken: ReadonlySet<string> }): number {
  const taken = new Set([...input.taken].map(numberKey));
  let seq = input.highest + 1;
  while (taken.has(numberKey(documentNumber({ type: input.type, year: input.year, seq })))) seq++;
  return seq;
}

/** Trích yếu: what a paper is about, as the register lists it. */
export function documentSummary(type: OfficialDocumentType, fileTitle: string): string {
  return `${OFFICIAL_DOCUMENT_LABELS[type]}: ${fileTitle}`.slice(0, 500);
}
