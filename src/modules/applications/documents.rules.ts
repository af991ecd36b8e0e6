export interface DocumentType {
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  extension: 'pdf' | 'jpg' | 'png';
}

const SIGNATURES: Array<{ magic: number[]; type: DocumentType }> = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], type: { contentType: 'application/pdf', extension: 'pdf' } }, // %PDF-
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], type: { contentType: 'image/png', extension: 'png' } },
  { magic: [0xff, 0xd8, 0xff], type: { contentType: 'image/jpeg', extension: 'jpg' } },
];

/**
 * The type of a document from its first bytes, never from the name or the declared type a client
 * sends: PDF, JPEG or PNG, or null for anything else.
 */
export function detectDocumentType(content: Uint8Array): DocumentType | null {
  const match = SIGNATURES.find(({ magic }) => content.length >= magic.length && magic.every((byte, i) => content[i] === byte));
  return match ? match.type : null;
}

/**
 * A name safe to store and to send back in Content-Disposition: the base name only, no control
 * characters or path separators, at most 200 characters, with the extension of the real type.
 */
export function documentName({ original, type }: { original: string | undefined; type: DocumentType }): string {
  const base = (original ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 190);
  return `${base || 'tai-lieu'}.${type.extension}`;
}
