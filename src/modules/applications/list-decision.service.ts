import { Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { DomainError, NotFound } from '../../common/http/domain-error';
import { isId } from '../../common/ids';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { LedgerError } from '../ledger/ledger.error';
import { DocumentRegisterService } from '../document-register/document-register.service';
import { ApplicationDecisionService, DECIDING_ROLES, Judgement, signerOf } from './application-decision.service';
import { ApplicationStore } from './application-store';
import { Application } from './application.entity';
import { ApplicationError } from './applications.error';
import type { ListDecisionDto } from './dto/list-decision.dto';
import { ListDecision } from './list-decision.entity';
import { firstOtherSigner, listDecisionNote, listDecisionSubject, lockOrder, refusalNamingFile } from './list-decision.rules';
import { ListDecisionView, toListDecisionView } from './list-decision.view';

/**
 * The list decision (quyết định phê duyệt theo danh sách): a leader approves several initialed
 * files with one decision under one number, all or none. Each file goes through the single
 * decision's own checks and commitment (ApplicationDecisionService.judge and record) inside one
 * transaction; the first file that fails stops the whole decision with its refusal naming the
 * file, and nothing is changed: no file, no ledger movement, no number taken from the register.
 */
@Injectable()
export class ListDecisionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly store: ApplicationStore,
    private readonly decisions: ApplicationDecisionService,
    private readonly papers: DocumentRegisterService,
  ) {}

  /**
   * `POST /decisions`: a leader, or a delegate within their delegation, approves the files. The
   * files are locked in a fixed order (by id) before anything else, so two list decisions sharing
   * a file never deadlock: the second waits, then finds the file approved (409 naming it). Every
   * file must be decided in the same capacity (one paper, one signer). The files' commitments are
   * checked one after the other against the units' budgets, so a file the budget no longer covers
   * after those before it is 409 INSUFFICIENT_FUNDS naming it. A file a consulted unit disagreed
   * with needs `acknowledgeDisagreements` (409 DISAGREEMENT_NOT_ACKNOWLEDGED naming it otherwise).
   */
  async decide(actor: Actor, dto: ListDecisionDto): Promise<ListDecisionView> {
    requireRole(actor, ...DECIDING_ROLES);
    const place = new Map(dto.applicationIds.map((id, index) => [id, index]));
    // One acknowledgment for the list: the leader says they considered every disagreement in it
    // (each file's timeline names the units); without it, the first file with one is refused.
    const acknowledgeDisagreement = dto.acknowledgeDisagreements === true;
    return this.tx.run(async (em) => {
      const naming = async <T>(file: { id: string; title?: string }, work: () => Promise<T>): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          throw error instanceof DomainError ? refusalNamingFile(error, { ...file, index: place.get(file.id)! }) : error;
        }
      };
      const files: Application[] = [];
      for (const id of lockOrder(dto.applicationIds)) files.push(await naming({ id }, () => this.store.findVisible(actor, id, { lock: true })));
      const judged: Array<{ app: Application; judgement: Judgement }> = [];
      for (const app of files) judged.push({ app, judgement: await naming(app, () => this.decisions.judge(em, actor, app, 'approve', { acknowledgeDisagreement })) });
      const other = firstOtherSigner(judged.map((j) => j.judgement));
      if (other !== null) {
        const { app } = judged[other];
        throw refusalNamingFile(
          new ApplicationError('INVALID_STATE', 'Một quyết định chỉ có một người ký với một tư cách: hồ sơ này phải quyết định với tư cách khác các hồ sơ còn lại (theo ủy quyền hoặc không); hãy quyết định riêng.'),
          { ...app, index: place.get(app.id)! },
        );
      }
      const { judgement: first } = judged[0];
      // One number for the whole list: the one typed, or the register's next (sổ văn bản đi).
      const paper = await this.papers.registerForFiles(em, {
        type: 'decision',
        files,
        subject: listDecisionSubject({ fileCount: files.length, fiscalYears: files.map((f) => f.fiscalYear) }),
        signer: signerOf(actor, first),
        number: dto.decisionNo,
      });
      const decision = em.create(ListDecision, {
        id: paper.id,
        number: paper.number,
        decisionDate: first.today,
        comment: dto.comment?.trim() || null,
        decidedBy: actor.id,
        decisionCapacity: first.role,
        decidedOnBehalfOf: first.onBehalfOf,
        delegationId: first.delegationId,
        fileCount: files.length,
        createdAt: this.clock.now(),
      });
      await em.insert(ListDecision, decision);
      const note = listDecisionNote({ number: paper.number, fileCount: files.length });
      for (const { app, judgement } of judged) {
        // The commitment is checked when the ledger runs it (with a later statement): its refusal
        // names this file whenever it surfaces.
        const insufficient = () =>
          refusalNamingFile(LedgerError.insufficientFunds('Đơn vị phân bổ không còn đủ kinh phí khả dụng để cam kết cho đề án này (sau các hồ sơ trước nó trong quyết định).'), {
            ...app,
            index: place.get(app.id)!,
          });
        await naming(app, () => this.decisions.record(em, actor, app, judgement, { number: paper.number, note, reason: dto.comment, listDecisionId: decision.id, whenInsufficient: insufficient }));
      }
      const view = toListDecisionView(decision, files);
      this.audit.record({ actor, capacity: first.role, onBehalfOf: first.onBehalfOf, action: 'list_decision.create', entity: 'list_decision', entityId: decision.id, after: view });
      return view;
    });
  }

  /** `GET /decisions/:id`: staff read a list decision, as the register shows its paper to them; 404 when absent. */
  async get(actor: Actor, id: string): Promise<ListDecisionView> {
    requireStaff(actor);
    const decision = isId(id) ? await this.tx.manager.findOne(ListDecision, { where: { id } }) : null;
    if (!decision) throw new NotFound('Quyết định');
    const files = await this.tx.manager.find(Application, { where: { listDecisionId: decision.id }, order: { id: 'ASC' } });
    return toListDecisionView(decision, files);
  }
}
