/** Precision and recall of `claim.uncited` on labelled sentences, per document group. */
import type { Condition, Example } from './claimData';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  n: number;
}

/**
 * As written, an uncited claim is a sentence that needs a source and has none (by the labels);
 * with sources blanked out, every sentence that needs one. `flagged` says which BriefKit flags.
 */
export function countByGroup(examples: Example[], flagged: boolean[], condition: Condition): Map<string, Counts> {
  const groups = new Map<string, Counts>();
  examples.forEach((e, i) => {
    const truth = e.label === 1 && (condition === 'blanked' || !e.labelledSourced);
    const counts = groups.get(e.group) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
    counts.n++;
    if (flagged[i] && truth) counts.tp++;
    else if (flagged[i]) counts.fp++;
    else if (truth) counts.fn++;
    groups.set(e.group, counts);
  });
  return groups;
}

export function pooled(groups: Map<string, Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0, n: 0 };
  for (const c of groups.values()) for (const k of ['tp', 'fp', 'fn', 'n'] as const) total[k] += c[k];
  return total;
}

export function precision(c: Counts): number {
  return c.tp / Math.max(1, c.tp + c.fp);
}

export function recall(c: Counts): number {
  return c.tp / Math.max(1, c.tp + c.fn);
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
