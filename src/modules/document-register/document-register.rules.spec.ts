import fc from 'fast-check';
import { documentNumber, documentSummary, nextSeq, numberKey, numberTaken } from './document-register.rules';
import { OFFICIAL_DOCUMENT_TYPES } from './document-register.types';

describe('the register numbers', () => {
  it('prints number and symbol, a leading zero below 10, the year in a contract number', () => {
    expect(documentNumber({ type: 'decision', year: 2026, seq: 12 })).toBe('12/QĐ-SCT');
    expect(documentNumber({ type: 'decision', year: 2026, seq: 5 })).toBe('05/QĐ-SCT');
    expect(documentNumber({ type: 'contract', year: 2026, seq: 5 })).toBe('05/2026/HĐ-TTKC');
    expect(documentNumber({ type: 'acceptance', year: 2026, seq: 100 })).toBe('100/BB-NT');
    expect(documentNumber({ type: 'settlement', year: 2026, seq: 1 })).toBe('01/BB-QT');
    expect(documentNumber({ type: 'recovery-notice', year: 2026, seq: 3 })).toBe('03/TB-TH');
    expect(documentNumber({ type: 'payment-request', year: 2026, seq: 9 })).toBe('09/GĐN-TT');
    expect(() => documentNumber({ type: 'decision', year: 2026, seq: 0 })).toThrow(RangeError);
  });

  it('gives the number after the highest, passing over numbers typed by users', () => {
    expect(nextSeq({ type: 'decision', year: 2026, highest: 0, taken: new Set() })).toBe(1);
    expect(nextSeq({ type: 'decision', year: 2026, highest: 6, taken: new Set(['07/QĐ-SCT', '08/QĐ-SCT', '10/QĐ-SCT']) })).toBe(9);
    // a number typed without its leading zero is the same number
    expect(nextSeq({ type: 'decision', year: 2026, highest: 6, taken: new Set(['7/QĐ-SCT']) })).toBe(8);
    expect(nextSeq({ type: 'contract', year: 2026, highest: 0, taken: new Set(['1/2026/HĐ-TTKC', '002/2026/HĐ-TTKC']) })).toBe(3);
  });

  it('takes a number typed without its leading zero, or in other case, for the number issued', () => {
    expect(numberKey('07/QĐ-SCT')).toBe(numberKey('7/QĐ-SCT'));
    expect(numberKey(' 007 / qđ-sct ')).toBe(numberKey('07/QĐ-SCT'));
    expect(numberKey('70/QĐ-SCT')).not.toBe(numberKey('7/QĐ-SCT'));
    expect(numberKey('0/QĐ-SCT')).toBe('0/QĐ-SCT');
    expect(numberTaken('7/QĐ-SCT', ['06/QĐ-SCT', '07/QĐ-SCT'])).toBe(true);
    expect(numberTaken('7/QĐ-SCT', ['07/BB-NT', '17/QĐ-SCT'])).toBe(false);
  });

  it('never gives a number already printed, and numbers of different types or years never collide', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFICIAL_DOCUMENT_TYPES), fc.integer({ min: 0, max: 500 }), fc.uniqueArray(fc.integer({ min: 1, max: 520 }), { maxLength: 30 }), (type, highest, typedSeqs) => {
        const taken = new Set(typedSeqs.map((seq) => documentNumber({ type, year: 2026, seq })));
        const seq = nextSeq({ type, year: 2026, highest, taken });
        expect(seq).toBeGreaterThan(highest);
        expect(taken.has(documentNumber({ type, year: 2026, seq }))).toBe(false);
        for (let s = highest + 1; s < seq; s++) expect(taken.has(documentNumber({ type, year: 2026, seq: s }))).toBe(true);
      }),
    );
    const all = OFFICIAL_DOCUMENT_TYPES.flatMap((type) => [1, 2, 10].map((seq) => documentNumber({ type, year: 2026, seq })));
    expect(new Set(all).size).toBe(all.length);
  });

  it('summarises a paper by its kind and the file', () => {
    expect(documentSummary('decision', 'Máy sấy lúa')).toBe('Quyết định hỗ trợ kinh phí khuyến công: Máy sấy lúa');
    expect(documentSummary('decision', 'x'.repeat(600))).toHaveLength(500);
  });
});
