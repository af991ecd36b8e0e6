import 'reflect-metadata';
import type { INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { FixedClock } from '../../src/common/clock';
import { DomainError, ErrorCode } from '../../src/common/http/domain-error';
import { AppConfig } from '../../src/config/app-config';
import { testConfig } from './test-app';
import { ApplicationDecisionService } from '../../src/modules/applications/application-decision.service';
import { ApplicationDocumentsService } from '../../src/modules/applications/application-documents.service';
import { ApplicationReviewService } from '../../src/modules/applications/application-review.service';
import { ApplicationsService } from '../../src/modules/applications/applications.service';
import { BudgetSummaryService } from '../../src/modules/budget/budget-summary.service';
import { BudgetService } from '../../src/modules/budget/budget.service';
import { EstablishmentsService } from '../../src/modules/establishments/establishments.service';
import { LedgerReadService } from '../../src/modules/ledger/ledger-read.service';
import type { Actor } from '../../src/common/auth/actor';
import { createActor, createUnit, TestActor } from './actors';
import { uniqueCode } from './budget';
import { SAMPLE_PDF, sampleFileBody, SEEDED_REQUIRED_KINDS, uniqueTaxCode } from './files';

/** An auditor who reads the books for the assertions (reading them is an auditor's use case too). */
export const BOOKS_READER: Actor = { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', email: 'so-sach@test.kcfund.vn', fullName: 'Kiểm tra sổ sách', roles: ['auditor'], unitId: null };

/**
 * Medium tests: the application's services on the run's database, without HTTP. The Nest
 * context is the real one (every module, the real transaction runner, ledger and audit), with a
 * clock the test sets; a test takes a service from it and calls a use case as an actor would.
 */
export interface UseCases {
  app: INestApplicationContext;
  clock: FixedClock;
  config: AppConfig;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export async function startUseCases(env: Record<string, string> = {}): Promise<UseCases> {
  const config = testConfig(env);
  const clock = new FixedClock(new Date());
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { clock }), { logger: ['error'], abortOnError: false });
  try {
    await app.init();
  } catch (error) {
    await app.close();
    throw error;
  }
  return { app, clock, config, get: (type) => app.get(type), close: () => app.close() };
}

/**
 * The refusal a use case answered with: a domain error with `code` (anything else fails the
 * test, so an unexpected database error never passes for a refusal).
 */
export async function refusal(work: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const error = await work.then(
    (value) => {
      throw new Error(`expected a ${code} refusal, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  expect({ code: error.code, detail: error.detail }).toEqual({ code, detail: expect.any(String) });
  return error;
}

/** A fund (VND) with its fiscal year open and, when given, an appropriation. */
export async function fundWithBudget(u: UseCases, finance: TestActor, options: { year: number; appropriated?: string }): Promise<{ fundCode: string }> {
  const budget = u.get(BudgetService);
  const fundCode = uniqueCode('F');
  await budget.createFund(finance, { code: fundCode, name: `Quỹ thử ${fundCode}`, source: 'local', currency: 'VND' });
  await ensureYear(u, finance, options.year);
  if (options.appropriated) {
    await budget.appropriate(finance, { fundCode, fiscalYear: options.year, amount: options.appropriated, decisionNo: `${fundCode}/QĐ-UBND`, decisionDate: `${options.year}-01-10` });
  }
  return { fundCode };
}

/** Opens a fiscal year unless it is open already (the suites share the run's database). */
export async function ensureYear(u: UseCases, finance: TestActor, year: number): Promise<void> {
  await u
    .get(BudgetService)
    .openFiscalYear(finance, { year })
    .catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'DUPLICATE')) throw error;
    });
}

/** The budget summary of one fund and year, and of one unit in it. */
export async function unitFigures(u: UseCases, fundCode: string, year: number, unitId: string) {
  const { funds } = await u.get(BudgetSummaryService).summary(BOOKS_READER, { fundCode, fiscalYear: year });
  const fund = funds.find((f) => f.fundCode === fundCode);
  if (!fund) throw new Error(`no books for ${fundCode} ${year}`);
  return { fund, unit: fund.units.find((x) => x.unitId === unitId) };
}

/** The trial balance of a fund's year, which must hold. */
export async function expectBalanced(u: UseCases, fundCode: string, fiscalYear: number) {
  const trial = await u.get(LedgerReadService).trialBalance(BOOKS_READER, { fundCode, fiscalYear });
  expect(trial.balanced).toBe(true);
  return trial;
}

/** Every balance of a fund's books and how many transfers they hold: what a refusal must leave as it was. */
export async function books(u: UseCases, fundCode: string) {
  const read = u.get(LedgerReadService);
  const trial = await read.trialBalance(BOOKS_READER, { fundCode });
  const transfers = await read.transfers(BOOKS_READER, { fundCode, page: 1, pageSize: 1 });
  return { transfers: transfers.total, balances: Object.fromEntries(trial.accounts.map((a) => [a.id, a.balance])) };
}

/** The balance of a file's commitment account ('0' when it has none). */
export async function commitmentOf(u: UseCases, fundCode: string, fiscalYear: number, applicationId: string): Promise<string> {
  const trial = await u.get(LedgerReadService).trialBalance(BOOKS_READER, { fundCode, fiscalYear });
  return trial.accounts.find((a) => a.kind === 'commitment' && a.applicationId === applicationId)?.balance ?? '0';
}

export interface Cast {
  applicant: TestActor;
  officer: TestActor;
  head: TestActor;
  leader: TestActor;
  finance: TestActor;
  finance2: TestActor;
  centre: { id: string };
  fundCode: string;
  year: number;
}

/** The people and the budget a file needs: a centre holding `allocated`, and one user per role. */
export async function cast(u: UseCases, year: number, allocated = '5000000000', appropriated = '100000000000'): Promise<Cast> {
  const centre = await createUnit(u, 'centre');
  const [applicant, officer, head, leader, finance, finance2] = await Promise.all([
    createActor(u, ['applicant']),
    createActor(u, ['officer'], centre.id),
    createActor(u, ['head'], centre.id),
    createActor(u, ['leader']),
    createActor(u, ['finance']),
    createActor(u, ['finance']),
  ]);
  const { fundCode } = await fundWithBudget(u, finance, { year, appropriated });
  if (allocated !== '0') await u.get(BudgetService).allocate(finance, { fundCode, fiscalYear: year, unitId: centre.id, amount: allocated, decisionNo: `PB-${year}` });
  return { applicant, officer, head, leader, finance, finance2, centre, fundCode, year };
}

/**
 * A file walked to the leader's desk (`initialed`): machinery (50 %, cap 300.000.000, advances
 * 70 %), one eligible cost line of `eligibleCost`, recommended at `approvedSupport` from the centre.
 */
export async function initialedFile(u: UseCases, c: Cast, options: { eligibleCost?: string; approvedSupport?: string } = {}): Promise<string> {
  const establishment = await u.get(EstablishmentsService).register(c.applicant, {
    name: 'Hợp tác xã cơ khí Phú Thành',
    kind: 'cooperative',
    taxCode: uniqueTaxCode(),
    communeCode: '29263',
    address: 'Ấp Phú Thành',
    representative: 'Nguyễn Văn An',
    phone: '0912345678',
    employees: 25,
  });
  const approvedSupport = options.approvedSupport ?? '300000000';
  const applications = u.get(ApplicationsService);
  const review = u.get(ApplicationReviewService);
  const { id } = await applications.create(c.applicant, sampleFileBody({ establishmentId: establishment.id, year: c.year, fundCode: c.fundCode, requestedSupport: approvedSupport, eligibleCost: options.eligibleCost }));
  for (const kind of SEEDED_REQUIRED_KINDS) {
    await u.get(ApplicationDocumentsService).upload(c.applicant, id, { originalname: `${kind}.pdf`, size: SAMPLE_PDF.length, buffer: SAMPLE_PDF }, { kind });
  }
  await applications.submit(c.applicant, id);
  await review.assign(c.head, id, { officerId: c.officer.id, leadUnitId: c.centre.id, dueDate: `${c.year}-12-31` });
  await review.appraise(c.officer, id, { score: 85, recommendation: 'approve', comment: 'Đủ điều kiện hỗ trợ' });
  await review.recommend(c.officer, id, { approvedSupport, allocationUnitId: c.centre.id, note: 'Đủ điều kiện' });
  await review.initial(c.head, id, {});
  return id;
}

/** A file approved by the leader: its support committed from the centre. */
export async function approvedFile(u: UseCases, c: Cast, options: { eligibleCost?: string; approvedSupport?: string } = {}): Promise<string> {
  const id = await initialedFile(u, c, options);
  await u.get(ApplicationDecisionService).decide(c.leader, id, { decision: 'approve', decisionNo: `${id.slice(-6)}/QĐ-SCT`, reason: 'Đồng ý' });
  return id;
}

let treasurySeq = 0;
/** A treasury reference (số chứng từ kho bạc) no other payment uses. */
export const treasuryRef = () => `KB-${Date.now().toString(36)}-${(treasurySeq++).toString(36)}`.toUpperCase();
