/** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether `word` is plausibly a typo of `candidate`, `edits` apart: at most a third of the
 * longer one's letters changed (one edit for short words), and something left in common, so
 * that `c` is not taken for a typo of `a`.
 */
export function isPlausibleTypo(word: string, candidate: string, edits: number): boolean {
  const longer = Math.max(word.length, candidate.length);
  return edits <= Math.max(1, Math.floor(longer / 3)) && edits < longer;
}

/** The candidate closest to `word` (ignoring case), when it is close enough to be a likely typo of it. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && isPlausibleTypo(word, best, bestDistance) ? best : undefined;
}
