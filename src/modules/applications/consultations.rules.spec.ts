import fc from 'fast-check';
import {
  consultationState,
  consultationStatusSql,
  disagreementNote,
  disagreementRefusal,
  ExtensionStatus,
  extensionDecided,
  extensionDecisionRefusal,
  extensionRequestRefusal,
  newDueDateProblem,
} from './consultations.rules';

const OPEN = { status: 'open', opinion: null, silent: false, awaitingExtensionDecision: false };
const AWAITING = { status: 'open', opinion: null, silent: false, awaitingExtensionDecision: true };
const SILENT = { status: 'silent', opinion: 'agree', silent: true, awaitingExtensionDecision: false };

describe('consultationState: silent consent, unless more time was asked for', () => {
  // dueDate is the date that counts: an approval has already moved it, a refusal left it.
  it.each([
    ['open on its due date', null, '2026-04-10', null, '2026-04-10', OPEN],
    ['silent agreement the day after', null, '2026-04-10', null, '2026-04-11', SILENT],
    ['an answer stands, whatever the day', 'disagree', '2026-04-10', null, '2026-05-01', { status: 'answered', opinion: 'disagree', silent: false, awaitingExtensionDecision: false }],
    ['an answer stands over a pending request', 'agree', '2026-04-10', 'requested', '2026-05-01', { status: 'answered', opinion: 'agree', silent: false, awaitingExtensionDecision: false }],
    ['asked for more time, before the due date', null, '2026-04-10', 'requested', '2026-04-09', AWAITING],
    ['asked for more time, long past the due date: still open', null, '2026-04-10', 'requested', '2026-06-30', AWAITING],
    ['approved: open until the new due date', null, '2026-04-20', 'approved', '2026-04-20', OPEN],
    ['approved: silent after the new due date', null, '2026-04-20', 'approved', '2026-04-21', SILENT],
    ['rejected before the due date: open until it', null, '2026-04-10', 'rejected', '2026-04-10', OPEN],
    ['rejected after the due date: silent from it', null, '2026-04-10', 'rejected', '2026-04-15', SILENT],
  ] as const)('%s', (_, opinion, dueDate, extensionStatus, today, expected) => {
    expect(consultationState({ opinion, dueDate, extensionStatus, today })).toEqual(expected);
  });

  const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const extension = fc.constantFrom<ExtensionStatus | null>(null, 'requested', 'approved', 'rejected');
  const opinion = fc.constantFrom<'agree' | 'disagree' | null>(null, 'agree', 'disagree');

  it('never counts silence as consent while a request for more time awaits its decision', () => {
    fc.assert(
      fc.property(day, day, (dueDate, today) => {
        const state = consultationState({ opinion: null, dueDate, extensionStatus: 'requested', today });
        expect(state).toEqual(AWAITING);
      }),
    );
  });

  it('is silent exactly when unanswered, past the date that counts and not awaiting a decision', () => {
    fc.assert(
      fc.property(opinion, day, extension, day, (op, dueDate, extensionStatus, today) => {
        const state = consultationState({ opinion: op, dueDate, extensionStatus, today });
        expect(state.silent).toBe(op === null && extensionStatus !== 'requested' && today > dueDate);
        expect(state.silent).toBe(state.status === 'silent');
        expect(state.awaitingExtensionDecision).toBe(op === null && extensionStatus === 'requested');
      }),
    );
  });
});

describe('consultationStatusSql: the same rule for lists', () => {
  /** The SQL read back as a predicate over one row (MariaDB's `<=>` is null-safe equality). */
  const evaluate = (sql: string, row: { answered: boolean; dueDate: string; extensionStatus: ExtensionStatus | null }, today: string): boolean => {
    const js = sql
      .replace(/c\.answered_at IS NOT NULL/g, String(row.answered))
      .replace(/c\.answered_at IS NULL/g, String(!row.answered))
      .replace(/c\.extension_status <=> 'requested'/g, String(row.extensionStatus === 'requested'))
      .replace(/c\.due_date (>=|<) :today/g, (_, op: string) => String(op === '>=' ? row.dueDate >= today : row.dueDate < today))
      .replace(/\bAND\b/g, '&&')
      .replace(/\bOR\b/g, '||')
      .replace(/\bNOT\b/g, '!');
    expect(js.replace(/true|false/g, '')).toMatch(/^[()!&|\s]*$/);
    return new Function(`return (${js});`)() as boolean;
  };

  it('selects each consultation in the one status the rule gives it', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 3, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom<'agree' | 'disagree' | null>(null, 'agree', 'disagree'), day, fc.constantFrom<ExtensionStatus | null>(null, 'requested', 'approved', 'rejected'), day, (opinion, dueDate, extensionStatus, today) => {
        const row = { answered: opinion !== null, dueDate, extensionStatus };
        const { status } = consultationState({ opinion, dueDate, extensionStatus, today });
        for (const asked of ['open', 'answered', 'silent'] as const) {
          expect([asked, evaluate(consultationStatusSql('c', asked, ':today'), row, today)]).toEqual([asked, asked === status]);
        }
      }),
    );
  });

  it('uses the placeholder given, once where today matters', () => {
    expect(consultationStatusSql('c', 'silent', '?').match(/\?/g)).toHaveLength(1);
    expect(consultationStatusSql('c', 'open', '?').match(/\?/g)).toHaveLength(1);
    expect(consultationStatusSql('c', 'answered', '?')).not.toContain('?');
  });
});

