import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { readLeadingMultipartField } from './multipart-field';

function multipart(parts: Array<[string, string, string?]>, boundary = 'XyZ'): Buffer {
  const body = parts
    .map(([name, value, filename]) =>
      filename
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${value}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  return Buffer.from(`${body}--${boundary}--\r\n`);
}

function request(body: Buffer, chunkSize = 7): IncomingMessage {
  const stream = new PassThrough() as unknown as IncomingMessage;
  (stream as unknown as { headers: Record<string, string> }).headers = { 'content-type': 'multipart/form-data; boundary=XyZ' };
  for (let i = 0; i < body.length; i += chunkSize) (stream as unknown as PassThrough).write(body.subarray(i, i + chunkSize));
  (stream as unknown as PassThrough).end();
  return stream;
}

async function rest(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('readLeadingMultipartField', () => {
  it('reads the leading token and leaves the whole body for the parser after it', async () => {
    const body = multipart([['_csrf', 'tok-123_ABC'], ['file', 'a,b\n1,2', 'sao-ke.csv']]);
    const req = request(body);
    await expect(readLeadingMultipartField(req, '_csrf')).resolves.toBe('tok-123_ABC');
    expect((await rest(req)).equals(body)).toBe(true);
  });

  it('is null when the field is not first', async () => {
    const body = multipart([['file', 'x'.repeat(100), 'a.csv'], ['_csrf', 'tok']]);
    await expect(readLeadingMultipartField(request(body, 64), '_csrf')).resolves.toBeNull();
  });

  it('is null without a multipart boundary', async () => {
    const req = request(Buffer.from('a=1'));
    (req as unknown as { headers: Record<string, string> }).headers = { 'content-type': 'application/x-www-form-urlencoded' };
    await expect(readLeadingMultipartField(req, '_csrf')).resolves.toBeNull();
  });
});
