import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../../common/http/domain-error';
import { TransactionRunner } from '../../database/transaction';

/** Checks of report inputs the DTOs cannot make: a path year, a unit that exists. Each refusal names its field. */
@Injectable()
export class ReportInputs {
  constructor(private readonly tx: TransactionRunner) {}

  fiscalYear(value: string, field: string): number {
    const year = /^\d{4}$/.test(value) ? Number.parseInt(value, 10) : NaN;
    if (!(year >= 2000 && year <= 2100)) throw ValidationFailed.field(field, 'phải là năm từ 2000 đến 2100');
    return year;
  }

  async unit(unitId: string, field: string): Promise<string> {
    const rows: unknown[] = await this.tx.manager.query('SELECT id FROM units WHERE id = ?', [unitId]);
    if (!rows.length) throw ValidationFailed.field(field, 'đơn vị không tồn tại');
    return unitId;
  }
}
