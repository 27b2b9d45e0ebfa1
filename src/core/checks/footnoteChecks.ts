import type { BriefDocument } from '../document';
import type { BriefDiagnostic } from '../types';

/** `footnote.undefined`: a `[^label]` marker whose note is never written. */
export function findUndefinedFootnotes(document: BriefDocument): BriefDiagnostic[] {
  const defined = new Set(document.footnoteDefinitions.map((def) => def.key));
  return document.footnoteReferences
    .filter((ref) => !defined.has(ref.key))
    .map((ref) => ({
      code: 'footnote.undefined',
      severity: 'error',
      message: `Footnote [^${ref.label}] has no note. Add a line "[^${ref.label}]: " with the note's text, or remove the marker.`,
      range: ref.range,
    }));
}

/** `footnote.unused`: a note that no marker in the text points to. */
export function findUnusedFootnotes(document: BriefDocument): BriefDiagnostic[] {
  const referenced = new Set(document.footnoteReferences.map((ref) => ref.key));
  return document.footnoteDefinitions
    .filter((def) => !referenced.has(def.key))
    .map((def) => ({
      code: 'footnote.unused',
      severity: 'warning',
      message: `Footnote [^${def.label}] is never cited in the text. Put the marker [^${def.label}] where the note belongs, or delete the note.`,
      range: def.labelRange,
    }));
}
