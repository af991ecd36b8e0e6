import { Injectable } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { Money } from '../../../common/money/decimal';
import { AppConfig } from '../../../config/app-config';
import { TransactionRunner } from '../../../database/transaction';
import { FUNDED_STATUSES } from '../reports.rules';
import type { GrantsQuery } from './dto/grants-query.dto';
import { toGrant } from './grants.rules';

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Open data: the approved grants (đề án được phê duyệt) in the 360Giving Data Standard's JSON. */
@Injectable()
export class GrantsExportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async grants(actor: Actor, query: GrantsQuery) {
    requireRole(actor, 'auditor', 'finance');
    const rows: Row[] = await this.tx.manager.query(
      `SELECT a.id, a.title, a.activity_type_code, r.name AS activity_type_name, a.establishment_id, e.name AS establishment_name, e.tax_code,
              a.commune_code, CONCAT(cu.name, ', ', cp.name) AS commune_name, a.fund_code, f.name AS fund_name, f.source AS fund_source, f.sponsor_name, a.currency,
              a.approved_support, a.decision_no, DATE_FORMAT(a.decision_date, '%Y-%m-%d') AS decision_date,
              DATE_FORMAT(a.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(a.end_date, '%Y-%m-%d') AS end_date, a.updated_at
         FROM applications a
         JOIN establishments e ON e.id = a.establishment_id
         JOIN funds f ON f.code = a.fund_code
         LEFT JOIN activity_rules r ON r.id = a.rule_id
         LEFT JOIN admin_units cu ON cu.code = a.commune_code AND cu.province_code IS NOT NULL
         LEFT JOIN admin_units cp ON cp.code = cu.province_code
        WHERE a.status IN (${FUNDED_STATUSES.map(() => '?').join(',')}) AND a.approved_support IS NOT NULL AND a.decision_date IS NOT NULL
              ${query.fiscalYear ? 'AND a.fiscal_year = ?' : ''}
        ORDER BY a.decision_date, a.id`,
      [...FUNDED_STATUSES, ...(query.fiscalYear ? [query.fiscalYear] : [])],
    );
    const options = { prefix: this.config.GRANT_ID_PREFIX, issuingBody: this.config.ISSUING_BODY };
    return {
      generatedAt: this.clock.now().toISOString(),
      fiscalYear: query.fiscalYear ?? null,
      grants: rows.map((r) =>
        toGrant(
          {
            applicationId: String(r.id),
            title: String(r.title),
            activityTypeCode: String(r.activity_type_code),
            activityTypeName: text(r.activity_type_name),
            establishmentId: String(r.establishment_id),
            establishmentName: String(r.establishment_name),
            taxCode: String(r.tax_code),
            communeCode: text(r.commune_code),
            communeName: text(r.commune_name),
            fundCode: String(r.fund_code),
            fundName: String(r.fund_name),
            fundSource: String(r.fund_source),
            sponsorName: text(r.sponsor_name),
            currency: String(r.currency),
            approvedSupport: new Money(String(r.approved_support)),
            decisionNo: text(r.decision_no),
            decisionDate: String(r.decision_date),
            startDate: text(r.start_date),
            endDate: text(r.end_date),
            updatedAt: r.updated_at as Date,
          },
          options,
        ),
      ),
    };
  }
}
