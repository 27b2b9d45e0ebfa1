import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { unreadFileMessage, type FileKind, type UnreadFile } from '../core';
import { MAX_PROJECT_YAML } from '../core/parse/yamlText';

const KB = 1024;
const MB = 1024 * KB;

/**
 * The most BriefKit reads of each kind of file, in bytes: far above real files, far below what
 * would hold up a check or fill the memory. A larger file is refused with a message, not read.
 */
export const READ_LIMITS: Record<FileKind | 'brief' | 'gitignore', number> = {
  /** A brief of 20,000 words is about 150 KB, a whole book in one file a few MB. */
  brief: 20 * MB,
  /** A whole Zotero library exported with abstracts takes 1–2 KB an entry: 50 MB holds 25,000 works or more. */
  bibliography: 50 * MB,
  /** The longest CSL styles are a few hundred KB. */
  style: 2 * MB,
  /** `_quarto.yml`, `_metadata.yml`, pandoc defaults: a few KB; their YAML is read no further than this anyway. */
  project: MAX_PROJECT_YAML,
  /** A file beside the brief, read for its cross-reference labels: a chapter of 300,000 words is 2 MB. */
  chapter: 2 * MB,
  /** A few KB in real projects; each pattern is tried on every file of a walk. */
  gitignore: 1 * MB,
};

/**
 * Without O_NONBLOCK, opening a pipe nobody writes to waits for a writer forever. Windows has
 * neither the flag nor such pipes.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A file BriefKit does not read: no regular file (a device, a pipe, a folder), or larger than its kind's limit. */
export class FileRefused extends Error implements UnreadFile {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(unreadFileMessage({ path, reason }));
  }
}

function kindOfFile(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe';
  if (stats.isSocket()) return 'a socket';
  return stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'no file';
}

function tooLarge(path: string, maxBytes: number): FileRefused {
  return new FileRefused(path, `is larger than ${maxBytes >= MB ? `${maxBytes / MB} MB` : `${maxBytes / KB} KB`}`);
}

/** The buffer for the file as `stats` found it after opening, or why it is not read. */
function firstBuffer(path: string, stats: Stats, maxBytes: number): Buffer {
  if (!stats.isFile()) throw new FileRefused(path, `is not a regular file (it is ${kindOfFile(stats)})`);
  if (stats.size > maxBytes) throw tooLarge(path, maxBytes);
  // One byte more than the size: reading it means the file grew since, and reading goes on.
  return Buffer.allocUnsafe(stats.size + 1);
}

/** The buffer to read on into: the same while it has room, else a larger one, up to one byte past the limit (a file that grew past it). */
function roomToRead(buffer: Buffer, length: number, path: string, maxBytes: number): Buffer {
  if (length < buffer.length) return buffer;
  if (length > maxBytes) throw tooLarge(path, maxBytes);
  const larger = Buffer.allocUnsafe(Math.min(Math.max(2 * buffer.length, 64 * KB), maxBytes + 1));
  buffer.copy(larger, 0, 0, length);
  return larger;
}

/**
 * A regular file's bytes, at most `maxBytes` of them. What is checked is what is read: the file is
 * opened once and examined through that descriptor, so a link swapped for `/dev/zero` meanwhile is
 * caught too. Throws FileRefused for a file that is not regular (a device, a pipe, a folder) or
 * is too large, and the system's error (ENOENT, EACCES) for one that cannot be opened.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    let buffer = firstBuffer(path, await handle.stat(), maxBytes);
    let length = 0;
    for (;;) {
      buffer = roomToRead(buffer, length, path, maxBytes);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) return buffer.subarray(0, length);
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** readRegularFile for callers that cannot wait (the CLI's briefs); never on the language server's thread. */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    return readOpenedFileSync(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** The same for a file already open (as `fd`), for a caller that opens it its own way (to append to it, say). */
export function readOpenedFileSync(fd: number, path: string, maxBytes: number): Buffer {
  let buffer = firstBuffer(path, fstatSync(fd), maxBytes);
  let length = 0;
  for (;;) {
    buffer = roomToRead(buffer, length, path, maxBytes);
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
    if (bytesRead === 0) return buffer.subarray(0, length);
    length += bytesRead;
  }
}

/**
 * A file's text by file: URI, for the core's hosts, read up to its kind's limit: undefined when it
 * does not exist or cannot be opened, and why not when BriefKit does not read it.
 */
export async function readTextFile(uri: string, kind: FileKind): Promise<string | UnreadFile | undefined> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  try {
    return (await readRegularFile(path, READ_LIMITS[kind])).toString('utf8');
  } catch (error) {
    return error instanceof FileRefused ? { path: error.path, reason: error.reason } : undefined;
  }
}
