import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sharedSetting } from '../../database/settings';

/**
 * The key that signs access tokens: JWT_SECRET when configured; otherwise a random 256-bit
 * secret generated at the first start and kept in the database, so every instance on that
 * database signs and verifies with the same key. No secret is built into the code.
 *
 * A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the secret as a
 * public key on every verification, about a millisecond each.
 */
export async function signingKey(configured: string | undefined, db: DataSource): Promise<KeyObject> {
  const secret = configured ?? (await sharedSetting(db, 'jwt_secret', () => randomBytes(32).toString('base64url')));
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
