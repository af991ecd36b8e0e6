import fc from 'fast-check';
import { DomainError } from '../../common/http/domain-error';
import { FileRefusal } from './applications.error';
import { firstOtherSigner, listDecisionNote, listDecisionSubject, lockOrder, refusalNamingFile } from './list-decision.rules';

describe('lockOrder', () => {
  it('sorts by id and keeps the request untouched', () => {
    const ids = ['01K3', '01K1', '01K2'];
    expect(lockOrder(ids)).toEqual(['01K1', '01K2', '01K3']);
    expect(ids).toEqual(['01K3', '01K1', '01K2']);
  });

  it('gives two requests over the same files the same order, so shared files are locked alike', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[0-9A-Z]{4}$/), { minLength: 1, maxLength: 20 }), (ids) => {
        const shuffled = [...ids].reverse();
        expect(lockOrder(shuffled)).toEqual(lockOrder(ids));
        // Any two files appear in the same relative order in every list that holds them both.
        const order = lockOrder(ids);
        for (let i = 1; i < order.length; i++) expect(order[i - 1] < order[i]).toBe(true);
      }),
    );
  });
});

describe('firstOtherSigner', () => {
  it.each<[string, Array<{ role: string; onBehalfOf: string | null }>, number | null]>([
    ['one file', [{ role: 'leader', onBehalfOf: null }], null],
    ['all in the leader’s own right', [{ role: 'leader', onBehalfOf: null }, { role: 'leader', onBehalfOf: null }], null],
    ['all for one delegator', [{ role: 'delegated', onBehalfOf: 'A' }, { role: 'delegated', onBehalfOf: 'A' }], null],
    ['own right, then a delegation', [{ role: 'leader', onBehalfOf: null }, { role: 'delegated', onBehalfOf: 'A' }], 1],
    ['two delegators', [{ role: 'delegated', onBehalfOf: 'A' }, { role: 'delegated', onBehalfOf: 'A' }, { role: 'delegated', onBehalfOf: 'B' }], 2],
  ])('%s', (_name, judgements, expected) => {
    expect(firstOtherSigner(judgements)).toBe(expected);
  });
});

describe('the list decision’s words', () => {
  it('names the years and the number of files', () => {
    expect(listDecisionSubject({ fileCount: 3, fiscalYears: [2086, 2085, 2086] })).toBe('Phê duyệt hỗ trợ kinh phí khuyến công năm 2085, 2086 cho 3 đề án (theo danh sách)');
    expect(listDecisionNote({ number: '07/QĐ-SCT', fileCount: 3 })).toBe('Quyết định số 07/QĐ-SCT (phê duyệt theo danh sách 3 hồ sơ)');
  });
});

describe('refusalNamingFile', () => {
  it('keeps the code, names the file and its place in the list', () => {
    const named = refusalNamingFile(new DomainError('INSUFFICIENT_FUNDS', 'Không đủ kinh phí.'), { id: 'F1', title: 'Máy sấy', index: 2 });
    expect(named).toBeInstanceOf(FileRefusal);
    expect(named.code).toBe('INSUFFICIENT_FUNDS');
    expect(named.applicationId).toBe('F1');
    expect(named.detail).toBe('Hồ sơ "Máy sấy" (F1): Không đủ kinh phí.');
    expect(named.errors).toEqual([{ field: 'applicationIds[2]', message: 'Hồ sơ "Máy sấy" (F1): Không đủ kinh phí.' }]);
  });

  it('keeps the field errors of the file’s own refusal after its place', () => {
    const named = refusalNamingFile(new DomainError('LIMIT_EXCEEDED', 'Vượt mức.', [{ field: 'approvedSupport', message: 'vượt' }]), { id: 'F2', index: 0 });
    expect(named.errors?.map((e) => e.field)).toEqual(['applicationIds[0]', 'approvedSupport']);
    expect(named.detail).toBe('Hồ sơ F2: Vượt mức.');
  });

  it('never names a second file over a refusal that names one already', () => {
    const first = refusalNamingFile(new DomainError('INSUFFICIENT_FUNDS', 'Không đủ.'), { id: 'F1', index: 0 });
    expect(refusalNamingFile(first, { id: 'F9', index: 5 })).toBe(first);
  });
});
