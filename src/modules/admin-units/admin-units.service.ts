import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { ValidationFailed } from '../../common/http/domain-error';
import { TransactionRunner } from '../../database/transaction';
import { AdminUnit, COMMUNE_KINDS } from './admin-unit.entity';
import type { AdminUnitQuery } from './dto/admin-unit-query.dto';
import type { AdminUnitView, CommuneName } from './admin-units.types';

const toView = (u: AdminUnit): AdminUnitView => ({ code: u.code, name: u.name, kind: u.kind, provinceCode: u.provinceCode });

/**
 * The national list of administrative units (tỉnh, thành phố; xã, phường, đặc khu), read-only:
 * a migration loads it from the shipped file. Every commune code the service takes is checked
 * here, and every paper that prints a commune names it from here.
 */
@Injectable()
export class AdminUnitsService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Open to anyone, signed in or not: the 34 provinces and cities, or one province's communes. */
  async list(query: AdminUnitQuery): Promise<AdminUnitView[]> {
    const db = this.tx.manager;
    if (!query.provinceCode) return (await db.find(AdminUnit, { where: { provinceCode: IsNull() }, order: { code: 'ASC' } })).map(toView);
    const province = await db.findOne(AdminUnit, { where: { code: query.provinceCode, provinceCode: IsNull() } });
    if (!province) throw ValidationFailed.field('provinceCode', `không có tỉnh, thành phố mã ${query.provinceCode} trong danh mục đơn vị hành chính`);
    return (await db.find(AdminUnit, { where: { provinceCode: province.code }, order: { code: 'ASC' } })).map(toView);
  }

  /**
   * The code is a commune, ward or special zone of the list: 400 VALIDATION_FAILED naming `field`
   * otherwise (a province's code, an old code dropped in 2025, a typo).
   */
  async requireCommune(code: string, field = 'communeCode'): Promise<void> {
    const found = /^\d{5}$/.test(code) && (await this.tx.manager.exists(AdminUnit, { where: { code, kind: In([...COMMUNE_KINDS]) } }));
    if (!found) throw ValidationFailed.field(field, `không có xã/phường mã ${code} trong danh mục đơn vị hành chính`);
  }

  /**
   * The communes of the given codes with their province, for pages and papers that print them
   * (the caller has checked that the actor may see the record naming them); unknown codes are left out.
   */
  async communeNames(codes: Array<string | null | undefined>): Promise<Map<string, CommuneName>> {
    const wanted = [...new Set(codes)].filter((code): code is string => typeof code === 'string' && /^\d{5}$/.test(code));
    if (wanted.length === 0) return new Map();
    const communes = await this.tx.manager.find(AdminUnit, { where: { code: In(wanted) } });
    const provinceCodes = [...new Set(communes.map((c) => c.provinceCode).filter((p): p is string => p !== null))];
    const provinces = provinceCodes.length ? await this.tx.manager.find(AdminUnit, { where: { code: In(provinceCodes) } }) : [];
    const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
    return new Map(
      communes
        .filter((c) => c.provinceCode !== null)
        .map((c) => [c.code, { code: c.code, name: c.name, kind: c.kind, provinceCode: c.provinceCode!, provinceName: provinceName.get(c.provinceCode!) ?? '' }]),
    );
  }
}

/** "Phường Long Đức, Tỉnh Vĩnh Long": a commune as a person reads it, with its province. */
export function communeWithProvince(c: CommuneName): string {
  return `${c.name}, ${c.provinceName}`;
}
