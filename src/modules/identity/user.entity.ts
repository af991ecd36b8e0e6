import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../common/auth/actor';

/** A deputy director's field of work; absent lists mean no limit on that axis. */
export interface LeaderScope {
  activityTypeCodes?: string[];
  unitIds?: string[];
}

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'char', length: 26, nullable: true })
  unitId: string | null;

  @Column({ type: 'simple-array' })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** An administrator reset the password; the user must choose a new one before anything else. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'json', nullable: true })
  leaderScope: LeaderScope | null;

  /** Bumped by every password change or reset (page sessions opened under an older one end). */
  @Column({ type: 'int', default: 0 })
  credentialsVersion: number;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt: Date;
}
