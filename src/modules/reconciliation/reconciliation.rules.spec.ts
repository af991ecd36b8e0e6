import { Money } from '../../common/money/decimal';
import { countStatuses, directionTotals, isMissingFromStatement, matchStatementLine, movementKey } from './reconciliation.rules';

describe('matchStatementLine', () => {
  it('is matched when KCFund recorded the same amount, whatever the scale of the stored decimal', () => {
    expect(matchStatementLine({ statementAmount: '1500000', recordedAmount: new Money('1500000.00') })).toBe('matched');
  });

  it('is amount_mismatch when the amounts differ, even by one đồng either way', () => {
    expect(matchStatementLine({ statementAmount: '1500001', recordedAmount: new Money('1500000') })).toBe('amount_mismatch');
    expect(matchStatementLine({ statementAmount: '1499999', recordedAmount: new Money('1500000') })).toBe('amount_mismatch');
  });

  it('is unknown when KCFund recorded nothing under the reference', () => {
    expect(matchStatementLine({ statementAmount: '1500000', recordedAmount: null })).toBe('unknown');
  });

  it('compares 18-digit amounts exactly (no float rounding)', () => {
    expect(matchStatementLine({ statementAmount: '999999999999999999', recordedAmount: new Money('999999999999999998') })).toBe('amount_mismatch');
    expect(matchStatementLine({ statementAmount: '999999999999999999', recordedAmount: new Money('999999999999999999.00') })).toBe('matched');
  });
});

describe('movementKey', () => {
  it('keys by direction and reference, references without regard to case (as the database compares them)', () => {
    expect(movementKey('out', 'kb-2026/001')).toBe(movementKey('out', 'KB-2026/001'));
    expect(movementKey('out', 'KB-1')).not.toBe(movementKey('in', 'KB-1'));
  });
});

describe('isMissingFromStatement', () => {
  const movement = (treasuryRef: string, valueDate: string, direction: 'out' | 'in' = 'out') => ({ treasuryRef, direction, valueDate });
  const statement = { statementKeys: new Set([movementKey('out', 'a')]), firstValueDate: '2026-03-01', lastValueDate: '2026-03-31' };

  it('is what KCFund recorded inside the first–last value dates that no line carries', () => {
    const recorded = [
      movement('A', '2026-03-01'), // on the statement (the line wrote it "a")
      movement('B', '2026-03-01'), // missing, on the first day
      movement('C', '2026-03-31'), // missing, on the last day
      movement('D', '2026-02-28'), // before the statement: not its business
      movement('E', '2026-04-01'), // after it
      movement('A', '2026-03-05', 'in'), // same reference, other direction: missing
    ];
    expect(recorded.filter((m) => isMissingFromStatement(m, statement)).map((m) => `${m.direction}:${m.treasuryRef}`)).toEqual(['out:B', 'out:C', 'in:A']);
  });
});

describe('countStatuses', () => {
  it('counts each status as an integer', () => {
    expect(countStatuses(['matched', 'unknown', 'matched', 'amount_mismatch'])).toEqual({ matched: 2, amountMismatch: 1, unknownInStatement: 1 });
    expect(countStatuses([])).toEqual({ matched: 0, amountMismatch: 0, unknownInStatement: 0 });
  });
});

describe('directionTotals', () => {
  it('counts the lines and adds the amounts of each direction exactly', () => {
    const totals = directionTotals([
      { direction: 'out', amount: '999999999999999999' },
      { direction: 'out', amount: '1' },
      { direction: 'in', amount: '5000000' },
    ]);
    expect(totals.out.lines).toBe(2);
    expect(totals.out.amount.toFixed()).toBe('1000000000000000000');
    expect([totals.in.lines, totals.in.amount.toFixed()]).toEqual([1, '5000000']);
  });

  it('is zero for a direction no line has', () => {
    const totals = directionTotals([]);
    expect([totals.out.lines, totals.out.amount.toFixed(), totals.in.lines]).toEqual([0, '0', 0]);
  });
});
