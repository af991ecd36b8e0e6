import fc from 'fast-check';
import { DomainError } from '../../common/http/domain-error';
import { CONFLICT_RELATIONS } from './conflict-declaration.entity';
import { conflictRefusal, DeclarationFacts } from './conflicts.rules';

const none = (userId: string, userName = `Cán bộ ${userId}`): DeclarationFacts => ({ userId, userName, hasConflict: false, relation: null });
const conflict = (userId: string, userName = `Cán bộ ${userId}`, relation: DeclarationFacts['relation'] = 'kin'): DeclarationFacts => ({
  userId,
  userName,
  hasConflict: true,
  relation,
});

describe('conflictRefusal: who may judge a file', () => {
  it('refuses the one acting when they declared a conflict, naming them and the relation', () => {
    const refusal = conflictRefusal({ declarations: [conflict('a', 'Trần Văn Bình', 'ownership')], persons: ['a'], required: false });
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe('CONFLICT_OF_INTEREST');
    expect(refusal?.detail).toContain('Trần Văn Bình: sở hữu, góp vốn');
  });

  it('refuses a delegate whose delegator declared a conflict, naming the delegator as such', () => {
    const refusal = conflictRefusal({ declarations: [none('deputy'), conflict('leader', 'Lê Thị Hoa')], persons: ['deputy', 'leader'], required: true });
    expect(refusal?.code).toBe('CONFLICT_OF_INTEREST');
    expect(refusal?.detail).toContain('Lê Thị Hoa (người ủy quyền): quan hệ gia đình');
  });

  it('lets through whoever declared no conflict, and ignores other people\'s conflicts', () => {
    expect(conflictRefusal({ declarations: [none('a'), conflict('b')], persons: ['a'], required: true })).toBeNull();
    expect(conflictRefusal({ declarations: [conflict('b')], persons: ['a'], required: false })).toBeNull();
    expect(conflictRefusal({ declarations: [], persons: ['a'], required: false })).toBeNull();
  });

  it('asks the one acting, not the leader behind them, for a declaration where one is required', () => {
    const refusal = conflictRefusal({ declarations: [], persons: ['a'], required: true });
    expect(refusal?.code).toBe('DECLARATION_REQUIRED');
    expect(refusal?.detail).toMatch(/kê khai xung đột lợi ích/);
    expect(conflictRefusal({ declarations: [none('deputy')], persons: ['deputy', 'leader'], required: true })).toBeNull();
    expect(conflictRefusal({ declarations: [none('leader')], persons: ['deputy', 'leader'], required: true })?.code).toBe('DECLARATION_REQUIRED');
  });

  it('a conflict outweighs a missing declaration', () => {
    expect(conflictRefusal({ declarations: [conflict('leader')], persons: ['deputy', 'leader'], required: true })?.code).toBe('CONFLICT_OF_INTEREST');
  });

  it('property: refused for a conflict exactly when one of the persons declared one; else for a missing declaration exactly when required and the actor has none', () => {
    const people = ['p0', 'p1', 'p2', 'p3', 'p4'];
    const declaration = fc.record({
      userId: fc.constantFrom(...people),
      hasConflict: fc.boolean(),
      relation: fc.constantFrom(...CONFLICT_RELATIONS),
    });
    fc.assert(
      fc.property(
        // One declaration per person per file, as the table's unique key keeps it.
        fc.uniqueArray(declaration, { selector: (d) => d.userId, maxLength: people.length }),
        fc.uniqueArray(fc.constantFrom(...people), { minLength: 1, maxLength: 2 }),
        fc.boolean(),
        (drawn, persons, required) => {
          const declarations = drawn.map((d) => ({ ...d, userName: `Người ${d.userId}`, relation: d.hasConflict ? d.relation : null }));
          const refusal = conflictRefusal({ declarations, persons, required });
          const conflicted = declarations.filter((d) => d.hasConflict && persons.includes(d.userId));
          if (conflicted.length) {
            expect(refusal?.code).toBe('CONFLICT_OF_INTEREST');
            for (const d of conflicted) expect(refusal?.detail).toContain(d.userName);
            return;
          }
          const actorDeclared = declarations.some((d) => d.userId === persons[0]);
          expect(refusal?.code ?? null).toBe(required && !actorDeclared ? 'DECLARATION_REQUIRED' : null);
          // Nobody else's declaration changes the answer.
          const own = declarations.filter((d) => persons.includes(d.userId));
          expect(conflictRefusal({ declarations: own, persons, required })?.code ?? null).toBe(refusal?.code ?? null);
        },
      ),
    );
  });
});
