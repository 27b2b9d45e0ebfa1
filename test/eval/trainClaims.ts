/**
 * Trains the uncited-claim model and writes its weights (not part of `npm test`):
 *   npm run train:claims -- ../shared/claims/labels-dev.jsonl [more.jsonl …]
 * Each labels file's `doc` paths are relative to the folder above it (shared/). Training sees every
 * labelled sentence twice, as written and with its sources blanked out, so the model does not lean on
 * whether the neighbours are sourced. The thresholds come from cross-validation by whole documents:
 * "balanced" is the lowest at which the pooled precision as written reaches the target.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimWeights } from '../../src/core/features/claims/claimModel';
import { examples, readLabels } from './claimData';
import { countByGroup, pooled, precision } from './claimMetrics';
import { DEFAULT_TRAINING, outOfFold, train } from './claimTrainer';
import { isClaimAt } from '../../src/core/features/claims/claimDetector';

// Precision first: four flags in five are claims a careful editor would mark "source?".
const PRECISION_TARGET = 0.8;
/** Fewer flags than this cannot show a precision: the check stays silent in that kind of document. */
const MINIMUM_FLAGS = 20;
const SILENT = 1.01;
const VOICES = ['report', 'mixed', 'own'] as const;

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (paths.length === 0) {
  console.error('Name at least one labels file, for example: npm run train:claims -- ../shared/claims/labels-dev.jsonl');
  process.exit(2);
}
const labels = readLabels(paths);
const written = examples(labels, 'as-written');
const blanked = examples(labels, 'blanked');
const all = [...written, ...blanked];
const [scoresWritten] = outOfFold(all, [written]);

/**
 * For each kind of document, the lowest threshold at which its flags, pooled, reach the precision
 * target as written; none reaching it leaves the check silent there (a threshold above 1).
 */
const thresholds: ClaimWeights['thresholds'] = { report: SILENT, mixed: SILENT, own: SILENT };
for (const voice of VOICES) {
  const inVoice = written.map((e) => e.context?.voice === voice);
  for (let t = 0.3; t <= 0.99; t += 0.01) {
    const flagged = written.map((e, i) => inVoice[i] && e.checked.passage && isClaimAt(scoresWritten[i], t));
    const counts = pooled(countByGroup(written.filter((_, i) => inVoice[i]), flagged.filter((_, i) => inVoice[i]), 'as-written'));
    if (counts.tp + counts.fp >= MINIMUM_FLAGS && precision(counts) >= PRECISION_TARGET) {
      thresholds[voice] = Math.round(t * 100) / 100;
      break;
    }
  }
  const n = inVoice.filter(Boolean).length;
  console.log(`${voice}: ${n} sentences, threshold ${thresholds[voice]}`);
}
const model = train(all.filter((e) => e.sentence));
const weights: ClaimWeights = { ...model, thresholds };
const out = join(__dirname, '../../src/core/features/claims/claimWeights.json');
writeFileSync(out, `${JSON.stringify(weights)}\n`);
console.log(`${written.length} labelled sentences (${written.filter((e) => e.sentence).length} matched), ${weights.weights.length} non-zero weights of ${DEFAULT_TRAINING.buckets}; wrote ${out}`);
