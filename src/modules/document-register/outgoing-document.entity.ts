import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfficialDocumentType, SigningForm } from './document-register.types';

/**
 * One line of the register of outgoing documents (sổ đăng ký văn bản đi): a paper a file's step
 * issued, its number, the day it was issued and who signed it in which form. Written in the
 * step's own transaction, never changed.
 */
@Entity('outgoing_documents')
export class OutgoingDocument {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'varchar', length: 32 }) type: OfficialDocumentType;
  @Column({ type: 'smallint' }) year: number;
  /** The register's own number in the type and year; null when the user typed the number. */
  @Column({ type: 'int', nullable: true }) seq: number | null;
  @Column({ type: 'varchar', length: 64 }) number: string;
  /** The file the paper belongs to; null for a paper covering several files (outgoing_document_files lists them). */
  @Column({ type: 'char', length: 26, nullable: true }) applicationId: string | null;
  @Column({ type: 'char', length: 26, nullable: true }) disbursementId: string | null;
  @Column({ type: 'date' }) issuedOn: string;
  @Column({ type: 'varchar', length: 500 }) summary: string;
  @Column({ type: 'char', length: 26 }) signerId: string;
  @Column({ type: 'varchar', length: 200 }) signerName: string;
  @Column({ type: 'varchar', length: 32 }) signerCapacity: string;
  @Column({ type: 'char', length: 26, nullable: true }) onBehalfOf: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) onBehalfOfName: string | null;
  @Column({ type: 'varchar', length: 8 }) signingForm: SigningForm;
  /** The lines above the signature, one per line. */
  @Column({ type: 'varchar', length: 300 }) signingTitle: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A file a paper covering several files belongs to (a list decision: quyết định theo danh sách). */
@Entity('outgoing_document_files')
export class OutgoingDocumentFile {
  @PrimaryColumn({ type: 'char', length: 26 }) documentId: string;
  @PrimaryColumn({ type: 'char', length: 26 }) applicationId: string;
}

/**
 * One row per type of paper, locked while a number of that type is given: the numbers of a type
 * are handed out one transaction at a time, so they come in order, without gaps or repeats.
 */
@Entity('document_series')
export class DocumentSeries {
  @PrimaryColumn({ type: 'varchar', length: 32 }) type: OfficialDocumentType;
}
