import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One refresh token, stored as its SHA-256 only; spent once, in a family that starts at login. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'char', length: 26 })
  userId: string;

  @Column({ type: 'char', length: 26 })
  familyId: string;

  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  @Column({ type: 'char', length: 26, nullable: true })
  replacedById: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** `logout`, `reuse` (a spent token came back), `deactivated`. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
