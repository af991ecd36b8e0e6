import { Injectable, StreamableFile } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound } from '../../common/http/domain-error';
import { Money, plainString } from '../../common/money/decimal';
import { AppConfig } from '../../config/app-config';
import { officialPaperDocx } from '../../rendering/docx/official-paper.docx';
import type { OfficialPaper } from '../../rendering/paper/official-paper';
import { officialPaperPdf } from '../../rendering/pdf/official-paper.pdf';
import { PdfService } from '../../rendering/pdf/pdf.service';
import { ApplicationFiles } from '../applications/application-files';
import { CatalogueService } from '../catalogue/catalogue.service';
import { ContractsService } from '../disbursements/contracts.service';
import { DisbursementsService } from '../disbursements/disbursements.service';
import { ESTABLISHMENT_KIND_LABELS } from '../establishments/establishments.labels';
import { EstablishmentsService } from '../establishments/establishments.service';
import { FUND_SOURCE_LABELS } from '../ledger/ledger.labels';
import { UnitService } from '../organization/unit.service';
import { RecoveryService } from '../settlement/recovery.service';
import type { RecoveryView, SettlementView } from '../settlement/settlement.view';
import { SettlementService } from '../settlement/settlement.service';
import type { OfficialDocumentQuery } from './dto/official-document-query.dto';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { OFFICIAL_DOCUMENT_TYPES, type OfficialDocumentType, type RegisterEntryView } from '../document-register/document-register.types';
import { acceptancePaper } from './papers/acceptance.paper';
import { contractPaper } from './papers/contract.paper';
import { decisionPaper } from './papers/decision.paper';
import type { PaperFacts } from './papers/paper-facts';
import { paymentRequestPaper } from './papers/payment-request.paper';
import { recoveryNoticePaper } from './papers/recovery-notice.paper';
import { settlementPaper } from './papers/settlement.paper';

const BUILDERS: Record<OfficialDocumentType, (facts: PaperFacts) => OfficialPaper> = {
  decision: decisionPaper,
  contract: contractPaper,
  acceptance: acceptancePaper,
  settlement: settlementPaper,
  'recovery-notice': recoveryNoticePaper,
  'payment-request': paymentRequestPaper,
};

/** A paper in the file's list (`GET /applications/:id/official-documents`): its register entry and its own downloads. */
export interface OfficialDocumentListItem extends RegisterEntryView {
  /** `/api/v1/applications/:id/official-documents/:type?number=…&format=pdf`. */
  pdfUrl: string;
  docxUrl: string;
}

