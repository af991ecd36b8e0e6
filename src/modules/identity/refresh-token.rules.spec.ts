import { hashRefreshToken, judgeRefreshToken, newRefreshSecret } from './refresh-token.rules';

describe('refresh tokens', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  const later = new Date('2026-12-01T00:00:00Z');

  it('are random, url-safe, and stored as their SHA-256', () => {
    const a = newRefreshSecret();
    const b = newRefreshSecret();
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toBe(hashRefreshToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rotates a fresh token', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('calls a spent token a replay even after the family was revoked', () => {
    expect(judgeRefreshToken({ usedAt: now, revokedAt: null, expiresAt: later }, now)).toBe('reused');
    expect(judgeRefreshToken({ usedAt: now, revokedAt: now, expiresAt: later }, now)).toBe('reused');
  });

  it('refuses a revoked or expired token', () => {
    expect(judgeRefreshToken({ usedAt: null, revokedAt: now, expiresAt: later }, now)).toBe('revoked');
    expect(judgeRefreshToken({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });
});
