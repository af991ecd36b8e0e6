import { containsPattern } from './like';

describe('containsPattern', () => {
  it('wraps the text in % and escapes the LIKE wildcards and the escape itself', () => {
    expect(containsPattern('Bánh tráng')).toBe('%Bánh tráng%');
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
