/**
 * The papers a file's steps issue (văn bản đi), each numbered in the office's register of
 * outgoing documents (sổ đăng ký văn bản đi) per type and year.
 */
export const OFFICIAL_DOCUMENT_TYPES = ['decision', 'contract', 'acceptance', 'settlement', 'recovery-notice', 'payment-request'] as const;
export type OfficialDocumentType = (typeof OFFICIAL_DOCUMENT_TYPES)[number];

/**
 * How a paper is signed (thể thức ký, Điều 24 of the working regulation; Nghị định 30/2020/NĐ-CP):
 * `direct` by the head in their own name, `KT.` (ký thay) a deputy for the director, `TUQ.` (thừa
 * ủy quyền) a delegate, `TL.` (thừa lệnh) the office for the director, `Q.` (quyền) an acting head.
 */
export const SIGNING_FORMS = ['direct', 'KT.', 'TUQ.', 'TL.', 'Q.'] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];

/** How one person signs one paper. */
export interface SigningFormResult {
  form: SigningForm;
  /** The lines above the signature, upper case: `["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]`. */
  lines: string[];
}

/** A register entry as the API shows it (`GET /document-register`, `GET /applications/:id/official-documents`). */
export interface RegisterEntryView {
  id: string;
  /** The number and symbol as printed: `12/QĐ-SCT`. */
  number: string;
  /** The register's own sequence number within the type and year; null for a number typed by the user. */
  seq: number | null;
  type: OfficialDocumentType;
  year: number;
  /** The file the paper belongs to; null for a paper covering several files (a list decision). */
  applicationId: string | null;
  /** Every file the paper belongs to: `[applicationId]`, or the files of a list decision. */
  applicationIds: string[];
  disbursementId: string | null;
  /** `YYYY-MM-DD` (Asia/Ho_Chi_Minh). */
  issuedAt: string;
  /** Trích yếu: what the paper is about. */
  summary: string;
  signerId: string;
  signerName: string;
  /** The capacity the signer acted in, as the file's timeline records it (`leader`, `delegated`, `officer`…). */
  signerCapacity: string;
  onBehalfOf: string | null;
  onBehalfOfName: string | null;
  signingForm: SigningForm;
  /** The lines above the signature, as printed: `["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]`. */
  signingTitle: string[];
}
