import { detectDocumentType, documentName } from './documents.rules';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectDocumentType', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(detectDocumentType(Buffer.from('%PDF-1.7\n...'))?.contentType).toBe('application/pdf');
    expect(detectDocumentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.contentType).toBe('image/png');
    expect(detectDocumentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.contentType).toBe('image/jpeg');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(detectDocumentType(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
    expect(detectDocumentType(Buffer.from('<html>%PDF-'))).toBeNull();
    expect(detectDocumentType(bytes(0xff, 0xd8))).toBeNull();
    expect(detectDocumentType(bytes())).toBeNull();
  });
});

describe('documentName', () => {
  const pdf = { contentType: 'application/pdf' as const, extension: 'pdf' as const };
  it('keeps the base name and gives it the real extension', () => {
    expect(documentName({ original: 'Giấy phép kinh doanh.PDF', type: pdf })).toBe('Giấy phép kinh doanh.pdf');
    expect(documentName({ original: '../../etc/passwd', type: pdf })).toBe('passwd.pdf');
    expect(documentName({ original: 'C:\\docs\\bao "gia".exe', type: pdf })).toBe('bao gia.pdf');
    expect(documentName({ original: undefined, type: pdf })).toBe('tai-lieu.pdf');
  });
});