describe('requests for more time (gia hạn)', () => {
  it('are made once, unanswered, on or before the due date', () => {
    const asked = { dueDate: '2026-04-10', extensionStatus: null, today: '2026-04-10' };
    expect(extensionRequestRefusal({ ...asked, status: 'open' })).toBeNull();
    expect(extensionRequestRefusal({ ...asked, status: 'answered' })?.code).toBe('INVALID_STATE');
    for (const extensionStatus of ['requested', 'approved', 'rejected'] as const) {
      expect(extensionRequestRefusal({ ...asked, status: 'open', extensionStatus })?.detail).toContain('chỉ được đề nghị gia hạn một lần');
    }
    const late = extensionRequestRefusal({ ...asked, status: 'silent', today: '2026-04-11' });
    expect(late).toMatchObject({ code: 'INVALID_STATE' });
    expect(late?.detail).toContain('10/04/2026');
  });

  it('ask for a date after the due date (400 naming newDueDate)', () => {
    expect(newDueDateProblem({ dueDate: '2026-04-10', newDueDate: '2026-04-11' })).toBeNull();
    for (const newDueDate of ['2026-04-10', '2026-04-01']) {
      expect(newDueDateProblem({ dueDate: '2026-04-10', newDueDate })).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'newDueDate', message: 'phải sau hạn trả lời hiện tại (10/04/2026)' }] });
    }
  });

  it('are decided once, while the unit has not answered; an approval moves the due date and keeps the original', () => {
    expect(extensionDecisionRefusal({ opinion: null, extensionStatus: 'requested' })).toBeNull();
    expect(extensionDecisionRefusal({ opinion: 'agree', extensionStatus: 'requested' })?.code).toBe('INVALID_STATE');
    for (const extensionStatus of [null, 'approved', 'rejected'] as const) expect(extensionDecisionRefusal({ opinion: null, extensionStatus })?.code).toBe('INVALID_STATE');
    expect(extensionDecided({ decision: 'approve', dueDate: '2026-04-10', requestedUntil: '2026-04-20' })).toEqual({ extensionStatus: 'approved', dueDate: '2026-04-20', originalDueDate: '2026-04-10' });
    expect(extensionDecided({ decision: 'reject', dueDate: '2026-04-10', requestedUntil: '2026-04-20' })).toEqual({ extensionStatus: 'rejected', dueDate: '2026-04-10', originalDueDate: null });
  });
});

describe('disagreements go up to the one deciding (Điều 13.4)', () => {
  it('must be acknowledged, naming the units; the note says they were considered', () => {
    expect(disagreementRefusal({ units: [], acknowledged: false })).toBeNull();
    expect(disagreementRefusal({ units: ['Phòng Quản lý Công nghiệp'], acknowledged: true })).toBeNull();
    const refusal = disagreementRefusal({ units: ['Phòng Quản lý Công nghiệp', 'Phòng Kế hoạch', 'Thanh tra Sở'], acknowledged: false });
    expect(refusal?.code).toBe('DISAGREEMENT_NOT_ACKNOWLEDGED');
    expect(refusal?.detail).toMatch(/^Phòng Quản lý Công nghiệp, Phòng Kế hoạch và Thanh tra Sở không đồng ý/);
    expect(disagreementNote([])).toBeNull();
    expect(disagreementNote(['Phòng Quản lý Công nghiệp'])).toBe('Đã xem xét ý kiến không đồng ý của Phòng Quản lý Công nghiệp');
  });
});
