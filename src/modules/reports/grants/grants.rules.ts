import { Decimal, Money, plainString } from '../../../common/money/decimal';
import { currencyScale } from '../../../common/money/currency';
import { formatMoneyForApi } from '../../../common/money/money';
import { csvField, UTF8_BOM } from '../../../rendering/report/csv.renderer';

/** One approved file as the database gives it to the export. */
export interface GrantSource {
  applicationId: string;
  title: string;
  activityTypeCode: string;
  activityTypeName: string | null;
  establishmentId: string;
  establishmentName: string;
  /** The establishment's kind: a household business's tax code is its owner's own (see recipientId). */
  establishmentKind: string;
  taxCode: string;
  communeCode: string | null;
  communeName: string | null;
  fundCode: string;
  fundName: string;
  fundSource: string;
  sponsorName: string | null;
  currency: string;
  approvedSupport: Decimal;
  decisionNo: string | null;
  decisionDate: string;
  startDate: string | null;
  endDate: string | null;
  updatedAt: Date;
}

export interface Organization {
  id: string;
  name: string;
}

/**
 * An amount as the 360Giving Data Standard wants it: a JSON number. This is the one place money
 * leaves decimal.js for a JS number, at the edge of an export whose standard requires it; VND
 * amounts are whole đồng, exact in a double up to 9 million billion.
 */
export function grantAmount(amount: Decimal, currency: string): number {
  return Number(plainString(amount, currencyScale(currency))); // the 360Giving edge: see above
}

/**
 * The recipient's identifier. An organisation's tax code (mã số thuế of an enterprise, cooperative
 * or cooperative group) is public in the business register, and identifies it across funders. A
 * household business (hộ kinh doanh) has no tax code of its own: it uses its representative's
 * personal one (Thông tư 105/2020/TT-BTC; since 1 July 2025 the personal identification number,
 * Thông tư 86/2024/TT-BTC), which is personal data (Nghị định 13/2023/NĐ-CP) that an approval
 * decision does not publish. Such a recipient is named by KCFund's own id for the establishment.
 */
export function recipientId(source: Pick<GrantSource, 'establishmentKind' | 'establishmentId' | 'taxCode'>, prefix: string): string {
  return source.establishmentKind === 'household_business' ? `${prefix}-CS-${source.establishmentId}` : `${prefix}-MST-${source.taxCode}`;
}

/**
 * A grant in the 360Giving Data Standard's JSON: identifiers made from the configured prefix
 * (grants by file id, recipients by tax code or establishment, funders by fund), title, description, currency,
 * amountAwarded (a number), awardDate, recipient, funder(s), beneficiary location and the planned
 * dates and programme when known.
 */
export function toGrant(source: GrantSource, options: { prefix: string; issuingBody: string }) {
  const funders: Organization[] = [{ id: options.prefix, name: options.issuingBody }];
  if (source.fundSource === 'sponsor' && source.sponsorName) funders.push({ id: `${options.prefix}-fund-${source.fundCode}`, name: source.sponsorName });
  const activity = source.activityTypeName ?? source.activityTypeCode;
  return {
    id: `${options.prefix}-${source.applicationId}`,
    title: source.title.slice(0, 140),
    description: `Hỗ trợ kinh phí khuyến công (${activity}) cho ${source.establishmentName} theo Quyết định số ${source.decisionNo ?? '—'}, nguồn ${source.fundName}.`,
    currency: source.currency,
    amountAwarded: grantAmount(source.approvedSupport, source.currency),
    awardDate: source.decisionDate,
    recipientOrganization: [{ id: recipientId(source, options.prefix), name: source.establishmentName }],
    fundingOrganization: funders,
    beneficiaryLocation: source.communeCode
      ? [{ name: source.communeName ?? `Xã, phường mã ${source.communeCode}`, geoCode: source.communeCode, countryCode: 'VN' }]
      : [{ name: 'Việt Nam', countryCode: 'VN' }],
    ...(source.startDate ? { plannedDates: [{ startDate: source.startDate, ...(source.endDate ? { endDate: source.endDate } : {}) }] } : {}),
    grantProgramme: [{ code: source.activityTypeCode, title: activity }],
    dateModified: source.updatedAt.toISOString(),
  };
}

export type Grant = ReturnType<typeof toGrant>;

/**
 * The grants as a 360Giving spreadsheet (CSV, UTF-8 with a BOM), one grant a row under the
 * standard's column titles. A grant with a sponsor has two funders: the row carries the first (the
 * issuing body), the JSON both; the description names the fund either way.
 */
