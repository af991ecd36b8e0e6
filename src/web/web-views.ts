import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { AppConfig } from '../config/app-config';
import { Money } from '../common/money/decimal';
import { formatDateVi, formatMoneyVi, formatNumberVi, formatPercentVi, toHoChiMinhDate } from '../common/money/format-vi';
import { ApplicationStatus } from '../modules/applications/application-statuses';
import { statusLabel } from '../modules/applications/applications.labels';
import * as webLabels from './labels';
import { DISBURSEMENT_KIND_LABELS, DISBURSEMENT_STATUS_LABELS } from '../modules/disbursements/disbursements.labels';
import { SETTLEMENT_STATUS_LABELS } from '../modules/settlement/settlement.labels';
import { FUND_SOURCE_LABELS, TRANSFER_KIND_LABELS } from '../modules/ledger/ledger.labels';
import { ESTABLISHMENT_KIND_LABELS } from '../modules/establishments/establishments.labels';
import { DELEGATION_SCOPE_LABELS, DELEGATION_STATUS_LABELS, ROLE_LABELS } from '../modules/identity/identity.labels';
import { ACTION_LABELS, CAPACITY_LABELS, CONFLICT_RELATION_LABELS, CONSULTATION_STATUS_LABELS, DOCUMENT_KIND_LABELS, EXTENSION_STATUS_LABELS } from '../modules/applications/applications.labels';
import { UNIT_KIND_LABELS } from '../modules/organization/organization.labels';
import { RECONCILIATION_LINE_LABELS } from '../modules/reconciliation/reconciliation.labels';

/** Every label table a template names (`value | label('…')`): the web's own and the modules' words. */
const labels = {
  ...webLabels,
  ROLE_LABELS,
  DELEGATION_STATUS_LABELS,
  DELEGATION_SCOPE_LABELS,
  ACTION_LABELS,
  CAPACITY_LABELS,
  CONSULTATION_STATUS_LABELS,
  EXTENSION_STATUS_LABELS,
  CONFLICT_RELATION_LABELS,
  DOCUMENT_KIND_LABELS,
  UNIT_KIND_LABELS,
  RECONCILIATION_LINE_LABELS,
  DISBURSEMENT_KIND_LABELS,
  DISBURSEMENT_STATUS_LABELS,
  SETTLEMENT_STATUS_LABELS,
  FUND_SOURCE_LABELS,
  ESTABLISHMENT_KIND_LABELS,
  TRANSFER_KIND_LABELS,
};
import { webDirectory } from './web-directories';
import { amountForInput } from './forms/form-input';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** Characters beyond which a code may wrap on a phone (about the width of its screen). */
const LONG_CODE = 28;

/** A money string of the API (`"1500000"`, `"-60000000"`), shown in vi-VN form; absent is a dash. */
export function moneyVi(value: unknown, currency = 'VND'): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatMoneyVi(new Money(String(value)), currency);
}

/** `YYYY-MM-DD` or an ISO timestamp as dd/mm/yyyy (timestamps in Asia/Ho_Chi_Minh). */
export function dateVi(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateVi(value) : formatDateVi(new Date(value));
}

/** An ISO timestamp as dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function dateTimeVi(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—';
  const instant = new Date(value);
  const local = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${formatDateVi(toHoChiMinhDate(instant))} ${local.slice(11, 16)}`;
}

/**
 * The templates (nunjucks, autoescaped) and the filters they format with: money, dates and rates in
 * vi-VN form, and the Vietnamese labels of the API's codes.
 */
@Injectable()
export class WebViews {
  private readonly env: nunjucks.Environment;
  private readonly assetVersions = new Map<string, string>();

  constructor(@Inject(AppConfig) config: AppConfig) {
    const loader = new nunjucks.FileSystemLoader(webDirectory('views'), { noCache: config.NODE_ENV === 'development' });
    this.env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
    this.env.addFilter('money', moneyVi);
    this.env.addFilter('date', dateVi);
    this.env.addFilter('number', (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? formatNumberVi(new Money(value)) : '—'));
    this.env.addFilter('datetime', dateTimeVi);
    // An amount put in a form to be edited: `180.000.000`, as people type it.
    this.env.addFilter('amountInput', amountForInput);
    // A code (fund, decision number, voucher, tax code) is never broken inside ("KCDP-202 / 6");
    // only one too long for a phone's line may wrap, rather than widen the page.
    this.env.addFilter('code', (value: unknown) => {
      if (value === null || value === undefined || value === '') return '—';
      const text = String(value);
      return new nunjucks.runtime.SafeString(`<span class="code${text.length > LONG_CODE ? ' long' : ''}">${escapeHtml(text)}</span>`);
    });
    this.env.addFilter('percent', (value: unknown) => (typeof value === 'string' && value !== '' ? formatPercentVi(new Money(value)) : '—'));
    this.env.addFilter('status', (value: unknown) => (typeof value === 'string' ? statusLabel(value as ApplicationStatus) ?? value : ''));
    this.env.addFilter('label', (value: unknown, table: keyof typeof labels) => {
      const dictionary = labels[table] as unknown as Record<string, string>;
      return typeof value === 'string' ? (dictionary?.[value] ?? value) : '';
    });
    this.env.addFilter('fieldLabel', (value: unknown) => labels.fieldLabel(String(value)));
    this.env.addGlobal('asset', (name: string) => this.asset(name));
    // What a refused form showed in a field, and the API's message for it. On a page with several
    // forms, `form` names the one the values and messages belong to (the context's `activeForm`).
    this.env.addGlobal('fieldValue', function (this: { ctx: Record<string, unknown> }, name: string, fallback: unknown = '', form = '') {
      const values = this.ctx.values as Record<string, unknown> | undefined;
      const mine = !form || form === this.ctx.activeForm;
      const value = mine && values ? values[name] : undefined;
      return value === undefined || value === null ? (fallback ?? '') : Array.isArray(value) ? value[0] : value;
    });
    this.env.addGlobal('fieldError', function (this: { ctx: Record<string, unknown> }, name: string, form = '') {
      const errors = this.ctx.fieldErrors as Record<string, string> | undefined;
      return (!form || form === this.ctx.activeForm) && errors ? (errors[name] ?? '') : '';
    });
    // Choices for a select: codes with their labels, or records by two of their fields.
    this.env.addGlobal('optionsOf', (codes: readonly string[], table: keyof typeof labels) => {
      const dictionary = labels[table] as unknown as Record<string, string>;
      return (codes ?? []).map((code) => ({ value: code, label: dictionary?.[code] ?? code }));
    });
    this.env.addGlobal('choices', (items: Array<Record<string, unknown>>, valueKey: string, labelKey: string) =>
      (items ?? []).map((item) => ({ value: item[valueKey], label: item[labelKey] })),
    );
  }

  render(template: string, context: Record<string, unknown>): string {
    return this.env.render(`${template}.njk`, context);
  }

  /** `/static/<name>?v=<hash>`: the content hash lets browsers keep the file for good. */
  asset(name: string): string {
    let version = this.assetVersions.get(name);
    if (!version) {
      version = createHash('sha256').update(readFileSync(join(webDirectory('public'), name))).digest('hex').slice(0, 10);
      this.assetVersions.set(name, version);
    }
    return `/static/${name}?v=${version}`;
  }
}
