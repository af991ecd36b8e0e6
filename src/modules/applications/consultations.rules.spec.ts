import { consultationState } from './consultations.rules';

describe('consultationState: silent consent', () => {
  it('is open until the due date, then silent agreement; an answer stands', () => {
    expect(consultationState({ opinion: null, dueDate: '2026-04-10', today: '2026-04-10' })).toEqual({ status: 'open', opinion: null, silent: false });
    expect(consultationState({ opinion: null, dueDate: '2026-04-10', today: '2026-04-11' })).toEqual({ status: 'silent', opinion: 'agree', silent: true });
    expect(consultationState({ opinion: 'disagree', dueDate: '2026-04-10', today: '2026-05-01' })).toEqual({
      status: 'answered',
      opinion: 'disagree',
      silent: false,
    });
  });
});
