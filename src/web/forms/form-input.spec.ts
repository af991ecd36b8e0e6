import fc from 'fast-check';
import { amount, amountForInput, checkbox, list, normaliseAmount, optionalText, quantityForInput, rows, text, wholeNumber } from './form-input';
import { normaliseQuantity } from './application-input';

describe('form input', () => {
  it('takes amounts as the API money strings, dropping vi-VN thousands separators', () => {
    expect(normaliseAmount('1.250.000')).toBe('1250000');
    expect(normaliseAmount('1 250 000')).toBe('1250000');
    expect(normaliseAmount('800000000')).toBe('800000000');
    // Irregular or mixed grouping is left for validation to refuse.
    expect(normaliseAmount('1.25.000')).toBe('1.25.000');
    expect(normaliseAmount('1.250 000')).toBe('1.250 000');
    expect(normaliseAmount('12.5')).toBe('12.5');
    expect(normaliseAmount('1e6')).toBe('1e6');
    expect(amount({ a: '  ' }, 'a')).toBeUndefined();
  });

  it('shows amounts to be edited with vi-VN dots, and reads them back unchanged', () => {
    expect(amountForInput('180000000')).toBe('180.000.000');
    expect(amountForInput('0')).toBe('0');
    expect(amountForInput('999')).toBe('999');
    expect(amountForInput('1000')).toBe('1.000');
    expect(amountForInput('1500.50')).toBe('1500.50');
    expect(amountForInput(null)).toBe('');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (n) => {
        expect(normaliseAmount(amountForInput(n.toString()))).toBe(n.toString());
      }),
    );
  });

  it('shows quantities to be edited with the decimal comma, and reads them back unchanged', () => {
    expect(quantityForInput('1.5')).toBe('1,5');
    expect(quantityForInput('2')).toBe('2');
    expect(normaliseQuantity(quantityForInput('12.25'))).toBe('12.25');
  });

  it('reads numbers, texts, checkboxes and lists', () => {
    expect(wholeNumber({ y: '2026' }, 'y')).toBe(2026);
    expect(wholeNumber({ y: '20a' }, 'y')).toBe('20a');
    expect(wholeNumber({ y: '' }, 'y')).toBeUndefined();
    expect(text({}, 'x')).toBe('');
    expect(optionalText({ x: '  ' }, 'x')).toBeUndefined();
    expect(checkbox({ e: 'on' }, 'e')).toBe(true);
    expect(checkbox({}, 'e')).toBe(false);
    expect(list({ c: ['a', 'b'] }, 'c')).toEqual(['a', 'b']);
    expect(list({ c: 'a' }, 'c')).toEqual(['a']);
    expect(list({}, 'c')).toBeUndefined();
  });

  it('collects repeated rows in index order and skips blank ones', () => {
    const body = {
      'costLines[1].description': 'Lắp đặt',
      'costLines[1].unitPrice': '5000000',
      'costLines[0].description': 'Máy sấy',
      'costLines[0].eligible': 'on',
      'costLines[2].description': ' ',
      'costLines[2].eligible': 'on',
      'costLines[10].quantity': '2',
      other: 'x',
    };
    expect(rows(body, 'costLines')).toEqual([
      { index: 0, fields: { description: 'Máy sấy', eligible: 'on' } },
      { index: 1, fields: { description: 'Lắp đặt', unitPrice: '5000000' } },
      { index: 10, fields: { quantity: '2' } },
    ]);
  });
});
