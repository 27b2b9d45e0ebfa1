import { closeSync, constants, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { BriefOptions } from '../core';
import { notClaimLine, readNotClaims } from '../core/features/claim/notClaims';
import { isInsideFolder, realPath } from './insideFolder';
import { FileRefused, readOpenedFileSync, readRegularFileSync } from './readTextFile';

/** Where a workspace keeps the sentences its writers marked "not a claim", relative to its folder. */
export const NOT_CLAIMS_FILE = join('.briefkit', 'not-claims.txt');

/** Far more than any list written by hand; a larger file is not a list of sentences. */
export const MAX_NOT_CLAIMS_BYTES = 1024 * 1024;

const HEADER = '# Sentences BriefKit does not flag as uncited claims, one a line. Delete a line to have it checked again.\n';

/** Why a sentence could not be remembered, in words for the writer. */
export class NotClaimsRefused extends Error {}

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

/** The sentences a not-claims file lists; none when it does not exist, cannot be read or is not a plain file under 1 MB. */
export function readNotClaimsFile(path: string): string[] {
  try {
    return readNotClaims(readRegularFileSync(path, MAX_NOT_CLAIMS_BYTES).toString('utf8'));
  } catch {
    return [];
  }
}

/** The options with the sentences a not-claims file lists (the same options when it lists none). */
export function withNotClaimsFrom(options: BriefOptions, path: string): BriefOptions {
  const notClaims = readNotClaimsFile(path);
  return notClaims.length > 0 ? { ...options, claims: { ...options.claims, notClaims } } : options;
}

/**
 * Adds a sentence to a not-claims file under `top` (the workspace folder), creating it (with a
 * line saying what it is) when needed. Refused, with the reason, when the file or its folder is a
 * link or leads outside `top`: a workspace from elsewhere could link the file to a shell start-up
 * file, and the writer's click would then append to it.
 */
export function appendNotClaim(path: string, sentence: string, top: string): void {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  if (realPath(folder) !== join(realPath(dirname(folder)), NOT_CLAIMS_FOLDER) || !isInsideFolder(realPath(folder), realPath(top))) {
    throw new NotClaimsRefused(`${folder} is a link to a folder elsewhere, so BriefKit does not write to it; replace the link with a plain folder`);
  }
  let fd: number;
  try {
    // O_NOFOLLOW: a link put in place of the file is refused by the system itself, not just checked first.
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new NotClaimsRefused(`${path} is a link to another file, so BriefKit does not write to it; replace the link with a plain file`);
    }
    throw error;
  }
  try {
    let before: string;
    try {
      before = readOpenedFileSync(fd, path, MAX_NOT_CLAIMS_BYTES).toString('utf8');
    } catch (error) {
      if (error instanceof FileRefused) throw new NotClaimsRefused(error.message.replace(/\.$/, ''));
      throw error;
    }
    const start = before === '' ? HEADER : before.endsWith('\n') ? '' : '\n';
    writeSync(fd, `${start}${notClaimLine(sentence)}\n`, null, 'utf8');
  } finally {
    closeSync(fd);
  }
}

const NOT_CLAIMS_FOLDER = dirname(NOT_CLAIMS_FILE);
