import fc from 'fast-check';
import { Decimal } from '../../common/money/decimal';
import { ChainedFields, chainEndProblem, contentHash, contentHashOfCanonical, firstBrokenLink, GENESIS_HASH, linkHash, StoredLink } from './audit-chain.rules';
import { canonicalValue } from './canonical-json';

function entry(n: number): ChainedFields {
  return {
    id: `01JENTRY${String(n).padStart(18, '0')}`,
    at: `2026-11-23T08:00:0${n}.000Z`,
    actorId: '01JACTORAAAAAAAAAAAAAAAAAA',
    capacity: 'admin',
    onBehalfOf: null,
    action: 'unit.create',
    entity: 'unit',
    entityId: `U${n}`,
    before: null,
    after: { code: `U${n}`, name: 'Phòng thử' },
  };
}

/** Links entries the way the database trigger does. */
function chain(entries: ChainedFields[], prev = GENESIS_HASH): StoredLink[] {
  return entries.map((e) => {
    const content = contentHash(e);
    const link = { ...e, contentHash: content, prevHash: prev, hash: linkHash(prev, content) };
    prev = link.hash;
    return link;
  });
}

describe('firstBrokenLink', () => {
  it('accepts an intact chain and returns its last hash', () => {
    const links = chain([entry(1), entry(2), entry(3)]);
    expect(firstBrokenLink(links, GENESIS_HASH)).toEqual({ brokenId: null, lastHash: links[2].hash });
  });

  it('names the entry whose content was changed after it was written', () => {
    const links = chain([entry(1), entry(2), entry(3)]);
    links[1] = { ...links[1], after: { code: 'U2', name: 'Đã sửa' } };
    expect(firstBrokenLink(links, GENESIS_HASH).brokenId).toBe(links[1].id);
  });

  it('names an entry whose stored hashes were recomputed to fit: the next link no longer fits', () => {
    const links = chain([entry(1), entry(2), entry(3)]);
    const forged = { ...links[1], capacity: 'system' };
    forged.contentHash = contentHash({ ...entry(2), capacity: 'system' });
    forged.hash = linkHash(forged.prevHash, forged.contentHash);
    links[1] = forged;
    expect(firstBrokenLink(links, GENESIS_HASH).brokenId).toBe(links[2].id);
  });

  it('names an entry removed from the middle by its successor', () => {
    const links = chain([entry(1), entry(2), entry(3)]);
    expect(firstBrokenLink([links[0], links[2]], GENESIS_HASH).brokenId).toBe(links[2].id);
  });

  it('continues from a previous batch', () => {
    const links = chain([entry(1), entry(2), entry(3), entry(4)]);
    const first = firstBrokenLink(links.slice(0, 2), GENESIS_HASH);
    expect(firstBrokenLink(links.slice(2), first.lastHash).brokenId).toBeNull();
  });
});

describe('contentHashOfCanonical', () => {
  it('hashes what the service writes exactly as verification hashes it when read back', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.constant(undefined),
        fc.boolean(),
        fc.double(),
        fc.string(),
        fc.date({ noInvalidDate: true }),
        fc.constant(new Decimal('1234567.89')),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    const stored = (value: unknown) => (value === null ? null : JSON.stringify(value));
    const readBack = (text: string | null) => (text === null ? null : JSON.parse(text));
    fc.assert(
      fc.property(json, json, fc.option(fc.string()), (before, after, onBehalfOf) => {
        // What AuditService.record keeps and writes, and what verify() reads back from the row.
        const written: ChainedFields = { ...entry(1), onBehalfOf, before: canonicalValue(before), after: canonicalValue(after) };
        const read: ChainedFields = { ...written, before: readBack(stored(written.before)), after: readBack(stored(written.after)) };
        expect(contentHashOfCanonical(written)).toBe(contentHash(read));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('chainEndProblem', () => {
  const links = chain([entry(1), entry(2), entry(3)]);
  const head = { headSeq: '3', headHash: links[2].hash };

  it('accepts a chain that ends at the stored head', () => {
    expect(chainEndProblem({ ...head, lastSeq: '3', lastHash: links[2].hash })).toBeNull();
    expect(chainEndProblem({ headSeq: '0', headHash: GENESIS_HASH, lastSeq: '0', lastHash: GENESIS_HASH })).toBeNull();
  });

  it('finds the newest entries gone: the head is beyond the last entry, or names another hash', () => {
    // The last entry removed: what is left is a whole chain, but it stops short of the head.
    expect(firstBrokenLink(links.slice(0, 2), GENESIS_HASH).brokenId).toBeNull();
    expect(chainEndProblem({ ...head, lastSeq: '2', lastHash: links[1].hash })).toBe('truncated');
    expect(chainEndProblem({ ...head, lastSeq: '0', lastHash: GENESIS_HASH })).toBe('truncated');
    expect(chainEndProblem({ ...head, lastSeq: '3', lastHash: links[1].hash })).toBe('truncated');
  });
});
