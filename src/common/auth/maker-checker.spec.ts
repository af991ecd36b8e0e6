import { DomainError, Forbidden } from '../http/domain-error';
import { assertNotMakerChecker } from './maker-checker';

describe('assertNotMakerChecker', () => {
  const me = '01JAAAAAAAAAAAAAAAAAAAAAAA';
  const other = '01JBBBBBBBBBBBBBBBBBBBBBBB';

  it.each([
    ['prepared', { preparedBy: me }, /lập hồ sơ/],
    ['initialed', { initialedBy: me }, /ký tắt/],
    ['requested', { requestedBy: me }, /đề nghị/],
    ['checked', { checkedBy: me }, /kiểm tra/],
    ['prepared though someone else initialed', { preparedBy: me, initialedBy: other }, /lập hồ sơ/],
  ])('refuses someone who %s the file', (_label, steps, message) => {
    let thrown: unknown;
    try {
      assertNotMakerChecker(me, steps);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Forbidden);
    expect((thrown as DomainError).code).toBe('FORBIDDEN');
    expect((thrown as DomainError).detail).toMatch(message);
  });

  it('lets a different person decide', () => {
    expect(() => assertNotMakerChecker(me, { preparedBy: other, initialedBy: other, requestedBy: other, checkedBy: other })).not.toThrow();
  });

  it('treats absent steps as nobody', () => {
    expect(() => assertNotMakerChecker(me, {})).not.toThrow();
    expect(() => assertNotMakerChecker(me, { preparedBy: null, initialedBy: null, requestedBy: null })).not.toThrow();
  });
});
