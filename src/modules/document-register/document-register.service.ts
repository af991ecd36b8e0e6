import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireStaff } from '../../common/auth/access';
import type { Actor } from '../../common/auth/actor';
import { Clock } from '../../common/clock';
import { newId } from '../../common/ids';
import { isDuplicateKeyError } from '../../database/duplicate-key';
import { TransactionRunner } from '../../database/transaction';
import { AuditService } from '../audit/audit.service';
import { Signatory, UsersService } from '../identity/users.service';
import { UnitService } from '../organization/unit.service';
import { ReportRenderer } from '../../rendering/report/report-renderer.service';
import { documentRegisterDocument } from './document-register.document';
import { documentNumber, documentSummary, nextSeq, numberTaken } from './document-register.rules';
import type { DocumentRegisterQuery } from './dto/document-register-query.dto';
import { OFFICIAL_DOCUMENT_LABELS } from './document-register.labels';
import { OfficialDocumentsError } from './document-register.error';
import type { OfficialDocumentType, RegisterEntryView, SigningFormResult } from './document-register.types';
import { DocumentSeries, OutgoingDocument, OutgoingDocumentFile } from './outgoing-document.entity';
import { In } from 'typeorm';
import { signingForm } from './signing-form.rules';

/** What a step tells the register about the paper it issues. */
export interface RegisterRequest {
  type: OfficialDocumentType;
  /** The file the paper belongs to (its title makes the paper's summary). */
  file: { id: string; title: string };
  /** The payment request's disbursement. */
  disbursementId?: string | null;
  /** Who signs, in the capacity the step records on the timeline, and for whom under a delegation. */
  signer: { id: string; capacity: string; onBehalfOf?: string | null };
  /** A number the user typed at the step (kept as it is); absent, the register gives the next one. */
  number?: string | null;
  /** The day of issue, `YYYY-MM-DD`; today (Asia/Ho_Chi_Minh) when absent. */
  issuedOn?: string;
}

/** A paper covering several files at once (a list decision): one number, one line of the register. */
export interface ListRegisterRequest extends Omit<RegisterRequest, 'file' | 'disbursementId'> {
  files: ReadonlyArray<{ id: string }>;
  /** What the paper is about, for its summary (trích yếu). */
  subject: string;
}

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi, Điều 24.6: the office registers,
 * numbers and archives every outgoing paper). Each step that issues a paper — the decision, the
 * contract, the acceptance, the settlement approval and its recovery notice, a payment request —
 * registers it in its own transaction: the number is then given if and only if the step commits.
 *
 * Numbers of a type are given one transaction at a time: the type's row in `document_series` is
 * locked (FOR UPDATE) before the highest number of the year is read, so under any concurrency they
 * come in order with no repeats, and a step that rolls back takes its number with it (no gaps).
 */
