import { Injectable } from '@nestjs/common';
import { Actor, hasRole } from '../../common/auth/actor';
import { ApplicationsService, BlockedFile } from '../../modules/applications/applications.service';
import { InstallSetupService } from '../../modules/administration/install-setup.service';
import { BudgetSetupService } from '../../modules/budget/budget-setup.service';
import type { ApplicationView } from '../../modules/applications/application.view';
import type { ApplicationStatus } from '../../modules/applications/application-statuses';
import { ANSWERING_ROLES, ConsultationsService } from '../../modules/applications/consultations.service';
import { DisbursementsService } from '../../modules/disbursements/disbursements.service';
import { DelegationService } from '../../modules/identity/delegation.service';
import { RecoveryService } from '../../modules/settlement/recovery.service';
import { SettlementService } from '../../modules/settlement/settlement.service';
import { DISBURSEMENT_KIND_LABELS } from '../../modules/disbursements/disbursements.labels';
import { ReversalRequestsService } from '../../modules/ledger/reversal-requests.service';
import { TRANSFER_KIND_LABELS } from '../../modules/ledger/ledger.labels';
import { DirectoryService } from './directory.service';
import { installLinks } from './install-links';
import { setupLinks } from './setup-links';

export interface QueueItem {
  href: string;
  title: string;
  detail: string;
  /** An amount to show (a money string of the API) in the file's currency. */
  amount?: string | null;
  currency?: string;
  dueDate: string | null;
  overdue: boolean;
  /** The file lies in the deputy director's field of work (shown first, marked). */
  inField?: boolean;
  /** Why a leader could not approve the file as it stands (its fiscal year is not open). */
  blocked?: string | null;
}

export interface QueueSection {
  key: string;
  title: string;
  items: QueueItem[];
  /** How many there are in all: a section shows at most QUEUE_SIZE of them. */
  total: number;
  /** The paged list holding all of them, when the section cannot show every one. */
  moreHref: string | null;
  /** A sentence above the items (what the section asks and of whom). */
  intro?: string;
  /** A step on several of the items at once (the leader's list decision). */
  action?: { href: string; label: string };
}

/** Items a section of the queue shows; the rest are reached through the paged list it links to. */
const QUEUE_SIZE = 200;
const PAGE = { page: 1, pageSize: QUEUE_SIZE };
const UNKNOWN_FILE = { title: '', currency: 'VND' };

