import { Money } from '../../common/money/decimal';
import { booksNotReady, booksWithBudget, BooksFacts, proposedYear, setupSteps } from './budget-setup.rules';

const book = (fundCode: string, fiscalYear: number, received: string, allocated: string) => ({ fundCode, fiscalYear, received: new Money(received), allocated: new Money(allocated) });
const facts = (over: Partial<BooksFacts> = {}): BooksFacts => ({ funds: ['KCDP'], years: [], books: [], currentYear: 2026, ...over });

describe('the set-up steps finance still has to take', () => {
  it('starts with a fund', () => {
    expect(setupSteps(facts({ funds: [] }))).toEqual([{ step: 'create_fund' }]);
    // Nothing else is asked before a fund exists, whatever the years.
    expect(setupSteps(facts({ funds: [], years: [{ year: 2026, status: 'open' }] }))).toEqual([{ step: 'create_fund' }]);
  });

  it('then opens the current year', () => {
    expect(setupSteps(facts())).toEqual([{ step: 'open_year', fiscalYear: 2026 }]);
  });

  it('then appropriates into the open year, naming the fund when there is only one', () => {
    expect(setupSteps(facts({ years: [{ year: 2026, status: 'open' }] }))).toEqual([{ step: 'appropriate', fiscalYear: 2026, fundCode: 'KCDP' }]);
    expect(setupSteps(facts({ funds: ['A', 'B'], years: [{ year: 2026, status: 'open' }] }))).toEqual([{ step: 'appropriate', fiscalYear: 2026, fundCode: null }]);
  });

  it('then allocates what a fund received to the units', () => {
    const open = { years: [{ year: 2026, status: 'open' as const }] };
    expect(setupSteps(facts({ ...open, books: [book('KCDP', 2026, '5000000000', '0')] }))).toEqual([{ step: 'allocate', fiscalYear: 2026, fundCode: 'KCDP' }]);
    expect(setupSteps(facts({ ...open, books: [book('KCDP', 2026, '5000000000', '1')] }))).toEqual([]);
    // A second fund with nothing in it is not a gap once one fund is funded and allocated.
    expect(setupSteps(facts({ ...open, funds: ['A', 'B'], books: [book('A', 2026, '10', '10')] }))).toEqual([]);
  });

  it('asks to open the new year once the calendar reaches it, and ignores closed years', () => {
    const ready = [book('KCDP', 2026, '10', '10')];
    expect(setupSteps(facts({ currentYear: 2027, years: [{ year: 2026, status: 'open' }], books: ready }))).toEqual([{ step: 'open_year', fiscalYear: 2027 }]);
    expect(setupSteps(facts({ currentYear: 2027, years: [{ year: 2026, status: 'closed' }, { year: 2027, status: 'open' }], books: [book('KCDP', 2027, '10', '0')] }))).toEqual([
      { step: 'allocate', fiscalYear: 2027, fundCode: 'KCDP' },
    ]);
  });
});

describe('the year proposed for opening', () => {
  it('is the current year unless it was opened, then the next one not opened', () => {
    expect(proposedYear({ years: [], currentYear: 2026 })).toBe(2026);
    expect(proposedYear({ years: [{ year: 2026, status: 'open' }], currentYear: 2026 })).toBe(2027);
    expect(proposedYear({ years: [{ year: 2026, status: 'closed' }, { year: 2027, status: 'open' }], currentYear: 2026 })).toBe(2028);
    expect(proposedYear({ years: [{ year: 2025, status: 'open' }], currentYear: 2026 })).toBe(2026);
  });
});

describe('the books a producer may apply to', () => {
  it('are the open years of a fund that hold an allocation', () => {
    expect(
      booksWithBudget({
        years: [
          { year: 2025, status: 'closed' },
          { year: 2026, status: 'open' },
        ],
        books: [book('A', 2025, '10', '10'), book('A', 2026, '10', '10'), book('B', 2026, '10', '0'), book('C', 2027, '10', '10')],
      }),
    ).toEqual([{ fundCode: 'A', fiscalYear: 2026 }]);
  });
});

describe('booksNotReady', () => {
  it('says no fund first, then no open year, and nothing once a fund and an open year exist', () => {
    expect(booksNotReady({ funds: [], years: [] })).toBe('no_fund');
    expect(booksNotReady({ funds: ['KCDP'], years: [] })).toBe('no_open_year');
    expect(booksNotReady({ funds: ['KCDP'], years: [{ year: 2025, status: 'closed' }] })).toBe('no_open_year');
    expect(booksNotReady({ funds: ['KCDP'], years: [{ year: 2026, status: 'open' }] })).toBeNull();
  });
});
