import { Forbidden } from '../http/domain-error';
import type { Actor } from './actor';
import { requireRole, requireStaff } from './access';

const actor = (...roles: Actor['roles']): Actor => ({ id: 'x', email: 'x@x.vn', fullName: 'X', roles, unitId: null });

describe('requireRole', () => {
  it('returns the first of the given roles the actor holds, which becomes the capacity', () => {
    expect(requireRole(actor('head', 'officer'), 'officer', 'head')).toBe('officer');
    expect(requireRole(actor('head', 'officer'), 'head', 'officer')).toBe('head');
  });

  it('refuses an actor holding none of them', () => {
    expect(() => requireRole(actor('applicant'), 'admin')).toThrow(Forbidden);
  });

  it('requireStaff refuses a producer and accepts any staff role', () => {
    expect(() => requireStaff(actor('applicant'))).toThrow(Forbidden);
    expect(requireStaff(actor('applicant', 'auditor'))).toBe('auditor');
  });
});
