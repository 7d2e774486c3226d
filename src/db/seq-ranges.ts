// Sets of outbox seqs kept as sorted, disjoint ranges of whole numbers: the items a push
// acknowledged are nearly always a run of consecutive seqs, so 10 000 of them are one
// pair in a meta row rather than 10 000 numbers read and written with every batch.
export type SeqRanges = Array<[first: number, last: number]>;

/** How many seqs the ranges hold. */
export function rangesSize(ranges: SeqRanges): number {
  let n = 0;
  for (const [first, last] of ranges) n += last - first + 1;
  return n;
}

/** The range holding `seq`, or undefined. */
export function rangeOf(ranges: SeqRanges, seq: number): [number, number] | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (seq < first) hi = mid - 1;
    else if (seq > last) lo = mid + 1;
    else return ranges[mid];
  }
  return undefined;
}

export const rangesHave = (ranges: SeqRanges, seq: number): boolean => rangeOf(ranges, seq) !== undefined;

/** The ranges with the seqs added, merged where they meet. */
export function addSeqs(ranges: SeqRanges, seqs: Iterable<number>): SeqRanges {
  const all = [...ranges.map(([f, l]): [number, number] => [f, l]), ...[...seqs].map((s): [number, number] => [s, s])].sort((a, b) => a[0] - b[0]);
  const out: SeqRanges = [];
  for (const [first, last] of all) {
    const prev = out.at(-1);
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** The ranges without the seqs from `first` to `last`. */
export function removeSeqRange(ranges: SeqRanges, first: number, last: number): SeqRanges {
  const out: SeqRanges = [];
  for (const [f, l] of ranges) {
    if (l < first || f > last) out.push([f, l]);
    else {
      if (f < first) out.push([f, first - 1]);
      if (l > last) out.push([last + 1, l]);
    }
  }
  return out;
}
