import { parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('parses a Cookie header, first value wins, bad pairs skipped', () => {
    expect(parseCookies('a=1; b=x%20y; a=2; junk; =3; c="q"')).toEqual({ a: '1', b: 'x y', c: 'q' });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('bad=%E0%A4%A')).toEqual({});
  });

  it('always sets HttpOnly, Secure, SameSite=Lax and Path=/', () => {
    expect(serializeCookie('__Host-kc_sid', 'abc', 3600)).toBe('__Host-kc_sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=3600');
    expect(serializeCookie('n', 'v')).toBe('n=v; Path=/; HttpOnly; Secure; SameSite=Lax');
    expect(serializeCookie('n', '', 0)).toMatch(/Max-Age=0$/);
  });
});
