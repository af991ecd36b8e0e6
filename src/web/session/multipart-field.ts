import type { IncomingMessage } from 'node:http';

/** How far into a multipart body the leading field may be looked for. */
const MAX_PEEK_BYTES = 16 * 1024;

/**
 * The value of a small text field sent first in a multipart body (the CSRF token, placed before
 * the file inputs of the form), read without consuming the body: the bytes read are put back, so
 * whatever parses the upload afterwards (multer, or a service reading the request) sees it whole.
 * Null when the field is not among the leading bytes.
 */
export function readLeadingMultipartField(request: IncomingMessage, name: string): Promise<string | null> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(request.headers['content-type'] ?? ''));
  if (!boundary) return Promise.resolve(null);
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const fieldPattern = new RegExp(
    `^${escapeRegExp(delimiter)}\\r\\nContent-Disposition: form-data; name="${escapeRegExp(name)}"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]{0,256})\\r\\n${escapeRegExp(delimiter)}`,
    'i',
  );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (value: string | null, putBack: boolean) => {
      request.off('readable', onReadable);
      request.off('end', onEnd);
      request.off('error', onError);
      if (putBack && chunks.length) request.unshift(Buffer.concat(chunks));
      resolve(value);
    };
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = request.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
        const head = Buffer.concat(chunks).subarray(0, MAX_PEEK_BYTES).toString('latin1');
        const match = fieldPattern.exec(head);
        if (match) return finish(Buffer.from(match[1], 'latin1').toString('utf8'), true);
        if (length >= MAX_PEEK_BYTES) return finish(null, true);
      }
    };
    // The whole body was read without the field in front: nothing will parse it now.
    const onEnd = () => finish(null, false);
    const onError = (error: Error) => {
      request.off('readable', onReadable);
      request.off('end', onEnd);
      reject(error);
    };
    request.on('readable', onReadable);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
