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

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
