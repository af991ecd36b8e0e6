import type { Money } from '../../common/money/decimal';
import { formatDateVi, formatMoneyVi } from '../../common/money/format-vi';
import type { NotificationEvent } from '../notifications/notification-event.types';

/**
 * Who hears of a step on a file, and what they read (pure). Every audience is one the file's
 * access policy lets see the file (file-access.rules): its owner, its responsible officer, the
 * heads of its lead unit, a unit it was consulted with, the centre's heads for a file waiting to
 * be assigned, the province's leaders. The words stay within what that audience sees on the
 * file's page: a producer reads no internal note.
 */
export interface FileNoticeInput {
  /** The step as the timeline records it: its action, note and what it changed. */
  step: { action: string; note?: string | null; after?: Record<string, unknown> };
  file: {
    id: string;
    title: string;
    ownerId: string;
    officerId: string | null;
    leadUnitId: string | null;
    dueDate: string | null;
    supplementDueDate: string | null;
    approvedSupport: Money | null;
    currency: string;
    decisionNo: string | null;
  };
  /** The units of the extension centre (whose heads take in a newly submitted file). */
  centreUnitIds: string[];
  /** The consulted unit's name (consult and answer steps). */
  unitName?: string | null;
}

const HEADS = ['head'] as const;

export function fileNotices({ step, file, centreUnitIds, unitName }: FileNoticeInput): NotificationEvent[] {
  const link = `/ho-so/${file.id}`;
  const base = { applicationId: file.id, link };
  const title = `«${file.title}»`;
  const owner = { userIds: [file.ownerId] };
  const officer = file.officerId ? { userIds: [file.officerId] } : null;
  const leadHeads = file.leadUnitId ? { units: [{ unitId: file.leadUnitId, roles: [...HEADS] }] } : null;
  const after = step.after ?? {};
  switch (step.action) {
    case 'submit':
      return [
        {
          ...base,
          kind: 'file.submit',
          messages: [{ audience: { units: centreUnitIds.map((unitId) => ({ unitId, roles: [...HEADS] })) }, title: `Hồ sơ mới nộp: ${file.title}`, body: `Hồ sơ ${title} vừa được nộp và đang chờ phân công xử lý.` }],
        },
      ];
    case 'resubmit':
      return officer ? [{ ...base, kind: 'file.resubmit', messages: [{ audience: officer, title: `Hồ sơ đã được bổ sung: ${file.title}`, body: `Cơ sở đã bổ sung và nộp lại hồ sơ ${title}.` }] }] : [];
    case 'assign':
    case 'reassign':
    case 'reassign_officer': {
      const due = file.dueDate ? ` Hạn xử lý: ${formatDateVi(file.dueDate)}.` : '';
      const messages = officer ? [{ audience: officer, title: `Bạn được giao xử lý hồ sơ: ${file.title}`, body: `Bạn là chuyên viên chịu trách nhiệm hồ sơ ${title}.${due}` }] : [];
      if (step.action === 'assign') messages.push({ audience: owner, title: `Hồ sơ đã được tiếp nhận: ${file.title}`, body: `Hồ sơ ${title} đã được giao cho đơn vị chuyên môn xử lý.` });
      return [{ ...base, kind: 'file.assign', dueDate: file.dueDate, messages }];
    }
    case 'return': {
      const due = file.supplementDueDate;
      return [
        {
          ...base,
          kind: 'file.return',
          dueDate: due,
          messages: [{ audience: owner, title: `Hồ sơ cần bổ sung: ${file.title}`, body: `Nội dung cần bổ sung: ${step.note ?? ''}\nVui lòng bổ sung và nộp lại hồ sơ${due ? ` trước ngày ${formatDateVi(due)}` : ''}.` }],
        },
      ];
    }
    case 'consult': {
      const unitId = String(after.unitId ?? '');
      const due = typeof after.dueDate === 'string' ? after.dueDate : null;
      return unitId
        ? [
            {
              ...base,
              kind: 'consultation.request',
              dueDate: due,
              messages: [
                {
                  // The consulted unit's staff who may answer for it (consultations.service ANSWERING_ROLES).
                  audience: { units: [{ unitId, roles: ['head', 'officer', 'finance', 'leader'] }] },
                  title: `Xin ý kiến về hồ sơ: ${file.title}`,
                  body: `Đơn vị chủ trì xin ý kiến ${unitName ?? 'đơn vị'} về hồ sơ ${title}.${due ? ` Hạn trả lời: ${formatDateVi(due)}; quá hạn không trả lời (và không đề nghị gia hạn) được coi là đồng ý.` : ''}`,
                },
              ],
            },
          ]
        : [];
    }
    case 'answer': {
      const disagree = after.opinion === 'disagree';
      const who = unitName ?? 'Đơn vị được xin ý kiến';
      const staff = [officer, leadHeads].filter((a): a is NonNullable<typeof a> => a !== null);
      const events: NotificationEvent[] = staff.length
        ? [{ ...base, kind: 'consultation.answer', messages: staff.map((audience) => ({ audience, title: `${who} ${disagree ? 'không đồng ý' : 'đồng ý'}: ${file.title}`, body: `${who} đã trả lời xin ý kiến về hồ sơ ${title}: ${disagree ? 'không đồng ý' : 'đồng ý'}.` })) }]
        : [];
      if (disagree) {
        events.push({
          ...base,
          kind: 'consultation.disagree',
          messages: [{ audience: { roles: ['leader'] }, title: `Ý kiến không đồng ý về hồ sơ: ${file.title}`, body: `${who} không đồng ý với đề xuất về hồ sơ ${title}. Lãnh đạo Sở xem xét ý kiến này trước khi quyết định (Điều 13.4).` }],
        });
      }
      return events;
    }
    case 'extension_request': {
      const until = typeof after.requestedUntil === 'string' ? after.requestedUntil : null;
      const who = unitName ?? 'Đơn vị được xin ý kiến';
      const staff = [officer, leadHeads].filter((a): a is NonNullable<typeof a> => a !== null);
      return staff.length
        ? [
            {
              ...base,
              kind: 'consultation.extension',
              dueDate: typeof after.dueDate === 'string' ? after.dueDate : null,
              messages: staff.map((audience) => ({
                audience,
                title: `${who} đề nghị gia hạn trả lời: ${file.title}`,
                body: `${who} đề nghị gia hạn trả lời xin ý kiến về hồ sơ ${title}${until ? ` đến ngày ${formatDateVi(until)}` : ''}. Trong khi chờ, im lặng không được coi là đồng ý; vui lòng đồng ý hoặc không đồng ý gia hạn.`,
              })),
            },
          ]
        : [];
    }
    case 'extension_approve':
    case 'extension_reject': {
      const unitId = String(after.unitId ?? '');
      const due = typeof after.dueDate === 'string' ? after.dueDate : null;
      const approved = step.action === 'extension_approve';
      return unitId
        ? [
            {
              ...base,
              kind: 'consultation.extension',
              dueDate: due,
              messages: [
                {
                  audience: { units: [{ unitId, roles: ['head', 'officer', 'finance', 'leader'] }] },
                  title: `${approved ? 'Đồng ý' : 'Không đồng ý'} gia hạn trả lời: ${file.title}`,
                  body: `Đơn vị chủ trì ${approved ? 'đồng ý' : 'không đồng ý'} gia hạn trả lời xin ý kiến về hồ sơ ${title}.${due ? ` Hạn trả lời: ${formatDateVi(due)}.` : ''}`,
                },
              ],
            },
          ]
        : [];
    }
    case 'recommend':
      return leadHeads ? [{ ...base, kind: 'file.recommend', messages: [{ audience: leadHeads, title: `Hồ sơ chờ ký tắt: ${file.title}`, body: `Chuyên viên đã đề xuất hồ sơ ${title}; chờ Trưởng phòng ký tắt.` }] }] : [];
    case 'send_back':
      return officer ? [{ ...base, kind: 'file.send_back', messages: [{ audience: officer, title: `Hồ sơ bị trả lại để xem xét lại: ${file.title}`, body: `Lý do: ${step.note ?? ''}` }] }] : [];
    case 'initial':
      return [{ ...base, kind: 'file.initial', messages: [{ audience: { roles: ['leader'] }, title: `Hồ sơ chờ quyết định: ${file.title}`, body: `Hồ sơ ${title} đã được ký tắt và chờ Lãnh đạo Sở quyết định.` }] }];
    case 'approve':
    case 'reject': {
      const approved = step.action === 'approve';
      const amount = approved && file.approvedSupport ? ` Mức hỗ trợ được duyệt: ${formatMoneyVi(file.approvedSupport, file.currency)}.` : '';
      const number = file.decisionNo ? ` (Quyết định số ${file.decisionNo})` : '';
      const text = approved ? `Hồ sơ ${title} đã được phê duyệt${number}.${amount}` : `Hồ sơ ${title} không được phê duyệt${number}.`;
      const heading = approved ? `Hồ sơ được phê duyệt: ${file.title}` : `Hồ sơ không được phê duyệt: ${file.title}`;
      const messages = [{ audience: owner, title: heading, body: text }];
      if (officer) messages.push({ audience: officer, title: heading, body: text });
      return [{ ...base, kind: 'file.decision', messages }];
    }
    case 'cancel':
      return [{ ...base, kind: 'file.cancel', messages: [{ audience: owner, title: `Đề án bị hủy: ${file.title}`, body: `Lãnh đạo Sở đã hủy đề án ${title}. Khoản đã tạm ứng (nếu có) sẽ được thông báo thu hồi.` }] }];
    case 'accept': {
      const due = typeof after.settlementDueDate === 'string' ? after.settlementDueDate : null;
      const passed = after.result !== 'failed';
      return [
        {
          ...base,
          kind: 'file.accept',
          dueDate: due,
          messages: [
            {
              audience: owner,
              title: passed ? `Đã nghiệm thu: ${file.title}` : `Nghiệm thu không đạt: ${file.title}`,
              body: passed ? `Đề án ${title} đã được nghiệm thu.${due ? ` Hạn nộp hồ sơ quyết toán: ${formatDateVi(due)}.` : ''}` : `Đề án ${title} nghiệm thu không đạt.`,
            },
          ],
        },
      ];
    }
    case 'settle':
      return [{ ...base, kind: 'file.settle', messages: [{ audience: owner, title: `Đã hoàn tất quyết toán: ${file.title}`, body: `Hồ sơ ${title} đã được quyết toán xong.` }] }];
    default:
      return [];
  }
}
