import { Inject, Injectable } from '@nestjs/common';
import { requireRole, requireStaff } from '../../common/auth/access';
import type { Actor, Role } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/http/domain-error';
import { newId } from '../../common/ids';
import { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction';
import { ApplicationStore } from './application-store';
import { ApplicationError } from './applications.error';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { ConflictDeclarationView, toConflictDeclarationView } from './conflict-declaration.view';
import { conflictRefusal } from './conflicts.rules';
import { ACT_ROLES } from './file-access.rules';
import type { ConflictDeclarationDto } from './dto/conflict-declaration.dto';

/** Who declares on a file: the staff who act on files (appraise, recommend, initial, decide; finance as a leader's delegate). */
export const DECLARING_ROLES: readonly Role[] = ACT_ROLES.declare;

/**
 * Conflicts of interest (xung đột lợi ích): staff who act on a file declare, once, whether they
 * have a conflict with its establishment. A declared conflict keeps them from appraising,
 * recommending, initialing and deciding that file; where the province requires it
 * (REQUIRE_CONFLICT_DECLARATION) those steps need the actor's declaration first.
 */
@Injectable()
export class ConflictDeclarationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly store: ApplicationStore,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The actor declares a conflict with the file's establishment, or none. One declaration per
   * person per file: it is neither replaced nor withdrawn (a declared conflict stays declared).
   * On the file's timeline and in the audit log, in the same transaction; the file does not move.
   */
  async declare(actor: Actor, applicationId: string, dto: ConflictDeclarationDto): Promise<ConflictDeclarationView> {
    const capacity = requireRole(actor, ...DECLARING_ROLES);
    return this.tx.run(async (em) => {
      const { app } = await this.store.open(actor, applicationId, 'declare', { lock: true });
      if (!dto.hasConflict && dto.relation) throw ValidationFailed.field('relation', 'chỉ ghi quan hệ khi có xung đột lợi ích');
      // The file's row is locked: two declarations by one person run one after the other, the
      // second finds the first (the unique key would refuse it anyway).
      if (await em.exists(ConflictDeclaration, { where: { applicationId: app.id, userId: actor.id } })) {
        throw new ApplicationError('DUPLICATE', 'Bạn đã kê khai xung đột lợi ích với hồ sơ này; mỗi người chỉ kê khai một lần và không rút lại được.');
      }
      const declaration = Object.assign(new ConflictDeclaration(), {
        id: newId(),
        applicationId: app.id,
        userId: actor.id,
        userName: actor.fullName,
        hasConflict: dto.hasConflict,
        relation: dto.hasConflict ? dto.relation! : null,
        note: dto.note?.trim() || null,
        declaredAt: this.clock.now(),
      });
      await em.insert(ConflictDeclaration, declaration);
      // The timeline, which the file's owner reads too, says that a declaration was made; what it
      // says is for staff (the list) and the audit log.
      await this.store.recordStep(em, {
        app,
        action: 'conflict_declaration',
        from: app.status,
        actor,
        capacity,
        after: { declarationId: declaration.id, hasConflict: declaration.hasConflict, relation: declaration.relation, note: declaration.note },
      });
      return toConflictDeclarationView(declaration);
    });
  }

  /** The declarations on a file, oldest first, for staff who see it. */
  async list(actor: Actor, applicationId: string): Promise<ConflictDeclarationView[]> {
    requireStaff(actor);
    const app = await this.store.findVisible(actor, applicationId);
    const rows = await this.tx.manager.find(ConflictDeclaration, { where: { applicationId: app.id }, order: { id: 'ASC' } });
    return rows.map(toConflictDeclarationView);
  }

  /**
   * Refuses a judging step (appraise, recommend, initial, decide) on a file to `personIds` — the
   * one acting, then the leader behind a delegate — when one of them declared a conflict (403
   * CONFLICT_OF_INTEREST), or when a declaration is required and the one acting made none (409
   * DECLARATION_REQUIRED). Called inside the step's transaction, after the file is locked.
   */
  async assertMayJudge(applicationId: string, personIds: string[]): Promise<void> {
    const declarations = await this.tx.manager.find(ConflictDeclaration, {
      where: { applicationId },
      select: { userId: true, userName: true, hasConflict: true, relation: true },
    });
    const refusal = conflictRefusal({ declarations, persons: personIds, required: this.config.REQUIRE_CONFLICT_DECLARATION });
    if (refusal) throw refusal;
  }
}