export function grantsCsv(grants: Grant[]): string {
  const columns: Array<[string, (g: Grant) => string]> = [
    ['Identifier', (g) => g.id],
    ['Title', (g) => g.title],
    ['Description', (g) => g.description],
    ['Currency', (g) => g.currency],
    ['Amount Awarded', (g) => String(g.amountAwarded)],
    ['Award Date', (g) => g.awardDate],
    ['Planned Dates:Start Date', (g) => g.plannedDates?.[0]?.startDate ?? ''],
    ['Planned Dates:End Date', (g) => (g.plannedDates?.[0] as { endDate?: string } | undefined)?.endDate ?? ''],
    ['Recipient Org:Identifier', (g) => g.recipientOrganization[0].id],
    ['Recipient Org:Name', (g) => g.recipientOrganization[0].name],
    ['Beneficiary Location:Name', (g) => g.beneficiaryLocation[0].name],
    ['Beneficiary Location:Geographic Code', (g) => (g.beneficiaryLocation[0] as { geoCode?: string }).geoCode ?? ''],
    ['Beneficiary Location:Country Code', (g) => g.beneficiaryLocation[0].countryCode],
    ['Funding Org:Identifier', (g) => g.fundingOrganization[0].id],
    ['Funding Org:Name', (g) => g.fundingOrganization[0].name],
    ['Grant Programme:Code', (g) => g.grantProgramme[0].code],
    ['Grant Programme:Title', (g) => g.grantProgramme[0].title],
    ['Last modified', (g) => g.dateModified],
  ];
  const line = (fields: string[]) => `${fields.join(',')}\r\n`;
  return [UTF8_BOM, line(columns.map(([title]) => csvField(title))), ...grants.map((g) => line(columns.map(([, value]) => csvField(value(g), { text: true }))))].join('');
}

/** One approved grant as the public page lists it: what the approval decision publishes. */
export interface PublishedGrant {
  title: string;
  recipientName: string;
  activityTypeCode: string;
  activityTypeName: string;
  communeCode: string | null;
  communeName: string | null;
  currency: string;
  /** The API's money string. */
  amount: string;
  decisionNo: string | null;
  decisionDate: string;
}

export function toPublishedGrant(source: GrantSource): PublishedGrant {
  return {
    title: source.title,
    recipientName: source.establishmentName,
    activityTypeCode: source.activityTypeCode,
    activityTypeName: source.activityTypeName ?? source.activityTypeCode,
    communeCode: source.communeCode,
    communeName: source.communeName,
    currency: source.currency,
    amount: formatMoneyForApi(source.approvedSupport, source.currency),
    decisionNo: source.decisionNo,
    decisionDate: source.decisionDate,
  };
}

/** A total of the grants sharing a key (an activity type, a commune), in one currency. */
export interface GrantTotal {
  /** The activity type's code or the commune's code; null for grants without one. */
  code: string | null;
  name: string | null;
  currency: string;
  grants: number;
  /** The API's money string. */
  amount: string;
}

function totalsBy(grants: PublishedGrant[], keyOf: (g: PublishedGrant) => { code: string | null; name: string | null }): GrantTotal[] {
  const groups = new Map<string, { code: string | null; name: string | null; currency: string; grants: number; amount: Decimal }>();
  for (const g of grants) {
    const { code, name } = keyOf(g);
    const key = JSON.stringify([code, g.currency]);
    const group = groups.get(key) ?? { code, name, currency: g.currency, grants: 0, amount: new Money(0) };
    group.grants += 1;
    group.amount = group.amount.plus(new Money(g.amount));
    groups.set(key, group);
  }
  // VND, the programme's own currency, first among a key's currencies.
  const currencyOrder = (c: string) => (c === 'VND' ? '' : c);
  return [...groups.values()]
    .sort((a, b) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || currencyOrder(a.currency).localeCompare(currencyOrder(b.currency)))
    .map((g) => ({ ...g, amount: formatMoneyForApi(g.amount, g.currency) }));
}

/**
 * The grants' totals by activity type or by commune, and currency: in the order of the codes,
 * grants without a commune last.
 */
export function grantTotals(grants: PublishedGrant[], by: 'activity' | 'commune'): GrantTotal[] {
  return totalsBy(grants, by === 'activity' ? (g) => ({ code: g.activityTypeCode, name: g.activityTypeName }) : (g) => ({ code: g.communeCode, name: g.communeName }));
}

/** The totals of all the grants, one per currency. */
export function grandTotals(grants: PublishedGrant[]): GrantTotal[] {
  return totalsBy(grants, () => ({ code: null, name: null }));
}