@Injectable()
export class DocumentRegisterService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly units: UnitService,
    private readonly renderer: ReportRenderer,
  ) {}

  /**
   * Registers a paper in the caller's transaction (`em`, the step's own) and returns its entry.
   * The caller's use case has checked its actor; this is part of its step, not a use case of its
   * own. A typed number already in the register for the type and year is 409 DUPLICATE.
   */
  async register(em: EntityManager, request: RegisterRequest): Promise<RegisterEntryView> {
    return this.issue(em, { ...request, applicationId: request.file.id, disbursementId: request.disbursementId ?? null, subject: request.file.title, files: [] });
  }

  /**
   * Registers one paper covering several files (a list decision) in the caller's transaction: one
   * number for all of them, the files listed beside the entry. As `register`, a typed number
   * already in the register for the type and year is 409 DUPLICATE.
   */
  async registerForFiles(em: EntityManager, request: ListRegisterRequest): Promise<RegisterEntryView> {
    if (request.files.length === 0) throw new Error('a paper for several files names at least one');
    return this.issue(em, { ...request, applicationId: null, disbursementId: null });
  }

  private async issue(
    em: EntityManager,
    request: Omit<RegisterRequest, 'file' | 'disbursementId'> & { applicationId: string | null; disbursementId: string | null; subject: string; files: ReadonlyArray<{ id: string }> },
  ): Promise<RegisterEntryView> {
    if (!this.tx.inTransaction) throw new Error('a paper is registered inside the transaction of the step that issues it');
    const issuedOn = request.issuedOn ?? this.clock.today();
    const year = Number.parseInt(issuedOn.slice(0, 4), 10);
    const people = await this.users.signatoriesOf([request.signer.id, request.signer.onBehalfOf ?? ''], issuedOn);
    const signer = people.get(request.signer.id);
    if (!signer) throw new Error(`the signer ${request.signer.id} is not a user`);
    const form = await this.formOf(signer, request.signer.capacity);

    // The type's row first: every number of this type waits here for the one before it to commit.
    await em.createQueryBuilder(DocumentSeries, 's').setLock('pessimistic_write').where('s.type = :type', { type: request.type }).getOneOrFail();
    const typed = request.number?.trim() || null;
    let seq: number | null = null;
    let number: string;
    if (typed) {
      // "7/QĐ-SCT" is the "07/QĐ-SCT" already issued: the year's numbers compared without leading zeros
      // (read under the type's lock, so no number of the type is given meanwhile)
      const numbers: Array<{ number: string }> = await em.query('SELECT number FROM outgoing_documents WHERE type = ? AND year = ?', [request.type, year]);
      if (numberTaken(typed, numbers.map((r) => r.number))) throw this.duplicate(request.type, typed, year);
      number = typed;
    } else {
      const rows: Array<{ highest: number | string | null }> = await em.query('SELECT MAX(seq) AS highest FROM outgoing_documents WHERE type = ? AND year = ?', [request.type, year]);
      const highest = Number(rows[0]?.highest ?? 0);
      const typedNumbers: Array<{ number: string }> = await em.query('SELECT number FROM outgoing_documents WHERE type = ? AND year = ? AND seq IS NULL', [request.type, year]);
      seq = nextSeq({ type: request.type, year, highest, taken: new Set(typedNumbers.map((r) => r.number)) });
      number = documentNumber({ type: request.type, year, seq });
    }
    const entry = em.create(OutgoingDocument, {
      id: newId(),
      type: request.type,
      year,
      seq,
      number,
      applicationId: request.applicationId,
      disbursementId: request.disbursementId,
      issuedOn,
      summary: documentSummary(request.type, request.subject),
      signerId: signer.id,
      signerName: signer.fullName,
      signerCapacity: request.signer.capacity,
      onBehalfOf: request.signer.onBehalfOf ?? null,
      onBehalfOfName: request.signer.onBehalfOf ? (people.get(request.signer.onBehalfOf)?.fullName ?? null) : null,
      signingForm: form.form,
      signingTitle: form.lines.join('\n'),
      createdAt: this.clock.now(),
    });
    try {
      await em.insert(OutgoingDocument, entry);
    } catch (error) {
      // The unique keys are the last guard (a typed number racing the same typed number).
      if (isDuplicateKeyError(error)) throw this.duplicate(request.type, number, year);
      throw error;
    }
    const fileIds = request.files.map((f) => f.id);
    if (fileIds.length) await em.insert(OutgoingDocumentFile, fileIds.map((applicationId) => ({ documentId: entry.id, applicationId })));
    const view = toRegisterEntryView(entry, fileIds);
    this.audit.record({
      actor: { id: signer.id },
      capacity: request.signer.capacity,
      onBehalfOf: request.signer.onBehalfOf ?? null,
      action: 'document.register',
      entity: 'outgoing_document',
      entityId: entry.id,
      after: view,
    });
    return view;
  }

  /**
   * How `person` signs a paper in `capacity` (the signing form and the lines above the
   * signature), for papers outside the register: the reports' signature block. The caller's use
   * case has checked its actor.
   */
  async signingOf(person: { id: string; capacity: string }): Promise<SigningFormResult & { name: string }> {
    const signer = (await this.users.signatoriesOf([person.id])).get(person.id);
    if (!signer) throw new Error(`the signer ${person.id} is not a user`);
    return { ...(await this.formOf(signer, person.capacity)), name: signer.fullName };
  }

  private async formOf(signer: Signatory, capacity: string): Promise<SigningFormResult> {
    const unitKind = signer.unitId ? ((await this.units.describe([signer.unitId])).get(signer.unitId)?.kind ?? null) : null;
    return signingForm({ capacity, signer: { roles: signer.roles, deputy: signer.deputy, unitKind, acting: signer.acting } });
  }

  /** The register of a year (this year by default), optionally of one type, in number order (typed numbers last, as registered). Staff. */
  async registerOf(actor: Actor, query: DocumentRegisterQuery): Promise<{ year: number; type: OfficialDocumentType | null; items: RegisterEntryView[] }> {
    requireStaff(actor);
    const year = query.year ?? Number.parseInt(this.clock.today().slice(0, 4), 10);
    const qb = this.tx.manager.createQueryBuilder(OutgoingDocument, 'd').where('d.year = :year', { year });
    if (query.type) qb.andWhere('d.type = :type', { type: query.type });
    // number order: the register's own numbers by seq, then the typed ones in the order they were registered
    const rows = await qb
      .orderBy('d.type', 'ASC')
      .addOrderBy('CASE WHEN d.seq IS NULL THEN 1 ELSE 0 END', 'ASC')
      .addOrderBy('d.seq', 'ASC')
      .addOrderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    return { year, type: query.type ?? null, items: await this.views(rows) };
  }

  /** `GET /document-register`: the register as JSON (`{ items }`), or as XLSX, CSV or PDF to print and archive. Staff. */
  async registerExport(actor: Actor, query: DocumentRegisterQuery) {
    const register = await this.registerOf(actor, query);
    return this.renderer.render(
      query.format,
      () => register,
      () => documentRegisterDocument({ ...register, generatedAt: this.clock.now(), preparedBy: actor.fullName }),
    );
  }

  /**
   * The papers registered for a file, oldest first. The caller has found the file visible to its
   * actor (the documents' use cases open the file first).
   */
  async entriesOfFile(applicationId: string): Promise<RegisterEntryView[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(OutgoingDocument, 'd')
      .where('d.application_id = :applicationId', { applicationId })
      .orWhere('d.id IN (SELECT f.document_id FROM outgoing_document_files f WHERE f.application_id = :applicationId)', { applicationId })
      .orderBy('d.id', 'ASC')
      .getMany();
    return this.views(rows);
  }

  /** Entries as the API shows them, with the files of those covering several (one query). */
  private async views(rows: OutgoingDocument[]): Promise<RegisterEntryView[]> {
    const shared = rows.filter((d) => d.applicationId === null).map((d) => d.id);
    const links = shared.length ? await this.tx.manager.find(OutgoingDocumentFile, { where: { documentId: In(shared) }, order: { applicationId: 'ASC' } }) : [];
    const filesOf = new Map<string, string[]>();
    for (const link of links) filesOf.set(link.documentId, [...(filesOf.get(link.documentId) ?? []), link.applicationId]);
    return rows.map((d) => toRegisterEntryView(d, filesOf.get(d.id) ?? []));
  }

  private duplicate(type: OfficialDocumentType, number: string, year: number): OfficialDocumentsError {
    return new OfficialDocumentsError('DUPLICATE', `Số ${number} đã có trong sổ văn bản đi năm ${year} (${OFFICIAL_DOCUMENT_LABELS[type].toLowerCase()}).`, [
      { field: type === 'decision' ? 'decisionNo' : type === 'contract' ? 'contractNo' : type === 'acceptance' ? 'minutesNo' : 'number', message: 'số văn bản đã được dùng' },
    ]);
  }
}

/** `fileIds`: the files of a paper covering several (ignored for a paper of one file). */
export function toRegisterEntryView(d: OutgoingDocument, fileIds: readonly string[] = []): RegisterEntryView {
  return {
    id: d.id,
    number: d.number,
    seq: d.seq,
    type: d.type,
    year: d.year,
    applicationId: d.applicationId,
    applicationIds: d.applicationId ? [d.applicationId] : [...fileIds],
    disbursementId: d.disbursementId,
    issuedAt: d.issuedOn,
    summary: d.summary,
    signerId: d.signerId,
    signerName: d.signerName,
    signerCapacity: d.signerCapacity,
    onBehalfOf: d.onBehalfOf,
    onBehalfOfName: d.onBehalfOfName,
    signingForm: d.signingForm,
    signingTitle: d.signingTitle.split('\n'),
  };
}
