// The acknowledged outbox seqs as ranges (src/db/seq-ranges.ts).
import { describe, expect, it } from 'vitest';
import { addSeqs, rangeOf, rangesHave, rangesSize, removeSeqRange } from '../../../src/db/seq-ranges.ts';

describe('seq ranges', () => {
  it('merge seqs that meet, in any order, and keep gaps', () => {
    expect(addSeqs([], [3, 1, 2, 7, 5])).toEqual([[1, 3], [5, 5], [7, 7]]);
    expect(addSeqs([[1, 3], [5, 5], [7, 7]], [4, 6])).toEqual([[1, 7]]);
    expect(addSeqs([[10, 20]], [15, 21, 9])).toEqual([[9, 21]]);
    expect(addSeqs([[1, 2]], [])).toEqual([[1, 2]]);
  });

  it('find a seq and count what they hold', () => {
    const r = addSeqs([], [1, 2, 3, 10, 11, 40]);
    expect(rangesSize(r)).toBe(6);
    expect(rangeOf(r, 2)).toEqual([1, 3]);
    expect(rangeOf(r, 40)).toEqual([40, 40]);
    for (const seq of [0, 4, 9, 12, 39, 41]) expect(rangesHave(r, seq)).toBe(false);
    for (const seq of [1, 3, 10, 11, 40]) expect(rangesHave(r, seq)).toBe(true);
  });

  it('lose a span from the start, the middle or across ranges', () => {
    expect(removeSeqRange([[1, 300]], 1, 100)).toEqual([[101, 300]]);
    expect(removeSeqRange([[1, 10]], 4, 6)).toEqual([[1, 3], [7, 10]]);
    expect(removeSeqRange([[1, 3], [5, 8], [10, 12]], 2, 11)).toEqual([[1, 1], [12, 12]]);
    expect(removeSeqRange([[5, 8]], 1, 4)).toEqual([[5, 8]]);
  });
});
