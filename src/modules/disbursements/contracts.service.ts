import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/auth/actor';
import { requireRole } from '../../common/auth/access';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { formatDateVi } from '../../common/money/format-vi';
import { TransactionRunner } from '../../database/transaction';
import { ApplicationFiles } from '../applications/application-files';
import { ApplicationView } from '../applications/application.view';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { Acceptance } from './acceptance.entity';
import { Contract } from './contract.entity';
import { DisbursementError } from './disbursements.error';
import { AcceptanceDto, ContractDto } from './dto/disbursement.dto';
import { assertHappened } from '../../common/past-date';
import { ValidationFailed } from '../../common/http/domain-error';
import { OUTCOME_FIELDS, type AcceptanceOutcomes } from './disbursements.labels';
import { outcomesProblems } from './outcomes.rules';

/** The outcomes an acceptance recorded, or null when it recorded none. */
function outcomesOf(a: Acceptance): AcceptanceOutcomes | null {
  if (a.jobsCreated === null) return null;
  return Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, a[f] ?? 0])) as AcceptanceOutcomes;
}

/** Days after `date` (YYYY-MM-DD) as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The support contract (hợp đồng) and the acceptance (nghiệm thu) of a file. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly files: ApplicationFiles,
    private readonly catalogue: CatalogueService,
    private readonly papers: DocumentRegisterService,
  ) {}

  /**
   * The file's contract and its latest acceptance (with the settlement due date), or the acceptance
   * whose minutes carry `minutesNo` (an earlier one's paper), for whoever may see the file.
   */
  async contractAndAcceptance(actor: Actor, applicationId: string, minutesNo?: string): Promise<{
    contract: { contractNo: string; signedDate: string } | null;
    acceptance: { result: 'passed' | 'failed'; date: string; minutesNo: string; note: string | null; settlementDueDate: string | null; outcomes: AcceptanceOutcomes | null } | null;
  }> {
    const app = await this.files.findVisible(actor, applicationId);
    const em = this.tx.manager;
    const [contract, acceptance] = await Promise.all([
      em.findOne(Contract, { where: { applicationId: app.id } }),
      em.findOne(Acceptance, { where: minutesNo ? { applicationId: app.id, minutesNo } : { applicationId: app.id }, order: { id: 'DESC' } }),
    ]);
    return {
      contract: contract ? { contractNo: contract.contractNo, signedDate: contract.signedDate } : null,
      acceptance: acceptance
        ? { result: acceptance.result, date: acceptance.acceptedDate, minutesNo: acceptance.minutesNo, note: acceptance.note, settlementDueDate: acceptance.settlementDueDate, outcomes: outcomesOf(acceptance) }
        : null,
    };
  }

  /** When the file's settlement is due: set by its latest passed acceptance (null before one). */
  async settlementDueDate(applicationId: string): Promise<string | null> {
    const passed = await this.tx.manager.findOne(Acceptance, { where: { applicationId, result: 'passed' }, order: { id: 'DESC' } });
    return passed?.settlementDueDate ?? null;
  }

  /** Passed acceptances whose settlement is due by `until` (reminders; the caller keeps the files still awaiting settlement). */
  async settlementsDueBy(until: string): Promise<Array<{ applicationId: string; dueDate: string }>> {
    const rows: Array<{ application_id: string; settlement_due_date: string | Date }> = await this.tx.manager.query(
      "SELECT application_id, settlement_due_date FROM acceptances WHERE result = 'passed' AND settlement_due_date IS NOT NULL AND settlement_due_date <= ?",
      [until],
    );
    return rows.map((r) => ({ applicationId: r.application_id, dueDate: typeof r.settlement_due_date === 'string' ? r.settlement_due_date.slice(0, 10) : r.settlement_due_date.toISOString().slice(0, 10) }));
  }

  async contract(actor: Actor, applicationId: string, dto: ContractDto): Promise<ApplicationView> {
    const capacity = requireRole(actor, 'officer', 'head') as 'officer' | 'head';
    return this.tx.run(async (em) => {
      const app = await this.files.open(actor, applicationId, 'contract', { lock: true });
      this.files.assertMayStep(app, 'contract', capacity);
      assertHappened({ field: 'signedDate', date: dto.signedDate, today: this.clock.today() });
      if (dto.contractNo && (await em.findOne(Contract, { where: { contractNo: dto.contractNo } }))) {
        throw new DisbursementError('DUPLICATE', `Số hợp đồng ${dto.contractNo} đã được dùng.`);
      }
      // The contract's number: the one typed, or the register's next (sổ văn bản đi).
      const { number: contractNo } = await this.papers.register(em, { type: 'contract', file: app, signer: { id: actor.id, capacity }, number: dto.contractNo, issuedOn: dto.signedDate });
      await em.insert(Contract, { applicationId: app.id, contractNo, signedDate: dto.signedDate, createdBy: actor.id, createdAt: this.clock.now() });
      await this.files.step(em, {
        file: app,
        action: 'contract',
        role: capacity,
        actor,
        capacity,
        note: `Hợp đồng số ${contractNo} ký ngày ${formatDateVi(dto.signedDate)}`,
        after: { contractNo, signedDate: dto.signedDate },
      });
      return this.files.view(app);
    });
  }

  /**
   * Records an acceptance. Passed moves the file to `accepted` and starts the settlement due date
   * (the rule's settlementDueDays after the acceptance date); failed is recorded with its minutes.
   * A passed one may record what the file achieved (outcomes), which the annual review totals.
   */
  async accept(actor: Actor, applicationId: string, dto: AcceptanceDto): Promise<ApplicationView> {
    const capacity = requireRole(actor, 'officer', 'head') as 'officer' | 'head';
    return this.tx.run(async (em) => {
      const app = await this.files.open(actor, applicationId, 'accept', { lock: true });
      this.files.assertMayStep(app, 'accept', capacity);
      assertHappened({ field: 'date', date: dto.date, today: this.clock.today() });
      const outcomes = dto.outcomes ? (Object.fromEntries(OUTCOME_FIELDS.map((f) => [f, dto.outcomes![f]])) as AcceptanceOutcomes) : null;
      const problems = outcomesProblems({ result: dto.result, outcomes });
      if (problems.length) throw new ValidationFailed(problems);
      const rule = await this.catalogue.ruleFor(app.activityTypeCode, app.fundSource, app.decisionDate!);
      const passed = dto.result === 'passed';
      const settlementDueDate = passed ? addDays(dto.date, rule.settlementDueDays) : null;
      // The minutes' number: the one typed, or the register's next (sổ văn bản đi).
      const { number: minutesNo } = await this.papers.register(em, { type: 'acceptance', file: app, signer: { id: actor.id, capacity }, number: dto.minutesNo, issuedOn: dto.date });
      await em.insert(Acceptance, {
        id: newId(),
        applicationId: app.id,
        result: dto.result,
        acceptedDate: dto.date,
        minutesNo,
        note: dto.note ?? null,
        settlementDueDate,
        ...(outcomes ?? {}),
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      const outcome = passed
        ? `Nghiệm thu đạt (biên bản ${minutesNo}, ngày ${formatDateVi(dto.date)}); hạn nộp quyết toán ${formatDateVi(settlementDueDate!)}`
        : `Nghiệm thu không đạt (biên bản ${minutesNo}, ngày ${formatDateVi(dto.date)})`;
      await this.files.step(em, {
        file: app,
        action: 'accept',
        role: capacity,
        moves: passed,
        actor,
        capacity,
        note: dto.note ? `${outcome}. ${dto.note}` : outcome,
        after: { result: dto.result, minutesNo, settlementDueDate, ...(outcomes ? { outcomes } : {}) },
      });
      return this.files.view(app);
    });
  }
}
