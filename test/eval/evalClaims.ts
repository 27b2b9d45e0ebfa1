/**
 * Measures the uncited-claim detector (not part of `npm test`):
 *   npm run eval:claims -- ../shared/claims/labels-dev.jsonl [--brief ../shared/samples/russia-dprk-partnership.md]
 * On labelled sentences: precision, recall and F1 per document group, cross-validated by whole
 * documents (each document scored by a model trained without it, at the shipped thresholds), as
 * written and with the sources blanked out. On a brief without labels (--brief): the shipped model,
 * with the footnoted sentences as the positives once their markers are blanked out (a proxy).
 */
import { readFileSync } from 'node:fs';
import { isClaim, type ClaimScope, type ClaimScore } from '../../src/core/features/claim/claimDetector';
import { blankSources, examples, flaggedStarts, parse, readLabels, type Condition } from './claimData';
import { countByGroup, f1, pooled, precision, recall, type Counts } from './claimMetrics';
import { outOfFold } from './claimTrainer';

const args = process.argv.slice(2);
const briefs = args.flatMap((arg, i) => (args[i - 1] === '--brief' ? [arg] : []));
const labelFiles = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--brief');
const rows: string[] = [
  '| Group | Condition | Sentences | Uncited claims | Flagged | Precision | Recall | F1 |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
const row = (group: string, condition: string, c: Counts) =>
  rows.push(
    `| ${group} | ${condition} | ${c.n} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${precision(c).toFixed(2)} | ${recall(c).toFixed(2)} | ${f1(c).toFixed(2)} |`,
  );

if (labelFiles.length > 0) {
  const labels = readLabels(labelFiles);
  const written = examples(labels, 'as-written');
  const blanked = examples(labels, 'blanked');
  const [sw, sb] = outOfFold([...written, ...blanked], [written, blanked]);
  const conditions: Array<[Condition, string, typeof written, ClaimScore[], ClaimScope]> = [
    ['as-written', 'as written', written, sw, 'passage'],
    ['as-written', 'as written, sentence scope', written, sw, 'sentence'],
    ['blanked', 'sources blanked', blanked, sb, 'passage'],
  ];
  for (const [condition, name, set, scores, scope] of conditions) {
    const groups = countByGroup(
      set,
      set.map((e, i) => e.checked[scope] && isClaim(scores[i], 'balanced')),
      condition,
    );
    for (const group of [...groups.keys()].sort()) row(group, name, groups.get(group)!);
    row('all', name, pooled(groups));
  }
}

for (const path of briefs) {
  const original = readFileSync(path, 'utf8');
  const document = parse(path, original);
  const footnoted = new Set(document.sentences.filter((s) => s.footnoteReferences.length > 0 || s.citations.length > 0).map((s) => s.start));
  const blanked = blankSources(original, document);
  const plain = parse(path, blanked.text);
  const flagged = flaggedStarts(path, blanked.text);
  const positives = new Set([...footnoted].map(blanked.map));
  const counts: Counts = { tp: 0, fp: 0, fn: 0, n: 0 };
  for (const sentence of plain.sentences) {
    const [isFlagged, truth] = [flagged.has(sentence.start), positives.has(sentence.start)];
    counts.n++;
    if (isFlagged && truth) counts.tp++;
    else if (isFlagged) counts.fp++;
    else if (truth) counts.fn++;
  }
  row(path.split('/').pop()!, 'footnoted = positive (proxy)', counts);
}
console.log(rows.join('\n'));