/** Where one paper of the file is downloaded: by its type and its own register number. */
function paperUrls(applicationId: string, entry: RegisterEntryView): { pdfUrl: string; docxUrl: string } {
  const base = `/api/v1/applications/${applicationId}/official-documents/${entry.type}?number=${encodeURIComponent(entry.number)}&format=`;
  return { pdfUrl: `${base}pdf`, docxUrl: `${base}docx` };
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The papers a file's steps issued — the decision, the contract, the acceptance record, the
 * settlement record, the recovery notice, the payment requests — written from the file's own
 * recorded facts and laid out as administrative documents, in PDF to sign or DOCX to adjust.
 * Each exists once its step has happened (its line in the register); before that it is 404.
 * Who may read them: whoever sees the file (its owner, and staff the access policy shows it to).
 */
@Injectable()
export class OfficialPapersService {
  constructor(
    private readonly files: ApplicationFiles,
    private readonly register: DocumentRegisterService,
    private readonly establishments: EstablishmentsService,
    private readonly catalogue: CatalogueService,
    private readonly units: UnitService,
    private readonly contracts: ContractsService,
    private readonly disbursements: DisbursementsService,
    private readonly settlements: SettlementService,
    private readonly recoveries: RecoveryService,
    private readonly pdf: PdfService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * `GET /applications/:id/official-documents`: the papers issued for the file so far, oldest
   * first, each with the addresses of its own PDF and DOCX (by its register number, so an
   * earlier paper of a type — a failed acceptance's record — stays downloadable).
   */
  async list(actor: Actor, applicationId: string): Promise<OfficialDocumentListItem[]> {
    const file = await this.files.findVisible(actor, applicationId);
    return (await this.register.entriesOfFile(file.id)).map((e) => ({ ...e, ...paperUrls(file.id, e) }));
  }

  /** `GET /applications/:id/official-documents/:type`: the paper as PDF (default) or DOCX. */
  async document(actor: Actor, applicationId: string, type: string, query: OfficialDocumentQuery): Promise<StreamableFile> {
    const { paper } = await this.paper(actor, applicationId, type, { disbursementId: query.disbursementId, number: query.number });
    if (query.format === 'docx') {
      const bytes = await officialPaperDocx(paper);
      return new StreamableFile(bytes, { type: DOCX_TYPE, disposition: `attachment; filename="${paper.fileName}.docx"`, length: bytes.length });
    }
    return new StreamableFile(await this.pdf.render(officialPaperPdf(paper)), { type: 'application/pdf', disposition: `inline; filename="${paper.fileName}.pdf"` });
  }

  /**
   * The paper of `type` for a file the actor sees (404 otherwise), as data: the latest of its
   * type, or the one numbered `number` in the register (404 when no paper of this file and type
   * carries it), a payment request of `disbursementId` when given; 404 while its step has not
   * happened.
   */
  async paper(actor: Actor, applicationId: string, type: string, which: { disbursementId?: string; number?: string } = {}): Promise<{ paper: OfficialPaper; entry: RegisterEntryView }> {
    const file = await this.files.findVisible(actor, applicationId);
    if (!(OFFICIAL_DOCUMENT_TYPES as readonly string[]).includes(type)) throw new NotFound('Loại văn bản');
    const register = await this.register.entriesOfFile(file.id);
    const { disbursementId, number } = which;
    const entry = register.filter((e) => e.type === type && (!disbursementId || e.disbursementId === disbursementId) && (!number || e.number === number)).at(-1);
    if (!entry) throw new NotFound('Văn bản');
    const facts = await this.facts(actor, file, entry, register);
    return { paper: BUILDERS[entry.type](facts), entry };
  }

  /**
   * What a settlement's approval fixed, as its paper records it (the settlement reads what is
   * paid and owed now): the balance was the final payment it opened, or minus the recovery it
   * opened, or nothing; what had been paid is the final support less that balance.
   */
  private async settlementAtApproval(actor: Actor, settlement: SettlementView, recoveries: RecoveryView[]): Promise<{ paid: string; balance: string }> {
    const finalSupport = new Money(settlement.finalSupport!);
    const recovery = recoveries.find((r) => r.id === settlement.recoveryId);
    const finalPayment = settlement.finalPaymentId ? await this.disbursements.get(actor, settlement.finalPaymentId) : null;
    const balance = recovery ? new Money(recovery.amount).neg() : finalPayment ? new Money(finalPayment.amount) : new Money(0);
    return { paid: plainString(finalSupport.minus(balance)), balance: plainString(balance) };
  }

  private async facts(actor: Actor, file: Awaited<ReturnType<ApplicationFiles['findVisible']>>, entry: RegisterEntryView, register: RegisterEntryView[]): Promise<PaperFacts> {
    const needs = (...types: OfficialDocumentType[]) => types.includes(entry.type);
    const [view, establishment, rule, units, steps] = await Promise.all([
      this.files.view(file),
      this.establishments.get(actor, file.establishmentId),
      this.catalogue.findRuleFor(file.activityTypeCode, file.fundSource, file.decisionDate ?? this.clock.today()),
      this.units.describe([file.leadUnitId]),
      // an acceptance record tells of the acceptance it numbered, not of the latest one
      this.contracts.contractAndAcceptance(actor, file.id, entry.type === 'acceptance' ? entry.number : undefined),
    ]);
    const settlement = needs('settlement', 'recovery-notice') ? (await this.settlements.list(actor, { applicationId: file.id, page: 1, pageSize: 1 })).items[0] ?? null : null;
    const recoveries = needs('settlement', 'recovery-notice') ? (await this.recoveries.list(actor, { applicationId: file.id, page: 1, pageSize: 200 })).items : [];
    // the notice asks for the latest recovery: the settlement's, or the cancellation's
    const recovery = needs('recovery-notice') ? (recoveries.at(-1) ?? null) : null;
    const atApproval = settlement?.finalSupport ? await this.settlementAtApproval(actor, settlement, recoveries) : null;
    const disbursement = needs('payment-request') && entry.disbursementId ? await this.disbursements.get(actor, entry.disbursementId) : null;
    const decisionStep = view.timeline.filter((e) => e.action === 'approve' || e.action === 'reject').at(-1) ?? null;
    const lead = file.leadUnitId ? units.get(file.leadUnitId) : undefined;
    const approvedSupport = file.approvedSupport ? view.approvedSupport : null;
    return {
      issuingBody: this.config.ISSUING_BODY,
      place: this.config.ISSUING_PLACE,
      entry,
      register,
      file: {
        id: file.id,
        title: file.title,
        currency: file.currency,
        fiscalYear: file.fiscalYear,
        fundCode: file.fundCode,
        startDate: view.startDate,
        endDate: view.endDate,
        submittedAt: view.submittedAt,
        totalCost: view.totalCost,
        eligibleCost: view.eligibleCost,
        approvedSupport,
        decisionNo: file.decisionNo,
        decisionDate: file.decisionDate,
        costLines: view.costLines,
        decisionNote: decisionStep?.note ?? null,
        approved: decisionStep?.action !== 'reject',
      },
      activity: {
        name: rule?.name ?? file.activityTypeCode,
        supportRate: rule ? plainString(rule.supportRate) : null,
        supportCap: rule?.supportCap ? plainString(rule.supportCap) : null,
        settlementDueDays: rule?.settlementDueDays ?? null,
      },
      fundSourceLabel: FUND_SOURCE_LABELS[file.fundSource] ?? file.fundSource,
      establishment: {
        name: establishment.name,
        kindLabel: ESTABLISHMENT_KIND_LABELS[establishment.kind] ?? establishment.kind,
        taxCode: establishment.taxCode,
        address: establishment.address,
        representative: establishment.representative,
        phone: establishment.phone,
      },
      leadUnit: { name: lead?.name ?? this.config.ISSUING_BODY, code: lead?.code ?? 'VP' },
      advanceLimit: approvedSupport && rule ? this.disbursements.advanceLimit({ approvedSupport, advanceRate: plainString(rule.advanceRate), currency: file.currency }) : null,
      contract: steps.contract,
      acceptance: steps.acceptance ? { ...steps.acceptance, note: steps.acceptance.note ?? null } : null,
      settlement: settlement
        ? {
            actualTotalCost: settlement.actualTotalCost,
            actualEligibleCost: settlement.actualEligibleCost,
            approvedSupport: settlement.approvedSupport,
            supportRate: settlement.supportRate,
            supportCap: settlement.supportCap,
            finalSupport: settlement.finalSupport,
            paid: atApproval?.paid ?? null,
            balance: atApproval?.balance ?? null,
            released: settlement.released,
            lines: settlement.actualCostLines,
          }
        : null,
      recovery: recovery ? { amount: recovery.amount, origin: recovery.origin } : null,
      cancellationNote: view.timeline.filter((e) => e.action === 'cancel').at(-1)?.note ?? null,
      disbursement: disbursement ? { kind: disbursement.kind, amount: disbursement.amount, note: disbursement.note } : null,
    };
  }
}
