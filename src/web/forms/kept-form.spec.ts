import { decodeKept, encodeKept, keptValues, MAX_BYTES, MAX_FIELDS } from './kept-form';

describe('a form kept across a sign-in', () => {
  it('keeps what was typed, never passwords, tokens or where to go', () => {
    const body = {
      _csrf: 'tok',
      idempotencyKey: 'key',
      tiep: '/x',
      title: 'Máy sấy',
      'costLines[0].unitPrice': '1.250.000',
      activityTypeCodes: ['a', 'b'],
      password: 'secret-1',
      newPassword: 'secret-2',
      'mat-khau': 'secret-3',
      nested: { no: 'objects' },
    };
    expect(keptValues(body)).toEqual({ title: 'Máy sấy', 'costLines[0].unitPrice': '1.250.000', activityTypeCodes: ['a', 'b'] });
  });

  it('round-trips through the login page, with the name of the form on a page of several', () => {
    const hidden = encodeKept({ _csrf: 'tok', _form: 'appraise', score: '85', comment: 'Đạt yêu cầu' });
    expect(decodeKept(hidden, '/ho-so/1')).toEqual({ path: '/ho-so/1', form: 'appraise', values: { score: '85', comment: 'Đạt yêu cầu' } });
    expect(encodeKept({ _csrf: 'tok' })).toBeNull();
  });

  it('checks again what the browser sends back', () => {
    expect(decodeKept('not json', '/a')).toBeNull();
    expect(decodeKept('[1,2]', '/a')).toBeNull();
    expect(decodeKept(JSON.stringify({ password: 'x', _form: '<script>' }), '/a')).toBeNull();
    expect(decodeKept(JSON.stringify({ a: '1', _form: '<script>' }), '/a')).toEqual({ path: '/a', values: { a: '1' } });
    expect(decodeKept(JSON.stringify({ a: 1, b: '2' }), '/a')).toEqual({ path: '/a', values: { b: '2' } });
  });

  it('is bounded in fields and bytes', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_FIELDS + 50 }, (_, i) => [`f${i}`, 'x']));
    expect(Object.keys(keptValues(many))).toHaveLength(MAX_FIELDS);
    const big = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'ế'.repeat(1000)]));
    const kept = encodeKept(big)!;
    expect(Buffer.byteLength(kept, 'utf8')).toBeLessThanOrEqual(MAX_BYTES);
    expect(Object.keys(JSON.parse(kept)).length).toBeGreaterThan(5);
  });
});
