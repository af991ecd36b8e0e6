import { Injectable } from '@nestjs/common';
import { requireRole } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { NotFound, ValidationFailed } from '../../common/http/domain-error';
import { Page, pageOf } from '../../common/http/page';
import { isId, newId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { BudgetService } from '../budget/budget.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Call } from './call.entity';
import { CallView, toCallView } from './call.view';
import type { FieldError } from '../../common/http/domain-error';
import { CallsError } from './calls.error';
import { callMismatches, draftingRefusal, newCallProblems, submissionWindowRefusal } from './calls.rules';
import type { CallQuery } from './dto/call-query.dto';
import type { CreateCallDto } from './dto/create-call.dto';

/** What the applications module needs of the call a file is filed under. */
export type CallFacts = Pick<CallView, 'id' | 'title' | 'fiscalYear' | 'fundCode' | 'activityTypeCodes' | 'opensOn' | 'closesOn'>;

/**
 * Calls for applications (đợt tiếp nhận hồ sơ): a leader or a head opens one for a fund's year and
 * some activity types, between two dates. A call is a public notice: anyone, signed in or not,
 * may list and read the calls (the producers' home page shows those open today).
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly catalogue: CatalogueService,
  ) {}

  /** `POST /calls`: leader or head. The fund must exist and every activity type be in the catalogue. */
  async create(actor: Actor, dto: CreateCallDto): Promise<CallView> {
    const capacity = requireRole(actor, 'leader', 'head');
    const problems = newCallProblems({ opensOn: dto.opensOn, closesOn: dto.closesOn });
    if (problems.length) throw new ValidationFailed(problems);
    if (!(await this.budget.fundList()).some((f) => f.code === dto.fundCode)) {
      throw ValidationFailed.field('fundCode', 'không có nguồn kinh phí với mã này');
    }
    const unknown: string[] = [];
    for (const code of dto.activityTypeCodes) if (!(await this.catalogue.codeExists(code))) unknown.push(code);
    if (unknown.length) throw ValidationFailed.field('activityTypeCodes', `không có loại hoạt động: ${unknown.join(', ')}`);
    return this.tx.run(async (em) => {
      const call = em.create(Call, {
        id: newId(),
        title: dto.title.trim(),
        fiscalYear: dto.fiscalYear,
        fundCode: dto.fundCode,
        activityTypeCodes: [...dto.activityTypeCodes],
        opensOn: dto.opensOn,
        closesOn: dto.closesOn,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await em.insert(Call, call);
      const view = toCallView(call, this.clock.today());
      this.audit.record({ actor, capacity, action: 'call.create', entity: 'call', entityId: call.id, after: view });
      return view;
    });
  }

  /**
   * `GET /calls`: anyone, no sign-in needed (a public notice). `open=true`: the calls taking files
   * today, closing soonest first; `open=false`: the others; otherwise all, newest first.
   */
  async list(query: CallQuery): Promise<Page<CallView>> {
    const today = this.clock.today();
    const qb = this.tx.manager.createQueryBuilder(Call, 'c');
    if (query.open === 'true') qb.where('c.opens_on <= :today AND c.closes_on >= :today', { today });
    else if (query.open === 'false') qb.where('(c.opens_on > :today OR c.closes_on < :today)', { today });
    if (query.fiscalYear) qb.andWhere('c.fiscal_year = :year', { year: query.fiscalYear });
    if (query.open === 'true') qb.orderBy('c.closes_on', 'ASC').addOrderBy('c.id', 'ASC');
    else qb.orderBy('c.id', 'DESC');
    const [rows, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map((c) => toCallView(c, today)), total, query);
  }

  /** `GET /calls/:id`: anyone, no sign-in needed; 404 when there is no such call. */
  async get(id: string): Promise<CallView> {
    const call = isId(id) ? await this.tx.manager.findOne(Call, { where: { id } }) : null;
    if (!call) throw new NotFound('Đợt tiếp nhận hồ sơ');
    return toCallView(call, this.clock.today());
  }

  /**
   * The call a file names (`callId`), for the applications module's checks, or null when there is
   * none with that id. Not a use case of its own: the file's use case has checked its actor.
   */
  async findForFile(id: string): Promise<CallFacts | null> {
    const call = isId(id) ? await this.tx.manager.findOne(Call, { where: { id } }) : null;
    return call
      ? { id: call.id, title: call.title, fiscalYear: call.fiscalYear, fundCode: call.fundCode, activityTypeCodes: [...call.activityTypeCodes], opensOn: call.opensOn, closesOn: call.closesOn }
      : null;
  }

  /** Where a file does not fit its call (calls.rules `callMismatches`), each naming the file's field. */
  mismatches(call: CallFacts, file: { activityTypeCode: string; fundCode: string; fiscalYear: number }): FieldError[] {
    return callMismatches({ call, file });
  }

  /** Null while the call takes files today; otherwise 409 CALL_CLOSED (not yet open, or closed). */
  submissionRefusal(call: CallFacts): CallsError | null {
    return submissionWindowRefusal({ call, today: this.clock.today() });
  }

  /** Null until the call's last day (a draft may be filed under it before it opens); then 409 CALL_CLOSED. */
  draftingRefusal(call: CallFacts): CallsError | null {
    return draftingRefusal({ call, today: this.clock.today() });
  }
}
