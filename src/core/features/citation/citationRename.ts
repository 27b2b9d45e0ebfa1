import type { BriefDocument, CitationKey } from '../../document';
import { replaceOffsets, type TextEdit } from '../../edits';
import type { Workspace } from '../../feature';
import { BriefUserError, type FileEdits } from '../../language';
import { fileName } from '../../text/fileName';
import type { BriefTextDocument, Range, Span } from '../../types';
import type { DocumentBibliography } from '../../bibliographyFiles/bibliographyStore';
import { parseBibliographyFile, type BibliographyFileEntry, type ParsedBibliographyFile } from '../../bibliographyFiles/bibliographyFile';
import type { LineIndex } from '../../text/lineIndex';
import { citationKeyAt } from './citationNavigation';

/**
 * A key pandoc reads whole in `[@key]` and BibTeX, CSL-JSON and CSL-YAML all accept: letters,
 * digits and `_`, with single `:` `.` `-` `+` `/` between them (pandoc ends a key at punctuation
 * that is not followed by a letter or digit).
 */
const VALID_KEY = /^[\p{L}\p{N}_]+(?:[:.+/-][\p{L}\p{N}_]+)*$/u;

/** The key's own characters in the text: after `@`, inside `@{…}` when braced. */
function keySpan(document: BriefDocument, item: CitationKey): Span {
  return document.text[item.start + 1] === '{' ? { start: item.start + 2, end: item.end - 1 } : { start: item.start + 1, end: item.end };
}

function workKeyAt(document: BriefDocument, offset: number): CitationKey | undefined {
  const item = citationKeyAt(document, offset);
  return item?.kind === 'work' ? item : undefined;
}

export function prepareCitationRename(document: BriefDocument, offset: number): { range: Range; placeholder: string } | undefined {
  const item = workKeyAt(document, offset);
  if (!item) return undefined;
  const span = keySpan(document, item);
  return { range: document.lines.rangeAt(span.start, span.end), placeholder: item.key };
}

/** A bibliography file's entries, with the version of the editor's text they were read from (none: the file as saved). */
export interface BibliographyFileText {
  parsed: ParsedBibliographyFile;
  version?: number;
}

/** A bibliography file as the editor has it now; `read`, when it was read from the same text, is not parsed again. */
export function asInEditor(open: BriefTextDocument, read?: { text: string | undefined; parsed: ParsedBibliographyFile | undefined }): BibliographyFileText {
  const text = open.getText();
  return { parsed: read?.parsed && read.text === text ? read.parsed : parseBibliographyFile(open.uri, text), version: open.version };
}

/**
 * Renames the key under the cursor in every bibliography file of the brief that defines it and
 * in every citation of it in the workspace's briefs (open ones as they are in the editor, the
 * rest as saved), as one edit. Undefined when the cursor is not on a work's key.
 */
export function renameCitationKey(
  document: BriefDocument,
  offset: number,
  newKey: string,
  bibliography: DocumentBibliography,
  workspace: Workspace,
): Promise<FileEdits[]> | undefined {
  const item = workKeyAt(document, offset);
  if (!item) return undefined;
  // A file the editor has open may have changes not saved yet: its edits are made on those.
  const files = () =>
    bibliography.files.flatMap(({ file }): BibliographyFileText[] => {
      if (!file?.parsed) return [];
      const open = workspace.bibliographyFile(file.uri);
      return [open ? asInEditor(open, file) : { parsed: file.parsed }];
    });
  return renameKey(item.key, newKey, files, (key) => bibliography.byKey.get(key)?.uri, workspace);
}

/** The entry whose key is at `offset` in a bibliography file, for renaming it from the file itself. */
export function entryKeyAt(file: ParsedBibliographyFile, lines: LineIndex, offset: number): BibliographyFileEntry | undefined {
  return file.entries.find((entry) => entry.keyRange && lines.offsetAt(entry.keyRange.start) <= offset && offset <= lines.offsetAt(entry.keyRange.end));
}

/**
 * The key `oldKey` renamed in the files that define it and in every citation of the workspace's
 * briefs. `takenBy` tells which file already has an entry with a key (refused, with its name).
 * `files` are read once the saved briefs are listed: from then to the answer nothing waits, so
 * every edit is made on the text of the version it is labelled with, and no change comes between.
 */
export async function renameKey(
  oldKey: string,
  newKey: string,
  files: () => readonly BibliographyFileText[],
  takenBy: (key: string) => string | undefined,
  workspace: Workspace,
): Promise<FileEdits[]> {
  if (newKey === oldKey) return [];
  if (newKey.trim() === '') throw new BriefUserError('A citation key cannot be empty.');
  if (!VALID_KEY.test(newKey)) {
    throw new BriefUserError(
      `"${newKey}" cannot be a citation key: use letters, digits and _, with single : . - + / between them (for example "okafor2025" or "okafor:grid-2025").`,
    );
  }
  const briefs = await workspace.documents();
  const current = files();
  const taken = takenBy(newKey) ?? current.find(({ parsed }) => parsed.entries.some((entry) => entry.key === newKey))?.parsed.uri;
  if (taken) throw new BriefUserError(`The key "${newKey}" is already used by an entry in ${fileName(taken)}. Choose another key.`);
  const fileEdits: FileEdits[] = [];
  for (const { parsed: file, version } of current) {
    const entries = file.entries.filter((entry) => entry.key === oldKey);
    if (entries.length === 0) continue;
    if (entries.some((entry) => !entry.keyRange)) {
      const why = file.format === 'ris' ? 'RIS records have no key BriefKit can rename' : 'the key is written with escapes there';
      throw new BriefUserError(`The entry "${oldKey}" comes from ${fileName(file.uri)}, and ${why}. Change the key there by hand, then rename the citations.`);
    }
    fileEdits.push({ uri: file.uri, version, edits: entries.map((entry) => ({ range: entry.keyRange!, newText: newKey })) });
  }
  for (const brief of briefs) {
    const edits: TextEdit[] = [];
    for (const citation of brief.citations) {
      for (const use of citation.items) {
        if (use.key !== oldKey || use.kind !== 'work') continue;
        const span = keySpan(brief, use);
        edits.push(replaceOffsets(brief, span.start, span.end, newKey));
      }
    }
    if (edits.length > 0) fileEdits.push({ uri: brief.uri, version: brief.version < 0 ? undefined : brief.version, edits });
  }
  return fileEdits;
}
