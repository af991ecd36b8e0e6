import { createHash, randomBytes } from 'node:crypto';

/** A new refresh token: 256 random bits, handed to the client; only its hash is kept. */
export function newRefreshSecret(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export type RefreshVerdict = 'rotate' | 'reused' | 'revoked' | 'expired';

/**
 * What presenting a stored refresh token means: a fresh one is rotated; one already spent is a
 * replay (someone holds a copy), which revokes its whole family; revoked or expired ones are
 * simply refused.
 */
export function judgeRefreshToken(
  token: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): RefreshVerdict {
  if (token.usedAt) return 'reused';
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}
