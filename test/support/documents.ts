import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** supertest parser that reads a binary response (PDF, XLSX) into a Buffer. */
export function binary(response: unknown, cb: (err: Error | null, body: Buffer) => void): void {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The text of a PDF, as poppler's pdftotext extracts it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'kcfund-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

/** The body of a .docx as Word stores it (word/document.xml, read with jszip). */
export async function docxXml(docx: Buffer): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as { loadAsync(data: Buffer): Promise<{ file(name: string): { async(type: 'string'): Promise<string> } | null }> };
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}

/**
 * The text of a .docx (word/document.xml, read with jszip): one line per paragraph, the runs of
 * a paragraph joined, XML entities decoded.
 */
export async function docxText(docx: Buffer): Promise<string> {
  const xml = await docxXml(docx);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1])).join(''))
    .join('\n');
}

/** Text with every run of white space made one space, for comparing what two renderings say. */
export function flat(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The text of each page of a PDF, first page first (poppler's pdfinfo and pdftotext, page by page). */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kcfund-pages-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
}
