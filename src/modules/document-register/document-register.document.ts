import type { ReportDocument } from '../../rendering/report/report-document';
import { OFFICIAL_DOCUMENT_LABELS, SIGNING_FORM_LABELS } from './document-register.labels';
import type { OfficialDocumentType, RegisterEntryView } from './document-register.types';

/** The register as a report (XLSX, CSV or PDF): one table, in the order the numbers were given. */
export function documentRegisterDocument(input: { year: number; type: OfficialDocumentType | null; items: RegisterEntryView[]; generatedAt: Date; preparedBy: string }): ReportDocument {
  const of = input.type ? ` — ${OFFICIAL_DOCUMENT_LABELS[input.type].toLowerCase()}` : '';
  return {
    fileName: `so-van-ban-di-${input.year}${input.type ? `-${input.type}` : ''}`,
    numberSuffix: 'SĐK-VP',
    title: 'Sổ đăng ký văn bản đi',
    subtitle: `Năm ${input.year}${of}`,
    sections: [
      {
        key: 'register',
        title: 'Văn bản đi đã đăng ký',
        sheetTitle: `Văn bản đi ${input.year}`,
        table: {
          columns: [
            { key: 'number', header: 'Số, ký hiệu', kind: 'text', weight: 1.3 },
            { key: 'issuedAt', header: 'Ngày ban hành', kind: 'date', weight: 0.9 },
            { key: 'typeLabel', header: 'Tên loại văn bản', kind: 'text', weight: 1.6 },
            { key: 'summary', header: 'Trích yếu nội dung', kind: 'text', weight: 3.5 },
            { key: 'signerName', header: 'Người ký', kind: 'text', weight: 1.4 },
            { key: 'signingFormLabel', header: 'Thể thức ký', kind: 'text', weight: 1.2 },
            { key: 'signingTitle', header: 'Chức vụ người ký', kind: 'text', weight: 1.5 },
            { key: 'type', header: 'Mã loại', kind: 'text', machineOnly: true },
            { key: 'signingForm', header: 'Mã thể thức ký', kind: 'text', machineOnly: true },
            { key: 'applicationId', header: 'Mã hồ sơ', kind: 'text', machineOnly: true },
            { key: 'disbursementId', header: 'Mã khoản chi', kind: 'text', machineOnly: true },
          ],
          rows: input.items.map((e) => ({
            cells: {
              number: e.number,
              issuedAt: e.issuedAt,
              typeLabel: OFFICIAL_DOCUMENT_LABELS[e.type],
              summary: e.summary,
              signerName: e.onBehalfOfName ? `${e.signerName} (ủy quyền của ${e.onBehalfOfName})` : e.signerName,
              signingFormLabel: SIGNING_FORM_LABELS[e.signingForm],
              signingTitle: e.signingTitle.join(' / '),
              type: e.type,
              signingForm: e.signingForm,
              applicationId: e.applicationIds.join(' '),
              disbursementId: e.disbursementId,
            },
          })),
        },
      },
    ],
    signers: [{ capacity: 'Người lập sổ', name: input.preparedBy }, { capacity: 'Chánh Văn phòng' }],
    orientation: 'landscape',
    generatedAt: input.generatedAt,
  };
}
