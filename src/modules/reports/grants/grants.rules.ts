import { Decimal, plainString } from '../../../common/money/decimal';
import { currencyScale } from '../../../common/money/currency';

/** One approved file as the database gives it to the export. */
export interface GrantSource {
  applicationId: string;
  title: string;
  activityTypeCode: string;
  activityTypeName: string | null;
  establishmentId: string;
  establishmentName: string;
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
 * A grant in the 360Giving Data Standard's JSON: identifiers made from the configured prefix
 * (grants by file id, recipients by tax code, funders by fund), title, description, currency,
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
    recipientOrganization: [{ id: `${options.prefix}-MST-${source.taxCode}`, name: source.establishmentName }],
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
