import type { BriefDocument } from '../../document';
import { finding, type Finding } from '../../feature';
import type { BriefDiagnostic } from '../../types';
import { Codes, diagnosticFor } from '../../diagnosticCodes';
import type { DocumentBibliography, LoadedFile } from '../../bibliographyFiles/bibliographyStore';
import { laterCopies, referenceFromCsl } from '../../references/sourceIndex';
import { fileName } from '../../text/fileName';

/**
 * Whether a code chunk of the brief writes the file, as bookdown's `knitr::write_bib(…, 'packages.bib')`
 * does on every build: missing before the first build is expected, not a mistake.
 */
function writtenByBuild(document: BriefDocument, name: string): boolean {
  if (document.verbatimBlocks.length === 0) return false;
  const quoted = [`'${name}'`, `"${name}"`];
  return document.verbatimBlocks.some((block) => block.kind === 'code' && quoted.some((q) => document.text.slice(block.start, block.end).includes(q)));
}

/**
 * `bibliography.file-missing` (unless the brief's own code writes the file), `bibliography.file-outside-workspace`
 * and `bibliography.file-error`, on the front-matter line that names the file or, for a file a project
 * file names, on the brief's first cited work.
 */
export function findBibliographyFileProblems(document: BriefDocument, bibliography: DocumentBibliography, readOutsideHint: string): Finding[] {
  const diagnostics: BriefDiagnostic[] = [];
  for (const { source, file } of bibliography.files) {
    if (!source.declared || !file) continue;
    if (file.refused) {
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileOutsideWorkspace,
          `BriefKit reads bibliography files only inside the workspace, and "${source.declared.value}" is outside it. Move the file into the workspace, or ${readOutsideHint}.`,
          source.declared.range,
        ),
      );
    } else if (file.unread) {
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileMissing,
          `The bibliography file "${source.declared.value}" ${file.unread}; BriefKit does not read it.`,
          source.declared.range,
        ),
      );
    } else if (file.text === undefined) {
      if (writtenByBuild(document, fileName(file.uri))) continue;
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileMissing,
          `BriefKit cannot find the bibliography file "${source.declared.value}". The path is relative to this brief; check its spelling and folder.`,
          source.declared.range,
        ),
      );
    } else if (file.parsed && file.parsed.problems.length > 0) {
      const lines = file.parsed.problems.map((p) => p.range.start.line + 1);
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileError,
          `${fileName(file.uri)} has ${lines.length === 1 ? 'a problem' : `${lines.length} problems`} BriefKit could not read past (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', …' : ''}); the other ${file.parsed.entries.length} entries loaded. Open the file to see each one.`,
          source.declared.range,
        ),
      );
    }
  }
  diagnostics.push(...projectFileDiagnostics(document, bibliography, readOutsideHint));
  return diagnostics.map((d) => finding(d));
}

/**
 * A bibliography file the brief's project names that cannot be read. The project file is not the
 * brief, so this is said on the brief's first cited work, the first thing it leaves unchecked;
 * a brief that cites no work is not affected.
 */
function projectFileDiagnostics(document: BriefDocument, bibliography: DocumentBibliography, readOutsideHint: string): BriefDiagnostic[] {
  const firstWork = document.citations.flatMap((c) => c.items).find((item) => item.kind === 'work' && !document.citationAliases.has(item.key));
  if (!firstWork) return [];
  const diagnostics: BriefDiagnostic[] = [];
  for (const { source, file } of bibliography.files) {
    if (!source.project || !file) continue;
    const names = `${projectFileFrom(document.uri, source.project.uri)} names the bibliography file "${source.project.value}"`;
    const unchecked = 'so BriefKit cannot check the citations in this brief';
    if (file.refused) {
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileOutsideWorkspace,
          `${names}, which is outside the workspace, ${unchecked}. Move the file into the workspace, or ${readOutsideHint}.`,
          firstWork.range,
        ),
      );
    } else if (file.unread) {
      diagnostics.push(diagnosticFor(Codes.bibliographyFileMissing, `${names}, which ${file.unread}, ${unchecked}.`, firstWork.range));
    } else if (file.text === undefined && !source.project.writtenByBuild) {
      diagnostics.push(
        diagnosticFor(
          Codes.bibliographyFileMissing,
          `${names}, which BriefKit cannot find, ${unchecked}. The path is relative to the folder of ${fileName(source.project.uri)}; check its spelling and folder there.`,
          firstWork.range,
        ),
      );
    }
  }
  return diagnostics;
}

/** The project file as a path from the brief's folder ("../_quarto.yml"): a project file is in that folder or one above it. */
function projectFileFrom(briefUri: string, projectFileUri: string): string {
  const levels = briefUri.split('/').length - projectFileUri.split('/').length;
  return '../'.repeat(Math.max(0, levels)) + fileName(projectFileUri);
}

/** Diagnostics to show inside a bibliography file itself: entries it cannot read, and works listed twice. */
export function bibliographyFileDiagnostics(file: LoadedFile): BriefDiagnostic[] {
  const unreadable = (file.parsed?.problems ?? []).map(
    // In the file itself an unreadable entry is an error; on the front matter it is a warning.
    (problem) => diagnosticFor(Codes.bibliographyFileError, problem.message, problem.range, 'error'),
  );
  const duplicates = laterCopies(file.parsed?.entries ?? [], (entry) => referenceFromCsl(entry.item)).map(([copy, first]): BriefDiagnostic =>
    diagnosticFor(
      Codes.bibliographyDuplicate,
      `"${copy.key}" describes the same work as "${first.key}" (line ${first.range.start.line + 1}). Keep one entry and cite it by one key.`,
      copy.range,
    ),
  );
  return [...unreadable, ...duplicates];
}
