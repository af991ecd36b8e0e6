import { Injectable, StreamableFile } from '@nestjs/common';
import { requireRole } from '../../../common/auth/access';
import type { Actor } from '../../../common/auth/actor';
import { Clock } from '../../../common/clock';
import { Money } from '../../../common/money/decimal';
import { AppConfig } from '../../../config/app-config';
import { TransactionRunner } from '../../../database/transaction';
import { UnitService } from '../../organization/unit.service';
import { FUNDED_STATUSES } from '../reports.rules';
import type { GrantsQuery } from './dto/grants-query.dto';
import { grandTotals, GrantSource, grantsCsv, grantTotals, toGrant, toPublishedGrant } from './grants.rules';

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** What makes a file a published grant: an approval in force, with its amount and decision date. */
const APPROVED = `a.status IN (${FUNDED_STATUSES.map(() => '?').join(',')}) AND a.approved_support IS NOT NULL AND a.decision_date IS NOT NULL`;

/**
 * Open data: the approved grants (đề án được phê duyệt) in the 360Giving Data Standard's JSON (or
 * its spreadsheet as CSV), for auditors and finance and, the same grants, for anyone without a
 * login; and the public page's year of grants with its totals.
 *
 * What is published is what an approval decision publishes: the project's title, the recipient
 * establishment's name, the activity, the commune, the amount, the decision's number and date and
 * the fund. Never the establishment's representative, phone, address or owner's account, nor a
 * household business's tax code (see recipientId).
 */
@Injectable()
export class GrantsExportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly units: UnitService,
  ) {}

  /** GET /exports/grants: auditors and finance. */
  async grants(actor: Actor, query: GrantsQuery) {
    requireRole(actor, 'auditor', 'finance');
    return this.published(query);
  }

  /** GET /open-data/grants: the same grants for anyone, signed in or not (open data, API.md "The programme"). */
  async openGrants(query: GrantsQuery) {
    return this.published(query);
  }

  /**
   * The public page's year (/du-lieu-mo), for anyone: the approved grants of `fiscalYear` as the
   * decisions publish them, their totals by activity type and by commune and in all, and the
   * years that have grants. The page lists every grant of the year, so the totals are summed from
   * the rows it lists: they cannot disagree.
   */
  async publishedYear(fiscalYear: number) {
    const [sources, years] = await Promise.all([this.sources(fiscalYear), this.yearsWithGrants()]);
    const grants = sources.map(toPublishedGrant);
    return {
      fiscalYear,
      years,
      grants,
      byActivity: grantTotals(grants, 'activity'),
      byCommune: grantTotals(grants, 'commune'),
      totals: grandTotals(grants),
    };
  }

  private async published(query: GrantsQuery) {
    const options = { prefix: this.config.GRANT_ID_PREFIX, issuingBody: this.config.ISSUING_BODY };
    const grants = (await this.sources(query.fiscalYear)).map((source) => toGrant(source, options));
    if (query.format === 'csv') {
      const bytes = Buffer.from(grantsCsv(grants), 'utf8');
      const fileName = `du-lieu-mo-khuyen-cong-${query.fiscalYear ?? 'tat-ca'}.csv`;
      return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}"`, length: bytes.length });
    }
    return { generatedAt: this.clock.now().toISOString(), fiscalYear: query.fiscalYear ?? null, grants };
  }

  /** The approved files of a year (every year when none is given), oldest decision first, with their communes named. */
  private async sources(fiscalYear: number | undefined): Promise<GrantSource[]> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT a.id, a.title, a.activity_type_code, r.name AS activity_type_name, a.establishment_id, e.name AS establishment_name, e.kind AS establishment_kind,
              e.tax_code, a.commune_code, a.fund_code, f.name AS fund_name, f.source AS fund_source, f.sponsor_name, a.currency,
              a.approved_support, a.decision_no, DATE_FORMAT(a.decision_date, '%Y-%m-%d') AS decision_date,
              DATE_FORMAT(a.start_date, '%Y-%m-%d') AS start_date, DATE_FORMAT(a.end_date, '%Y-%m-%d') AS end_date, a.updated_at
         FROM applications a
         JOIN establishments e ON e.id = a.establishment_id
         JOIN funds f ON f.code = a.fund_code
         LEFT JOIN activity_rules r ON r.id = a.rule_id
        WHERE ${APPROVED} ${fiscalYear ? 'AND a.fiscal_year = ?' : ''}
        ORDER BY a.decision_date, a.id`,
      [...FUNDED_STATUSES, ...(fiscalYear ? [fiscalYear] : [])],
    );
    const communes = await this.units.communeNames(rows.map((r) => text(r.commune_code)));
    return rows.map((r) => ({
      applicationId: String(r.id),
      title: String(r.title),
      activityTypeCode: String(r.activity_type_code),
      activityTypeName: text(r.activity_type_name),
      establishmentId: String(r.establishment_id),
      establishmentName: String(r.establishment_name),
      establishmentKind: String(r.establishment_kind),
      taxCode: String(r.tax_code),
      communeCode: text(r.commune_code),
      communeName: r.commune_code ? (communes.get(String(r.commune_code)) ?? null) : null,
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
    }));
  }

  /** The fiscal years with approved grants, latest first. */
  private async yearsWithGrants(): Promise<number[]> {
    const rows: Row[] = await this.tx.manager.query(`SELECT DISTINCT a.fiscal_year AS year FROM applications a WHERE ${APPROVED} ORDER BY year DESC`, [...FUNDED_STATUSES]);
    return rows.map((r) => Number(r.year));
  }
}
