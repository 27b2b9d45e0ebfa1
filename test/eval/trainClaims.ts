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
import { countByGroup, pooled, precision, recall } from './claimMetrics';
import { DEFAULT_TRAINING, outOfFold, train } from './claimTrainer';

// Precision first: three flags in four are claims a careful editor would mark "source?".
const PRECISION_TARGET = 0.75;

const paths = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (paths.length === 0) {
  console.error('Name at least one labels file, for example: npm run train:claims -- ../shared/claims/labels-dev.jsonl');
  process.exit(2);
}
const labels = readLabels(paths);
const written = examples(labels, 'as-written');
const blanked = examples(labels, 'blanked');
const all = [...written, ...blanked];
const [outOfFoldWritten] = outOfFold(all, [written]);

let balanced = 0.95;
for (let t = 0.3; t <= 0.95; t += 0.01) {
  const counts = pooled(countByGroup(written, outOfFoldWritten, t, 'as-written'));
  if (precision(counts) >= PRECISION_TARGET) {
    balanced = Math.round(t * 100) / 100;
    console.log(`balanced threshold ${balanced}: pooled precision ${precision(counts).toFixed(3)}, recall ${recall(counts).toFixed(3)} (cross-validated, as written)`);
    break;
  }
}
const model = train(all.filter((e) => e.sentence));
const weights: ClaimWeights = {
  ...model,
  // Sensitivity moves the threshold: strict flags more, lenient only the surest.
  thresholds: { strict: Math.round((balanced - 0.1) * 100) / 100, balanced, lenient: Math.round(Math.min(0.95, balanced + 0.1) * 100) / 100 },
};
const out = join(__dirname, '../../src/core/features/claims/claimWeights.json');
writeFileSync(out, `${JSON.stringify(weights)}\n`);
console.log(`${written.length} labelled sentences (${written.filter((e) => e.sentence).length} matched), ${weights.weights.length} non-zero weights of ${DEFAULT_TRAINING.buckets}; wrote ${out}`);
