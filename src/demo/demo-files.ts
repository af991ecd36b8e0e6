import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { ApplicationDecisionService } from '../modules/applications/application-decision.service';
import { ApplicationDocumentsService } from '../modules/applications/application-documents.service';
import { ApplicationReviewService } from '../modules/applications/application-review.service';
import { ApplicationsService } from '../modules/applications/applications.service';
import { ConsultationsService } from '../modules/applications/consultations.service';
import { CatalogueService } from '../modules/catalogue/catalogue.service';
import { documentKindLabel } from '../modules/catalogue/catalogue.labels';
import { ContractsService } from '../modules/disbursements/contracts.service';
import { DisbursementsService } from '../modules/disbursements/disbursements.service';
import type { FundSource } from '../modules/ledger/ledger.types';
import { SettlementService } from '../modules/settlement/settlement.service';
import type { DemoCalendar } from './demo-calendar';
import { demoPdf } from './demo-document';
import type { DemoFile } from './demo-province';

/** The demo people acting on files, each in the role the step needs. */
export interface DemoCast {
  producer: Actor;
  officer: Actor;
  head: Actor;
  leader: Actor;
  finance: Actor;
  /** The centre: lead unit and allocation unit of every demo file. */
  centreId: string;
  /** The unit consulted on the file under review (it answers, or its silence counts as consent). */
  consultedUnitId: string;
  establishmentId: string;
  fundCode: string;
  fundSource: FundSource;
}

const ORDER = ['submitted', 'under_review', 'initialed', 'approved', 'contracted', 'settled'] as const;
const reached = (file: DemoFile, stage: (typeof ORDER)[number]) => ORDER.indexOf(file.stage) >= ORDER.indexOf(stage);

/**
 * Takes one demo file from the producer's draft to its stage through the same use cases people
 * call over HTTP, in the caller's transaction: each step is checked (state, role, maker-checker,
 * limits), moves money through the ledger and is written to the file's timeline and the audit log.
 */
@Injectable()
export class DemoFiles {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly documents: ApplicationDocumentsService,
    private readonly catalogue: CatalogueService,
    private readonly review: ApplicationReviewService,
    private readonly consultations: ConsultationsService,
    private readonly decisions: ApplicationDecisionService,
    private readonly contracts: ContractsService,
    private readonly disbursements: DisbursementsService,
    private readonly settlements: SettlementService,
  ) {}

  /** Returns the file's id. */
  async walk(file: DemoFile, c: DemoCast, cal: DemoCalendar): Promise<string> {
    const dates = projectDates(file, cal);
    const created = await this.applications.create(c.producer, {
      establishmentId: c.establishmentId,
      activityTypeCode: file.activityTypeCode,
      fiscalYear: cal.year,
      fundCode: c.fundCode,
      title: file.title,
      startDate: dates.start,
      endDate: dates.end,
      costLines: file.costLines,
      requestedSupport: file.requestedSupport,
    });
    const id = created.id;
    // The documents the activity type's rule asks for before submission, as the producer attaches them.
    const rule = await this.catalogue.ruleFor(file.activityTypeCode, c.fundSource, cal.today);
    for (const kind of rule.requiredDocumentKinds) {
      const bytes = demoPdf([`KCFund - du lieu mau (demo)`, `${kind}: ${asciiOf(documentKindLabel(kind))}`, asciiOf(file.title)]);
      await this.documents.upload(c.producer, id, { originalname: `${kind}.pdf`, size: bytes.length, buffer: bytes }, { kind });
    }
    await this.applications.submit(c.producer, id);
    if (!reached(file, 'under_review')) return id;

    // Nothing is overdue on the first day: the file under review has three weeks, the others less.
    const dueDate = cal.daysAhead(file.stage === 'under_review' ? 20 : 10);
    await this.review.assign(c.head, id, { officerId: c.officer.id, leadUnitId: c.centreId, dueDate });
    if (file.stage === 'under_review') {
      await this.consultations.consult(c.officer, id, {
        unitId: c.consultedUnitId,
        question: `Đề nghị cho ý kiến về khả năng bố trí kinh phí khuyến công địa phương năm ${cal.year} cho đề án.`,
        dueDate: cal.daysAhead(7),
      });
      return id;
    }
    await this.review.appraise(c.officer, id, { score: 85, recommendation: 'approve', comment: 'Hồ sơ đầy đủ, thiết bị phù hợp quy định.' });
    await this.review.recommend(c.officer, id, { approvedSupport: file.requestedSupport, allocationUnitId: c.centreId, note: 'Đủ điều kiện hỗ trợ theo quy định.' });
    await this.review.initial(c.head, id, { note: 'Đã kiểm tra, trình lãnh đạo Sở.' });
    if (!reached(file, 'approved')) return id;

    await this.decisions.decide(c.leader, id, { decision: 'approve', decisionNo: file.decisionNo!, reason: 'Đồng ý hỗ trợ theo đề xuất của Trung tâm Khuyến công.' });
    if (file.stage === 'approved') {
      // The officer asks for the advance; finance has yet to approve it.
      await this.disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: file.advance!, note: 'Tạm ứng theo quyết định hỗ trợ' });
      return id;
    }
    await this.contracts.contract(c.officer, id, { contractNo: `${file.contractNo}/${cal.year}/HĐ-KC`, signedDate: dates.contract! });
    // Maker-checker: the officer requests, finance (another person) approves and pays.
    const advance = await this.disbursements.request(c.officer, { applicationId: id, kind: 'advance', amount: file.advance!, note: 'Tạm ứng theo hợp đồng' });
    await this.disbursements.approve(c.finance, advance.id);
    await this.disbursements.pay(c.finance, advance.id, { treasuryRef: `KB-${cal.year}-${file.contractNo}01`, valueDate: dates.advancePaid! });
    if (file.stage === 'contracted') return id;

    await this.contracts.accept(c.officer, id, { result: 'passed', date: dates.accepted!, minutesNo: `${file.contractNo}/BB-NT`, note: 'Thiết bị vận hành đúng thiết kế.' });
    const settlement = await this.settlements.submit(c.producer, id, { actualCostLines: file.actualCostLines! });
    await this.settlements.approve(c.finance, settlement.id); // checked by finance
    const approved = await this.settlements.approve(c.leader, settlement.id); // approved by a leader who did not check it
    if (approved.finalPaymentId) {
      await this.disbursements.approve(c.finance, approved.finalPaymentId);
      await this.disbursements.pay(c.finance, approved.finalPaymentId, { treasuryRef: `KB-${cal.year}-${file.contractNo}02`, valueDate: dates.finalPaid! });
    }
    return id;
  }
}

/**
 * The dates people type, in the past for what has happened and ahead for what has not. A file
 * being reviewed starts after it would be approved; a settled one ran from spring to acceptance.
 */
function projectDates(file: DemoFile, cal: DemoCalendar) {
  switch (file.stage) {
    case 'settled':
      return { start: cal.daysAgo(125), end: cal.daysAgo(12), contract: cal.daysAgo(120), advancePaid: cal.daysAgo(115), accepted: cal.daysAgo(10), finalPaid: cal.daysAgo(1) };
    case 'contracted':
      return { start: cal.daysAgo(28), end: cal.daysAhead(120), contract: cal.daysAgo(30), advancePaid: cal.daysAgo(25) };
    case 'approved':
      return { start: cal.daysAhead(30), end: cal.daysAhead(210) };
    default:
      return { start: cal.daysAhead(45), end: cal.daysAhead(240) };
  }
}

/** Vietnamese text without its diacritics, for the demo PDFs' standard font (đ written d). */
function asciiOf(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '?');
}
