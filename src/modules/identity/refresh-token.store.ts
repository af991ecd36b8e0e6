import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThan, Not } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { RefreshToken } from './refresh-token.entity';
import { hashRefreshToken, newRefreshSecret } from './refresh-token.rules';

export type RevocationReason = 'logout' | 'reuse' | 'deactivated' | 'password_reset' | 'password_change';

/** Refresh-token rows: issued, spent, revoked; always inside the caller's transaction. */
@Injectable()
export class RefreshTokenStore {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Stores a new token of `familyId` and returns it (the only time its plain value exists). */
  async issue(em: EntityManager, userId: string, familyId: string): Promise<{ id: string; token: string; expiresAt: Date }> {
    const { token, hash } = newRefreshSecret();
    const now = this.clock.now();
    const row: RefreshToken = {
      id: newId(),
      userId,
      familyId,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      replacedById: null,
      revokedAt: null,
      revokedReason: null,
      createdAt: now,
    };
    await em.insert(RefreshToken, row);
    return { id: row.id, token, expiresAt: row.expiresAt };
  }

  /** The row of a presented token, locked so two refreshes with it run one after the other. */
  findForUpdate(em: EntityManager, token: string): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { tokenHash: hashRefreshToken(token) }, lock: { mode: 'pessimistic_write' } });
  }

  async markSpent(em: EntityManager, tokenId: string, replacedById: string): Promise<void> {
    await em.update(RefreshToken, { id: tokenId }, { usedAt: this.clock.now(), replacedById });
  }

  /** Revokes every live token of a family; returns how many were live. */
  async revokeFamily(em: EntityManager, familyId: string, reason: RevocationReason): Promise<number> {
    const result = await em.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Revokes every live token of the user, except those of the sign-in `keepFamilyId` (when given). */
  async revokeAllOfUser(em: EntityManager, userId: string, reason: RevocationReason, keepFamilyId: string | null = null): Promise<number> {
    const result = await em.update(
      RefreshToken,
      keepFamilyId ? { userId, revokedAt: IsNull(), familyId: Not(keepFamilyId) } : { userId, revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedReason: reason },
    );
    return result.affected ?? 0;
  }

  /** Deletes the tokens that expired before `cutoff` (spent, revoked or not); returns how many. */
  async deleteExpiredBefore(em: EntityManager, cutoff: Date): Promise<number> {
    const result = await em.delete(RefreshToken, { expiresAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
