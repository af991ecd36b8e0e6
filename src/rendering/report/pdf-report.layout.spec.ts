import fc from 'fast-check';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { codeWidth } from './pdf-report.layout';

/** The width pdfkit (under pdfmake) gives a code in the tables' font: 8 pt Roboto. */
const doc = new PDFDocument({ autoFirstPage: false }).font(join(__dirname, '..', '..', '..', 'reports', 'fonts', 'Roboto-Regular.ttf')).fontSize(8);
const printed = (code: string) => doc.widthOfString(code);

describe('the width a code column is given', () => {
  it('never falls short of the code as printed, whatever its letters (a code is never cut or spilled)', () => {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/.,:_';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 32 }), (letters) => {
        const code = letters.join('');
        return codeWidth(code) - 10 >= printed(code);
      }),
    );
  });

  it('gives wide capitals more room than digits', () => {
    expect(codeWidth('MMMMWWWW')).toBeGreaterThan(codeWidth('00000000'));
  });
});