/**
 * The work waiting for a member of staff, one section per kind of step their roles take: files to
 * assign, to review, consultations to answer, files to initial and to decide, money to approve and
 * pay, settlements and recoveries. A deputy director's files in their field first, then overdue
 * items, each with its due date.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly consultations: ConsultationsService,
    private readonly disbursements: DisbursementsService,
    private readonly settlements: SettlementService,
    private readonly recoveries: RecoveryService,
    private readonly delegations: DelegationService,
    private readonly directory: DirectoryService,
    private readonly budgetSetup: BudgetSetupService,
    private readonly reversals: ReversalRequestsService,
    private readonly installSetup: InstallSetupService,
  ) {}

  async sections(actor: Actor): Promise<QueueSection[]> {
    const names = await this.directory.for(actor);
    // Files a leader could not approve as they stand: marked where they wait, and listed with why.
    const handlesFiles = hasRole(actor, 'officer', 'head', 'leader', 'finance');
    const blocked: BlockedFile[] = handlesFiles ? await this.applications.blockedFiles(actor) : [];
    const blockedText = new Map(blocked.map((f) => [f.id, f.blockers.map((b) => b.text).join(' ')]));
    const totals = new Map<string, number>();
    const files = async (status: ApplicationStatus, extra: { officerId?: string } = {}) => {
      const page = await this.applications.list(actor, { ...PAGE, status, ...extra });
      totals.set(status, (totals.get(status) ?? 0) + page.total);
      return page.items;
    };
    const fileItem = (app: ApplicationView, detail: string, amount: string | null = null): QueueItem => ({
      href: `/ho-so/${app.id}`,
      title: app.title,
      detail,
      amount,
      currency: app.currency,
      dueDate: app.dueDate,
      overdue: app.overdue,
      blocked: blockedText.get(app.id) ?? null,
    });
    const sections: QueueSection[] = [];
    const add = (key: string, title: string, items: QueueItem[], more?: { total: number; href: string }, intro?: string) => {
      items.sort(
        (a, b) =>
          Number(Boolean(b.inField)) - Number(Boolean(a.inField)) ||
          Number(b.overdue) - Number(a.overdue) ||
          (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      );
      const total = Math.max(more?.total ?? 0, items.length);
      sections.push({ key, title, items, total, moreHref: more && total > items.length ? more.href : null, ...(intro ? { intro } : {}) });
    };

    if (hasRole(actor, 'admin')) {
      // The installation first: units, people in every role, rules, the communes.
      const steps = await this.installSetup.steps(actor);
      if (steps.length) {
        add(
          'install',
          'Thiết lập hệ thống',
          installLinks(steps).map((l) => ({ href: l.href, title: l.title, detail: l.detail, dueDate: null, overdue: false })),
          undefined,
          'Hệ thống chưa sẵn sàng nhận hồ sơ: làm các bước dưới đây; mỗi bước mở trang quản trị tương ứng.',
        );
      }
    }
    if (hasRole(actor, 'officer', 'head', 'leader') && !hasRole(actor, 'finance')) {
      // Whoever handles files learns why none can go ahead, and whom to ask.
      const missing = await this.budgetSetup.notReady(actor);
      if (missing) {
        add(
          'books',
          'Sổ sách ngân sách chưa sẵn sàng',
          [],
          undefined,
          `${missing === 'no_fund' ? 'Chưa có nguồn kinh phí nào' : 'Chưa mở năm ngân sách nào'}: cơ sở chưa lập được đề án và chưa hồ sơ nào được phê duyệt. Đề nghị phòng Kế hoạch – Tài chính tạo nguồn kinh phí, mở năm ngân sách, giao dự toán và phân bổ cho đơn vị.`,
        );
      }
    }
    if (hasRole(actor, 'finance')) {
      // The books first: nothing can be applied for or approved until they are set up.
      const { steps } = await this.budgetSetup.setup(actor);
      if (steps.length) {
        add(
          'setup',
          'Thiết lập ngân sách',
          setupLinks(steps).map((l) => ({ href: l.href, title: l.title, detail: l.detail, dueDate: null, overdue: false })),
          undefined,
          'Làm lần lượt các bước dưới đây; mỗi bước mở biểu mẫu tương ứng.',
        );
      }
    }
    if (blocked.length) {
      // Finance opens the year (the form that fixes it); the others learn why and whom to ask.
      const fixes = hasRole(actor, 'finance');
      add(
        'blocked',
        'Hồ sơ chưa thể phê duyệt',
        blocked.map((f) => ({
          href: fixes ? fixFor(f) : `/ho-so/${f.id}`,
          title: f.title,
          detail: f.blockers.map((b) => b.text).join(' '),
          dueDate: null,
          overdue: false,
        })),
        undefined,
        fixes
          ? 'Các hồ sơ này thuộc năm ngân sách chưa mở hoặc nguồn kinh phí chưa phân bổ cho đơn vị nào; mỗi dòng dẫn tới biểu mẫu khắc phục (mở năm, phân bổ).'
          : 'Các hồ sơ này thuộc năm ngân sách chưa mở hoặc nguồn kinh phí chưa phân bổ cho đơn vị nào; đề nghị phòng Kế hoạch – Tài chính mở năm và phân bổ kinh phí trước khi trình lãnh đạo.',
      );
    }
    const fileList = (status: ApplicationStatus) => ({ total: totals.get(status) ?? 0, href: `/ho-so?trang-thai=${status}` });

    // A head's routine delegate assigns and initials for the head while the delegation stands: their queues too.
    // The delegations the actor holds today, read once for the queues that follow them.
    const held = hasRole(actor, 'head') && hasRole(actor, 'leader') ? new Set<string>() : await this.activeDelegationScopes(actor);
    const routine = !hasRole(actor, 'head') && held.has('routine');
    if (hasRole(actor, 'head') || routine) {
      add('assign', 'Hồ sơ mới nộp cần giao xử lý', (await files('submitted')).map((a) => fileItem(a, 'Đề nghị hỗ trợ', a.requestedSupport)), fileList('submitted'));
    }
    if (hasRole(actor, 'officer')) {
      const mine = await files('under_review', { officerId: actor.id });
      add('review', 'Hồ sơ được giao cho tôi thẩm định', mine.map((a) => fileItem(a, 'Đang thẩm định')), fileList('under_review'));
      const approved = [...(await files('approved', { officerId: actor.id })), ...(await files('contracted', { officerId: actor.id }))];
      add('contract', 'Hồ sơ đã phê duyệt: hợp đồng, tạm ứng, nghiệm thu', approved.map((a) => fileItem(a, a.status === 'approved' ? 'Chờ ký hợp đồng' : 'Chờ nghiệm thu')));
    }
    if (hasRole(actor, ...ANSWERING_ROLES) && actor.unitId) {
      const open = (await this.consultations.list(actor, { ...PAGE, unitId: actor.unitId, status: 'open' })).items;
      add(
        'consultations',
        'Xin ý kiến gửi đơn vị tôi, cần trả lời',
        open.map((c) => ({
          href: `/ho-so/${c.applicationId}#y-kien`,
          title: c.question,
          detail: c.awaitingExtensionDecision ? 'Đã đề nghị gia hạn, chờ quyết định' : 'Quá hạn không trả lời được coi là đồng ý',
          dueDate: c.dueDate,
          overdue: false,
        })),
      );
    }
    if (hasRole(actor, 'head') && actor.unitId) {
      // The files in review led by the head's unit or a unit below it (a head of the centre: its divisions' too).
      const ours = (await this.applications.list(actor, { ...PAGE, status: 'under_review' }, 'unit_tree')).items;
      add('unit', 'Hồ sơ đơn vị tôi đang thẩm định', ours.map((a) => fileItem(a, `Chuyên viên: ${names.personName(a.officerId)}`)));
    }
    if (hasRole(actor, 'head') || routine) {
      // Only the files whose initial is the head's to give (their unit leads them), not those they merely see.
      const page = await this.applications.list(actor, { ...PAGE, status: 'recommended' }, 'to_initial');
      add(
        'initial',
        'Hồ sơ đã đề xuất, chờ ký tắt',
        page.items.map((a) => fileItem(a, `Chuyên viên: ${names.personName(a.officerId)}`)),
        { total: page.total, href: '/ho-so?trang-thai=recommended' },
      );
    }
    if (hasRole(actor, 'leader') || held.has('decision')) {
      // A deputy director (a leader with a field of work) sees the files of their field first.
      const inField = await this.delegations.fieldOfWork(actor);
      add(
        'decide',
        hasRole(actor, 'leader') ? 'Hồ sơ đã ký tắt, chờ quyết định' : 'Hồ sơ chờ quyết định (theo ủy quyền)',
        (await files('initialed')).map((a) => ({ ...fileItem(a, 'Kinh phí đề xuất', a.approvedSupport), inField: inField ? inField(a) : undefined })),
        fileList('initialed'),
      );
      // Several files approved together: one decision, one number (quyết định theo danh sách).
      const decide = sections.at(-1)!;
      if (decide.items.length > 1) decide.action = { href: '/quyet-dinh/moi', label: 'Phê duyệt nhiều hồ sơ bằng một quyết định' };
    }
    if (hasRole(actor, 'finance')) {
      for (const [key, title, status] of [
        ['approvePayments', 'Khoản chi chờ duyệt', 'requested'],
        ['pay', 'Khoản chi đã duyệt, chờ chi', 'approved'],
      ] as const) {
        const page = await this.disbursements.list(actor, { ...PAGE, status });
        const items = page.items;
        const filesOf = await this.applications.titles(actor, items.map((d) => d.applicationId));
        const rows: QueueItem[] = [];
        for (const d of items) {
          const file = filesOf.get(d.applicationId) ?? UNKNOWN_FILE;
          rows.push({ href: `/giai-ngan#chi-${d.id}`, title: file.title, detail: DISBURSEMENT_KIND_LABELS[d.kind] ?? d.kind, amount: d.amount, currency: file.currency, dueDate: null, overdue: false });
        }
        add(key, title, rows, { total: page.total, href: '/giai-ngan' });
      }
    }
    if (hasRole(actor, 'finance', 'leader')) {
      const status = hasRole(actor, 'finance') ? 'submitted' : 'checked';
      const rows: QueueItem[] = [];
      const page = await this.settlements.list(actor, { ...PAGE, status });
      const settlements = page.items;
      const filesOf = await this.applications.titles(actor, settlements.map((x) => x.applicationId));
      for (const s of settlements) {
        const file = filesOf.get(s.applicationId) ?? UNKNOWN_FILE;
        rows.push({ href: `/quyet-toan/${s.id}`, title: file.title, detail: 'Chi phí thực tế hợp lệ', amount: s.actualEligibleCost, currency: file.currency, dueDate: s.dueDate, overdue: false });
      }
      add('settlements', status === 'submitted' ? 'Quyết toán chờ kiểm tra' : 'Quyết toán chờ phê duyệt', rows, { total: page.total, href: '/quyet-toan' });
    }
    if (hasRole(actor, 'finance')) {
      const rows: QueueItem[] = [];
      const page = await this.recoveries.list(actor, { ...PAGE, status: 'open' });
      const open = page.items;
      const filesOf = await this.applications.titles(actor, open.map((r) => r.applicationId));
      for (const r of open) {
        const file = filesOf.get(r.applicationId) ?? UNKNOWN_FILE;
        rows.push({ href: `/thu-hoi#thu-${r.id}`, title: file.title, detail: 'Còn phải thu hồi', amount: r.outstanding, currency: file.currency, dueDate: null, overdue: false });
      }
      add('recoveries', 'Lệnh thu hồi chưa thu đủ', rows, { total: page.total, href: '/thu-hoi' });
    }
    if (hasRole(actor, 'finance')) {
      // Maker-checker: a reversal asked by another finance user waits for this one (never their own).
      const page = await this.reversals.waitingForSecondPerson(actor, PAGE);
      add(
        'reversals',
        'Đề nghị đảo bút toán chờ người thứ hai duyệt',
        page.items.map((r) => ({
          href: `/ngan-sach/dao-but-toan#dao-${r.id}`,
          title: `${TRANSFER_KIND_LABELS[r.transfer.kind] ?? r.transfer.kind} ${r.transfer.reference} (năm ${r.transfer.fiscalYear})`,
          detail: `Đề nghị của ${names.personName(r.requestedBy)}: ${r.reason}`,
          amount: r.transfer.amount,
          currency: r.currency,
          dueDate: null,
          overdue: false,
        })),
        { total: page.total, href: '/ngan-sach/dao-but-toan' },
        'Mỗi đề nghị do một cán bộ tài chính khác lập; duyệt hoặc từ chối tại trang Đảo bút toán.',
      );
    }
    return sections;
  }

  /** The scopes of the delegations in force today: a decision one hands over deciding, a routine one assigning and initialing. */
  private async activeDelegationScopes(actor: Actor): Promise<Set<string>> {
    const received = await this.delegations.listDelegations(actor, { ...PAGE, direction: 'received' });
    return new Set(received.items.filter((d) => d.status === 'active').map((d) => d.scope));
  }
}

/** The form that lifts what stops a file: opening its year, or allocating its fund's money of the year. */
function fixFor(file: BlockedFile): string {
  const noAllocation = file.blockers.some((b) => b.reason === 'no_allocation');
  return noAllocation ? `/ngan-sach/phan-bo?nguon=${encodeURIComponent(file.fundCode)}&nam=${file.fiscalYear}` : `/ngan-sach/nam?nam=${file.fiscalYear}`;
}
