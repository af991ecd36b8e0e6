import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UNIT_KINDS = ['department', 'division', 'centre', 'commune', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

@Entity('units')
export class Unit {
  @PrimaryColumn({ type: 'char', length: 26 })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'enum', enum: UNIT_KINDS })
  kind: UnitKind;

  @Column({ type: 'char', length: 26, nullable: true })
  parentId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
