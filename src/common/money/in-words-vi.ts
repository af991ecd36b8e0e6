import { currencyScale } from './currency';
import { Decimal, plainString } from './decimal';

/**
 * Amounts in words as Vietnamese accounting papers write them under a figure ("Bằng chữ: Hai
 * trăm bảy mươi triệu đồng"). The reading follows the usage of the Ministry of Finance's forms:
 * "linh" for a zero ten after a hundred (một trăm linh năm), "mười" for ten and "mươi" for the
 * tens 20–90, "mốt" for a one after "mươi", "lăm" for a five after a ten, "bốn" (never "tư"),
 * "tỷ" for 10^9, and every group after the first read in full ("một nghìn không trăm linh năm").
 * Digits go in as a string and never pass through a JS number.
 *
 * Why not `read-vietnamese-number` (npm, MIT, 2.3.1; source read at
 * github.com/tonghoangvu/read-vietnamese-number-js, `src/reader.ts`, `src/type.ts`): checked
 * against the hard cases of the spec beside this file, it reads every whole number right once
 * configured — 0, 5, 10 (mười), 15 (mười lăm), 21 (hai mươi mốt), 105, 1.005 (một nghìn không
 * trăm lẻ năm), 1.000.000, 1.000.005, 10^12 (một nghìn tỉ), 999.999.999.999.999 — but:
 * - USD with cents is wrong: a fraction is read as decimal digits after "chấm", trailing zeros
 *   trimmed, so 12.30 reads "mười hai chấm ba" and 12.05 "mười hai chấm không năm", where a
 *   paper says "Mười hai đô la Mỹ và ba mươi xu". It has no major and minor unit; we would split
 *   the amount and name the units ourselves, leaving it only the whole-number reading.
 * - Its defaults are not the Ministry's forms: "lẻ" (we write "linh"), "tư" after "mươi" (we
 *   write "bốn"), "tỉ" (we write "tỷ"), unit "đơn vị", lower case; five settings to pin on every
 *   call, and a change of default in a release would change the papers silently.
 * - Its README and its source disagree on the argument order of `doReadNumber`
 *   (`(config, number)` against `(number, config)`), a sign of an API still moving.
 * What is left is some sixty lines of reading that we keep here, with the table of hard cases
 * and a property test that reads every amount up to 18 digits back (`in-words-vi.spec.ts`).
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** The groups below a billion: units, thousands, millions. */
const GROUP_NAMES = ['', 'nghìn', 'triệu'];

/** The words of a currency: its major unit and, for currencies with cents, the minor unit. */
const CURRENCY_WORDS: Record<string, { major: string; minor?: string }> = {
  VND: { major: 'đồng' },
  USD: { major: 'đô la Mỹ', minor: 'xu' },
  EUR: { major: 'euro', minor: 'xu' },
};

/**
 * One group of three digits. `full` reads a zero hundred ("không trăm") and "linh": a group
 * that follows a larger one; the first group of a number says only what it holds.
 */
function readTriple(hundreds: number, tens: number, units: number, full: boolean): string[] {
  const words: string[] = [];
  const hasHundreds = full || hundreds > 0;
  if (hasHundreds) words.push(DIGITS[hundreds], 'trăm');
  if (tens === 0) {
    if (units > 0 && hasHundreds) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens], 'mươi');
  }
  if (units === 0) return words;
  if (units === 1 && tens >= 2) words.push('mốt');
  else if (units === 5 && tens >= 1) words.push('lăm');
  else words.push(DIGITS[units]);
  return words;
}

/** A number below a billion (at most 9 digits, no leading zeros needed). `full`: see readTriple. */
function readBelowBillion(digits: string, full: boolean): string[] {
  const padded = digits.padStart(9, '0');
  const words: string[] = [];
  let started = full;
  for (let group = 2; group >= 0; group--) {
    const triple = padded.slice((2 - group) * 3, (2 - group) * 3 + 3);
    if (triple === '000') continue;
    const [h, t, u] = [...triple].map((d) => d.charCodeAt(0) - 48);
    words.push(...readTriple(h, t, u, started));
    if (GROUP_NAMES[group]) words.push(GROUP_NAMES[group]);
    started = true;
  }
  return words;
}

/**
 * A whole number (a string of decimal digits) in Vietnamese words, lower case. Above a billion
 * the part before "tỷ" is itself read as a number, so 10^12 is "một nghìn tỷ", 10^15 "một triệu
 * tỷ" and 10^18 "một tỷ tỷ".
 */
export function readWholeNumberVi(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new RangeError('a whole number is a string of decimal digits');
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed === '0') return DIGITS[0];
  return readDigits(trimmed, false).join(' ');
}

function readDigits(digits: string, full: boolean): string[] {
  if (digits.length <= 9) return readBelowBillion(digits, full);
  const billions = digits.slice(0, -9).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(-9);
  const words = billions === '0' ? [] : [...readDigits(billions, full), 'tỷ'];
  if (!/^0+$/.test(rest)) words.push(...readBelowBillion(rest, billions !== '0' || full));
  return words;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);

/**
 * An amount of money in words, capitalised as it follows "Bằng chữ:": `270000000` VND →
 * "Hai trăm bảy mươi triệu đồng"; `12.30` USD → "Mười hai đô la Mỹ và ba mươi xu". A negative
 * amount is refused (papers print what is owed, in the direction the sentence says).
 */
export function amountInWords(amount: Decimal, currency = 'VND'): string {
  if (amount.isNegative() || !amount.isFinite()) throw new RangeError('an amount in words is zero or more');
  const scale = currencyScale(currency);
  if (amount.decimalPlaces() > scale) throw new RangeError(`${currency} amounts have at most ${scale} decimal places`);
  const words = CURRENCY_WORDS[currency] ?? { major: currency, minor: scale > 0 ? 'xu' : undefined };
  const [whole, fraction = ''] = plainString(amount, scale).split('.');
  const cents = fraction.replace(/^0+(?=\d)/, '');
  const major = `${readWholeNumberVi(whole)} ${words.major}`;
  if (scale === 0 || /^0*$/.test(fraction)) return capitalise(major);
  const minor = `${readWholeNumberVi(cents)} ${words.minor ?? 'xu'}`;
  return capitalise(whole === '0' ? minor : `${major} và ${minor}`);
}

/** The "Bằng chữ" line under a figure a signer vouches for. */
export function inWordsLine(amount: Decimal, currency = 'VND'): string {
  return `Bằng chữ: ${amountInWords(amount, currency)}`;
}
