import { statSync } from 'node:fs';
import { writeStderrLine } from './format';
import { FileRefused, READ_LIMITS, readRegularFileSync } from '../node/readTextFile';

export type ReadResult = { ok: true; text: string; hadBom: boolean } | { ok: false; reason: string };

/** Reads a brief as UTF-8 text, or says in plain words why it cannot. */
export function readBrief(path: string): ReadResult {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { ok: false, reason: 'is a folder, not a Markdown file' };
    bytes = readRegularFileSync(path, READ_LIMITS.brief);
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, reason: `${error.reason}; BriefKit does not read it` };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: (error as Error).message };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `is not a text file (binary data at byte ${nul})` };
  try {
    const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), hadBom };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 text (first bad byte at ${firstInvalidUtf8Byte(bytes)}); save it as UTF-8` };
  }
}

function firstInvalidUtf8Byte(bytes: Buffer): number {
  // Binary search for the longest valid prefix: decoding is the only UTF-8 validator at hand.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** Reads a brief, or tells the writer on standard error which file cannot be read and why. */
export function readBriefOrReport(path: string): { text: string; hadBom: boolean } | undefined {
  const read = readBrief(path);
  if (read.ok) return read;
  writeStderrLine(`briefkit: ${path}: ${read.reason}`);
  return undefined;
}
