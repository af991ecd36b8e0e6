import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { watchMultipartLimits } from '../../common/http/multipart-limits';
import { AdminUnitsError } from './admin-units.error';

/** Largest list file taken: the 2025 list is about 115 KB. */
export const MAX_ADMIN_UNITS_BYTES = 5 * 1024 * 1024;

/** A list file as uploaded: its text (UTF-8) and, from a multipart upload, its name. */
export interface AdminUnitsUpload {
  text: string;
  fileName: string | null;
}

const TEXT_TYPES = /^(text\/tab-separated-values|text\/plain)\b/i;

/**
 * Reads a list file from the request: a multipart/form-data upload (the file in field `file`) or
 * the TSV itself as the body (Content-Type text/tab-separated-values or text/plain). At most 5 MB,
 * UTF-8; anything else is refused naming `file`, and a form past its limits (more fields or files than
 * it has, a value cut short) naming the limit.
 */
export async function readAdminUnitsUpload(request: IncomingMessage): Promise<AdminUnitsUpload> {
  const type = request.headers['content-type'] ?? '';
  if (TEXT_TYPES.test(type)) return { text: decode(await readAll(request)), fileName: null };
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw AdminUnitsError.badUpload('gửi tệp danh mục (TSV UTF-8) trong trường "file" dạng multipart/form-data, hoặc gửi nội dung tệp với Content-Type text/tab-separated-values');
  }
  const form = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: MAX_ADMIN_UNITS_BYTES, fields: 5, fieldSize: 1024, parts: 10 } });
  const limitPassed = watchMultipartLimits(form);
  let reading: Promise<AdminUnitsUpload> | undefined;
  form.on('file', (name, stream, info) => {
    if (name !== 'file' || reading) {
      stream.resume();
      return;
    }
    reading = readAll(stream).then((bytes) => ({ text: decode(bytes), fileName: info.filename ?? null }));
    reading.catch(() => undefined);
  });
  try {
    await pipeline(request, form);
  } catch {
    await reading?.catch(() => undefined);
    throw AdminUnitsError.badUpload('dữ liệu multipart không đọc được hoặc chưa gửi trọn vẹn');
  }
  const passed = limitPassed();
  if (passed) {
    await reading?.catch(() => undefined);
    throw AdminUnitsError.uploadLimitPassed(passed);
  }
  if (!reading) throw AdminUnitsError.badUpload('bắt buộc: tệp danh mục đơn vị hành chính trong trường "file"');
  return reading;
}

/** Reads a stream to its end (so the upload completes), refusing it past the size limit. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ADMIN_UNITS_BYTES) tooLarge = true;
    else chunks.push(chunk);
  }
  if (tooLarge || (stream as Readable & { truncated?: boolean }).truncated) throw AdminUnitsError.badUpload(`tệp lớn quá ${MAX_ADMIN_UNITS_BYTES / 1024 / 1024} MB`);
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    throw AdminUnitsError.badUpload('tệp phải là văn bản mã hóa UTF-8');
  }
}
