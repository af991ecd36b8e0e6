import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The kinds of administrative unit in force since 1 July 2025 (two levels, no district): a
 * province-level unit is a `city` (thành phố trực thuộc trung ương) or a `province` (tỉnh); under it
 * a commune-level unit is a `ward` (phường), a `commune` (xã) or a `special_zone` (đặc khu).
 */
export const PROVINCE_KINDS = ['province', 'city'] as const;
export const COMMUNE_KINDS = ['ward', 'commune', 'special_zone'] as const;
export const ADMIN_UNIT_KINDS = [...PROVINCE_KINDS, ...COMMUNE_KINDS] as const;
export type AdminUnitKind = (typeof ADMIN_UNIT_KINDS)[number];

/** One unit of the national list (Quyết định 19/2025/QĐ-TTg), as the province loaded it (ADMIN_UNITS_FILE or the import). */
@Entity('admin_units')
export class AdminUnit {
  /** The official code: 2 digits for a province or city, 5 for a commune, ward or special zone. */
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'enum', enum: ADMIN_UNIT_KINDS })
  kind: AdminUnitKind;

  /** The province or city a commune-level unit belongs to; null for a province or city. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  provinceCode: string | null;
}
