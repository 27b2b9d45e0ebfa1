import { perDocument, type BriefDocument, type FootnoteDefinition, type FootnoteReference } from '../document';
import { normalizeFootnoteLabel } from '../parse/footnoteLabel';

/** One note: its definitions and references, under its normalised key. */
export interface FootnoteEntry {
  key: string;
  /** The label as the first definition (else the first reference) writes it. */
  label: string;
  definitions: FootnoteDefinition[];
  references: FootnoteReference[];
}

export type FootnoteAt =
  { kind: 'reference'; entry: FootnoteEntry; reference: FootnoteReference } | { kind: 'definition'; entry: FootnoteEntry; definition: FootnoteDefinition };

const NUMERIC = /^\d+$/;

export function isNumericLabel(label: string): boolean {
  return NUMERIC.test(label);
}

/** Whether an offset lies in a note; `definitions` are in document order, so the last one starting at or before it decides. */
function insideDefinition(definitions: readonly FootnoteDefinition[], offset: number): boolean {
  let low = 0;
  let high = definitions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (definitions[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  return low > 0 && offset < definitions[low - 1].end;
}

/** Footnotes of one document version, by key and in order of first appearance. */
export class FootnoteIndex {
  private readonly byKey = new Map<string, FootnoteEntry>();
  /** Entries in order of first reference in the text; notes referenced only from notes, or never, follow in definition order. */
  readonly entries: FootnoteEntry[];

  static readonly of = perDocument((document) => new FootnoteIndex(document));

  private constructor(readonly document: BriefDocument) {
    const entry = (key: string, label: string) => {
      let found = this.byKey.get(key);
      if (!found) {
        found = { key, label, definitions: [], references: [] };
        this.byKey.set(key, found);
      }
      return found;
    };
    for (const reference of document.footnoteReferences) entry(reference.key, reference.label).references.push(reference);
    for (const definition of document.footnoteDefinitions) {
      const found = entry(definition.key, definition.label);
      if (found.definitions.length === 0) found.label = definition.label;
      found.definitions.push(definition);
    }
    // Only markers in the text set the order: one inside a note moves when notes are reordered, so
    // counting it would make renumbering never settle. Notes cited only from notes keep their place.
    const definitions = document.footnoteDefinitions;
    const firstInText = new Map<FootnoteEntry, number>();
    for (const e of this.byKey.values())
      firstInText.set(e, e.references.find((r) => !insideDefinition(definitions, r.start))?.start ?? Number.MAX_SAFE_INTEGER);
    this.entries = [...this.byKey.values()].sort(
      (a, b) => firstInText.get(a)! - firstInText.get(b)! || (a.definitions[0]?.start ?? 0) - (b.definitions[0]?.start ?? 0),
    );
  }

  get(key: string): FootnoteEntry | undefined {
    return this.byKey.get(key);
  }

  /** The reference or definition label under an offset (inclusive of both brackets). */
  at(offset: number): FootnoteAt | undefined {
    for (const reference of this.document.footnoteReferences) {
      if (reference.start <= offset && offset <= reference.end) return { kind: 'reference', entry: this.byKey.get(reference.key)!, reference };
      if (reference.start > offset) break;
    }
    for (const definition of this.document.footnoteDefinitions) {
      const labelEnd = this.document.lines.offsetAt(definition.labelRange.end);
      if (definition.start <= offset && offset <= labelEnd) return { kind: 'definition', entry: this.byKey.get(definition.key)!, definition };
    }
    return undefined;
  }

  /**
   * The label a new note gets, following the document's scheme: the next number, or for
   * labels like `fn3` / `note-3`, the same prefix with the next number.
   */
  nextLabel(): string {
    // Asked once per quick fix of every uncited claim: worked out once per version of the brief.
    this.next ??= this.computeNextLabel();
    return this.next;
  }

  private next: string | undefined;

  private computeNextLabel(): string {
    const labels = this.entries.map((e) => e.label);
    // The prefix is everything before the last run of digits: `fn3` → fn, 3.
    const numbered = labels.flatMap((l) => {
      const m = /^(.*\D)?(\d+)$/.exec(l);
      return m ? [{ prefix: m[1] ?? '', number: Number(m[2]) }] : [];
    });
    const prefixes = new Map<string, number>();
    for (const m of numbered) prefixes.set(m.prefix, (prefixes.get(m.prefix) ?? 0) + 1);
    let prefix = '';
    let best = 0;
    for (const [candidate, count] of prefixes) {
      if (count > best || (count === best && candidate === '')) {
        prefix = candidate;
        best = count;
      }
    }
    let next = 1 + Math.max(0, ...numbered.filter((m) => m.prefix === prefix).map((m) => m.number));
    while (this.byKey.has(normalizeFootnoteLabel(`${prefix}${next}`))) next++;
    return `${prefix}${next}`;
  }
}
