import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { BriefOptions } from '../core';
import { notClaimLine, readNotClaims } from '../core/features/claims/notClaims';

/** Where a workspace keeps the sentences its writers marked "not a claim", relative to its folder. */
export const NOT_CLAIMS_FILE = join('.briefkit', 'not-claims.txt');

const HEADER = '# Sentences BriefKit does not flag as uncited claims, one a line. Delete a line to have it checked again.\n';

/** The nearest not-claims file from the brief's folder up to `top` (inclusive); `top` itself when none exists yet. */
export function notClaimsFileFor(briefPath: string, top: string): string {
  const root = resolve(top);
  let folder = dirname(resolve(briefPath));
  // A brief outside `top` only looks in its own folder.
  if (relative(root, folder).startsWith('..')) return join(folder, NOT_CLAIMS_FILE);
  for (;;) {
    const candidate = join(folder, NOT_CLAIMS_FILE);
    if (existsSync(candidate) || folder === root) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return join(root, NOT_CLAIMS_FILE);
    folder = parent;
  }
}

/** The sentences a not-claims file lists; none when it does not exist or cannot be read. */
export function readNotClaimsFile(path: string): string[] {
  try {
    return readNotClaims(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}

/** The options with the sentences a not-claims file lists (the same options when it lists none). */
export function withNotClaimsFrom(options: BriefOptions, path: string): BriefOptions {
  const notClaims = readNotClaimsFile(path);
  return notClaims.length > 0 ? { ...options, claims: { ...options.claims, notClaims } } : options;
}

/** Adds a sentence to a not-claims file, creating it (with a line saying what it is) when needed. */
export function appendNotClaim(path: string, sentence: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const start = before === undefined ? HEADER : before === '' || before.endsWith('\n') ? '' : '\n';
  appendFileSync(path, `${start}${notClaimLine(sentence)}\n`, 'utf8');
}
