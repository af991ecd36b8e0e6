import { Money } from '../../common/money/decimal';
import {
  countStatuses,
  headerProblems,
  isCalendarDate,
  matchStatementLine,
  isMissingFromStatement,
  movementKey,
  parseStatementRecord,
} from './reconciliation.rules';
import { STATEMENT_COLUMNS } from './dto/statement-format';

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

describe('headerProblems', () => {
  it('accepts exactly the contract header', () => {
    expect(headerProblems([...STATEMENT_COLUMNS])).toEqual([]);
  });

  it.each([
    [['treasuryRef', 'valueDate', 'amount', 'direction', 'payeeTaxCode']],
    [['treasuryref', 'valueDate', 'amount', 'direction', 'payeeTaxCode', 'description']],
    [['valueDate', 'treasuryRef', 'amount', 'direction', 'payeeTaxCode', 'description']],
  ])('names line 1 for %j', (fields) => {
    expect(headerProblems(fields)).toEqual([{ field: 'line 1: header', message: expect.stringContaining('treasuryRef,valueDate') }]);
  });
});

describe('parseStatementRecord', () => {
  const good = ['KB-2026-000123', '2026-03-15', '1500000', 'out', '0312345678', 'Tạm ứng đề án'];

  it('keeps a valid line (tax code and description may be empty)', () => {
    expect(parseStatementRecord(good, 2)).toEqual({ row: { line: 2, treasuryRef: 'KB-2026-000123', valueDate: '2026-03-15', amount: '1500000', direction: 'out' } });
    expect(parseStatementRecord(['KB-1', '2024-02-29', '1', 'in', '', ''], 7).row).toMatchObject({ line: 7, direction: 'in' });
    expect(parseStatementRecord(['KB-1', '2024-02-29', '1', 'in', '0312345678-001', ''], 7).row).toBeDefined();
  });

  it.each([
    ['1e6'],
    ['-5'],
    ['1.000.000'],
    ['1,000,000'],
    ['12.5'],
    ['1500000.00'],
    [''],
    ['0'],
    [' 1000'],
    ['0100'],
    ['1234567890123456789'],
  ])('refuses the amount %j, naming line and column', (amount) => {
    const fields = [...good];
    fields[2] = amount;
    expect(parseStatementRecord(fields, 3).problems).toEqual([{ field: 'line 3: amount', message: expect.any(String) }]);
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['15/03/2026'], ['2026-3-15'], ['']])('refuses the value date %j', (valueDate) => {
    const fields = [...good];
    fields[1] = valueDate;
    expect(parseStatementRecord(fields, 4).problems).toEqual([{ field: 'line 4: valueDate', message: expect.any(String) }]);
  });

  it.each([['OUT'], ['chi'], [''], ['out ']])('refuses the direction %j', (direction) => {
    const fields = [...good];
    fields[3] = direction;
    expect(parseStatementRecord(fields, 5).problems).toEqual([{ field: 'line 5: direction', message: expect.any(String) }]);
  });

  it('refuses a bad reference, tax code, a wrong number of columns, and text that was not UTF-8', () => {
    expect(parseStatementRecord(['', ...good.slice(1)], 2).problems?.[0].field).toBe('line 2: treasuryRef');
    expect(parseStatementRecord(['KB 1', ...good.slice(1)], 2).problems?.[0].field).toBe('line 2: treasuryRef');
    expect(parseStatementRecord(['x'.repeat(65), ...good.slice(1)], 2).problems?.[0].field).toBe('line 2: treasuryRef');
    expect(parseStatementRecord([...good.slice(0, 4), '12345', ''], 2).problems?.[0].field).toBe('line 2: payeeTaxCode');
    expect(parseStatementRecord(good.slice(0, 5), 9).problems).toEqual([{ field: 'line 9', message: expect.stringContaining('6 cột') }]);
    expect(parseStatementRecord([...good.slice(0, 5), 'T\uFFFDm ứng'], 2).problems).toEqual([{ field: 'line 2: description', message: 'tệp phải được mã hóa UTF-8' }]);
  });

  it('reports every problem of a line at once', () => {
    const problems = parseStatementRecord(['KB-1', '2026-02-30', '1e6', 'sideways', '', ''], 6).problems;
    expect(problems?.map((p) => p.field)).toEqual(['line 6: valueDate', 'line 6: amount', 'line 6: direction']);
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
  });
});
