import { createServer, Server, Socket } from 'node:net';
import { parseDatabaseUrl, withDatabase } from '../src/database/database-url';
import { startTestApp, TestApp } from './support/test-app';

describe('foundation: health, docs and problem+json errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '2kb' });
  });
  afterAll(() => t.close());

  it('GET /health answers ok with the database up', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/health');
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Không tìm thấy' });
    expect(res.body.type).toEqual(expect.any(String));
  });

  it('an unknown page address asked for by a browser is a Vietnamese page; under /api/ it stays a problem', async () => {
    const page = await t.http.get('/khong-co-trang-nay').set('Accept', 'text/html,application/xhtml+xml').expect(404);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).toContain('Không tìm thấy trang');
    const api = await t.http.get('/api/v1/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    // Outside the API, a program (no HTML asked for) gets the problem, never Express's English page.
    const program = await t.http.post('/khong-co-trang-nay').send({}).expect(404);
    expect(program.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(program.body).toMatchObject({ status: 404, title: 'Không tìm thấy' });
  });

  it('malformed JSON is a 400 problem naming the body', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('a body over the limit is a 413 problem', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'x'.repeat(5000) }))
      .expect(413);
    expect(res.body).toMatchObject({ status: 413, title: 'Dữ liệu gửi lên quá lớn' });
  });
});

/** A TCP relay to MariaDB that the test can cut and restore, to take the database away. */
class Relay {
  private server?: Server;
  private sockets = new Set<Socket>();
  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function eventually(probe: () => Promise<boolean>, attempts = 50): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('health follows the database', () => {
  it('is 503 with db down while the database is unreachable, and 200 again when it returns', async () => {
    const real = parseDatabaseUrl(process.env.DATABASE_URL!);
    const relay = new Relay({ host: real.host, port: real.port }, await freePort());
    await relay.up();
    const url = withDatabase(`mysql://${real.user}${real.password ? `:${real.password}` : ''}@127.0.0.1:${relay.port}/x`, real.database);
    const t = await startTestApp({ DATABASE_URL: url, DATABASE_POOL_SIZE: '2' });
    try {
      await t.http.get('/health').expect(200);
      await relay.down();
      const down = await t.http.get('/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ status: 'error', db: 'down' });
      await relay.up();
      expect(await eventually(async () => (await t.http.get('/health')).status === 200)).toBe(true);
      expect((await t.http.get('/health')).body).toEqual({ status: 'ok', db: 'up' });
    } finally {
      await relay.down();
      await t.close().catch(() => undefined);
    }
  });
});
