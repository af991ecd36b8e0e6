import fc from 'fast-check';
import { Money } from './decimal';
import { amountInWords, inWordsLine, readWholeNumberVi } from './in-words-vi';

const RUNS = { numRuns: 1000 };

/**
 * Reads the words back to a number: the inverse the property below checks against. It knows
 * only the words amountInWords writes, so a stray word fails the test.
 */
function parseVietnamese(text: string): bigint {
  const digit = new Map(['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'].map((w, i) => [w, BigInt(i)]));
  let total = 0n;
  let segment = 0n;
  let small = 0n;
  let pending = 0n;
  for (const word of text.split(' ')) {
    if (digit.has(word)) pending = digit.get(word)!;
    else if (word === 'mốt') pending = 1n;
    else if (word === 'lăm') pending = 5n;
    else if (word === 'trăm') (small += pending * 100n), (pending = 0n);
    else if (word === 'mươi') (small += pending * 10n), (pending = 0n);
    else if (word === 'mười') small += 10n;
    else if (word === 'linh') continue;
    else if (word === 'nghìn') (segment += (small + pending) * 1000n), (small = pending = 0n);
    else if (word === 'triệu') (segment += (small + pending) * 1_000_000n), (small = pending = 0n);
    else if (word === 'tỷ') (total = (total + segment + small + pending) * 1_000_000_000n), (segment = small = pending = 0n);
    else throw new Error(`unexpected word "${word}" in "${text}"`);
  }
  return total + segment + small + pending;
}

describe('amounts in words', () => {
  it.each([
    ['0', 'Không đồng'],
    ['5', 'Năm đồng'],
    ['10', 'Mười đồng'],
    ['11', 'Mười một đồng'],
    ['14', 'Mười bốn đồng'],
    ['15', 'Mười lăm đồng'],
    ['20', 'Hai mươi đồng'],
    ['21', 'Hai mươi mốt đồng'],
    ['24', 'Hai mươi bốn đồng'],
    ['25', 'Hai mươi lăm đồng'],
    ['101', 'Một trăm linh một đồng'],
    ['105', 'Một trăm linh năm đồng'],
    ['110', 'Một trăm mười đồng'],
    ['115', 'Một trăm mười lăm đồng'],
    ['1005', 'Một nghìn không trăm linh năm đồng'],
    ['1010', 'Một nghìn không trăm mười đồng'],
    ['1000000', 'Một triệu đồng'],
    ['1000005', 'Một triệu không trăm linh năm đồng'],
    ['1005000', 'Một triệu không trăm linh năm nghìn đồng'],
    ['270000000', 'Hai trăm bảy mươi triệu đồng'],
    ['300000000', 'Ba trăm triệu đồng'],
    ['1000000000', 'Một tỷ đồng'],
    ['1000000005', 'Một tỷ không trăm linh năm đồng'],
    ['1250000000', 'Một tỷ hai trăm năm mươi triệu đồng'],
    ['1000000000000', 'Một nghìn tỷ đồng'],
    ['999999999999999', 'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng'],
    ['1000001000000000', 'Một triệu không trăm linh một tỷ đồng'],
    ['1000000000000000000', 'Một tỷ tỷ đồng'],
  ])('%s VND → %s', (amount, words) => {
    expect(amountInWords(new Money(amount), 'VND')).toBe(words);
  });

  it.each([
    ['12.30', 'Mười hai đô la Mỹ và ba mươi xu'],
    ['1.01', 'Một đô la Mỹ và một xu'],
    ['1000000.05', 'Một triệu đô la Mỹ và năm xu'],
    ['2500', 'Hai nghìn năm trăm đô la Mỹ'],
    ['0.75', 'Bảy mươi lăm xu'],
  ])('%s USD → %s', (amount, words) => {
    expect(amountInWords(new Money(amount), 'USD')).toBe(words);
  });

  it('writes the "Bằng chữ" line', () => {
    expect(inWordsLine(new Money('270000000'))).toBe('Bằng chữ: Hai trăm bảy mươi triệu đồng');
  });

  it('refuses negative amounts and places the currency does not have', () => {
    expect(() => amountInWords(new Money('-1'))).toThrow(RangeError);
    expect(() => amountInWords(new Money('1.5'), 'VND')).toThrow(RangeError);
    expect(() => amountInWords(new Money('1.555'), 'USD')).toThrow(RangeError);
    expect(() => readWholeNumberVi('12a')).toThrow(RangeError);
  });

  it('reads every amount up to 18 digits back to itself, in well-formed words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), fc.bigInt({ min: 0n, max: 100_000n })), (n) => {
        const text = amountInWords(new Money(n.toString()), 'VND');
        expect(text).toMatch(/ đồng$/);
        const words = text.slice(0, -' đồng'.length);
        // starts with a capital, one space between words, no space at either end
        expect(words.charAt(0)).toBe(words.charAt(0).toLocaleUpperCase('vi-VN'));
        expect(text).not.toMatch(/ {2}|^ | $/);
        const lower = words.charAt(0).toLocaleLowerCase('vi-VN') + words.slice(1);
        expect(parseVietnamese(lower)).toBe(n);
        const tokens = lower.split(' ');
        tokens.forEach((word, i) => {
          const before = tokens[i - 1];
          const after = tokens[i + 1];
          // "mươi" only after a digit 2–9; "mười" never after a digit
          if (word === 'mươi') expect(['hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']).toContain(before);
          if (word === 'mười') expect(['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']).not.toContain(before);
          // "mốt" only after "mươi"; "lăm" only after a ten
          if (word === 'mốt') expect(before).toBe('mươi');
          if (word === 'lăm') expect(['mươi', 'mười']).toContain(before);
          // "linh" only between "trăm" and a digit 1–9
          if (word === 'linh') {
            expect(before).toBe('trăm');
            expect(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín']).toContain(after);
          }
          // no "một mươi", "không mươi", "mười không", "tư"
          expect(word).not.toBe('tư');
          if (word === 'không') expect(n === 0n || after === 'trăm').toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('reads cents as well as the whole units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 17n }), (cents) => {
        const amount = new Money(cents.toString()).div(100);
        const text = amountInWords(amount, 'USD');
        expect(text).not.toMatch(/ {2}/);
        const [major, minor] = text.includes(' và ') ? text.split(' và ') : text.endsWith(' xu') ? [null, text] : [text, null];
        const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);
        const dollars = major ? parseVietnamese(lower(major).replace(/ đô la Mỹ$/, '')) : 0n;
        const rest = minor ? parseVietnamese(lower(minor).replace(/ xu$/, '')) : 0n;
        expect(dollars * 100n + rest).toBe(cents);
      }),
      RUNS,
    );
  });
});
