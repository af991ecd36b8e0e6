/**
 * The fixed wording of every official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the national
 * motto, the place-date line and the number line. The PDF and DOCX layouts and the text a paper
 * must carry all take them from here.
 */
export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The place-date line of an official document: "Đồng Tháp, ngày 23 tháng 11 năm 2026". As the
 * rules on administrative documents require, a day below 10 and the months 1 and 2 take a
 * leading zero ("ngày 05 tháng 02 năm 2026").
 */
export function placeDateLine(place: string, isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map((part) => Number.parseInt(part, 10));
  const monthText = month <= 2 ? two(month) : String(month);
  return `${place}, ngày ${two(day)} tháng ${monthText} năm ${year}`;
}

/** The number line: "Số: ....../BC-SCT" until the office numbers the document when it is signed. */
export function numberLine(suffix: string, number?: string): string {
  return `Số: ${number?.trim() || '.......'}/${suffix}`;
}

/**
 * The issuing body in the lines a header prints it on: a long name breaks before its province
 * ("SỞ CÔNG THƯƠNG" / "TỈNH ĐỒNG THÁP") rather than wherever the column ends.
 */
export function issuerLines(body: string): string[] {
  const upper = body.toUpperCase();
  const at = upper.search(/ (TỈNH|THÀNH PHỐ) /);
  return upper.length > 22 && at > 0 ? [upper.slice(0, at), upper.slice(at + 1)] : [upper];
}

/**
 * An issuing body written in capitals, as a sentence names it: "SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP" →
 * "Sở Công Thương tỉnh Đồng Tháp" (each word capitalised, the words of an administrative level —
 * tỉnh, thành phố, xã, phường — in lower case).
 */
export function bodyInSentence(body: string): string {
  const words = body.toLocaleLowerCase('vi-VN').split(/\s+/).filter(Boolean);
  const level = new Set(['tỉnh', 'thành', 'phố', 'xã', 'phường', 'huyện', 'quận']);
  return words.map((w, i) => (level.has(w) && i > 0 ? w : w.charAt(0).toLocaleUpperCase('vi-VN') + w.slice(1))).join(' ');
}
