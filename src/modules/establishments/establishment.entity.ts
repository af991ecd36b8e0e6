import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ESTABLISHMENT_KINDS = ['enterprise', 'cooperative', 'cooperative_group', 'household_business'] as const;
export type EstablishmentKind = (typeof ESTABLISHMENT_KINDS)[number];

/** A rural industrial establishment (cơ sở công nghiệp nông thôn) registered by the producer who owns it. */
@Entity('establishments')
export class Establishment {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'char', length: 26 })
  ownerId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'enum', enum: ESTABLISHMENT_KINDS })
  kind: EstablishmentKind;

  /** Mã số thuế: 10 digits, or 10-3 for a branch; one establishment per tax code. */
  @Column({ type: 'varchar', length: 14 })
  taxCode: string;

  @Column({ type: 'varchar', length: 16 })
  communeCode: string;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  @Column({ type: 'varchar', length: 200 })
  representative: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'int' })
  employees: number;

  /** The craft village (làng nghề) the establishment belongs to, by name; null: none. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  craftVillage: string | null;

  /** The traditional craft (nghề truyền thống) it keeps, by name; null: none. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  traditionalCraft: string | null;

  /** Recognised artisans (nghệ nhân) working there; null until declared. */
  @Column({ type: 'int', nullable: true })
  artisans: number | null;

  /** Women workers (lao động nữ); null until declared. */
  @Column({ type: 'int', nullable: true })
  womenWorkers: number | null;

  /** Workers with a disability (lao động là người khuyết tật); null until declared. */
  @Column({ type: 'int', nullable: true })
  disabledWorkers: number | null;

  /** Counts the owner's changes to the classified facts: a verification is of one version. */
  @Column({ type: 'int', default: 0 })
  classificationVersion: number;

  /** The officer or head who verified the classification, cleared by the owner's next change. */
  @Column({ type: 'char', length: 26, nullable: true })
  classificationVerifiedBy: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  classificationVerifiedAt: Date | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
