import type { BriefDocument } from './document';
import type { VersionEdit } from './documentStore';
import type { FeatureContext, Finding } from './feature';
import { FEATURES } from './features';
import type { BriefOptions } from './options';
import { SEVERITY_RANK, type BriefDiagnostic, type Range } from './types';
import { keptAcross, wordEditOf, type WordEdit } from './wordEdit';

/** Every feature's check groups, in FEATURES' order: what a version's findings are kept by. */
const CHECKS = FEATURES.flatMap((feature) => feature.checks ?? []);

/** A version's findings, check group by check group (in CHECKS' order), under the options, bibliographies and link results they were found with. */
interface Known {
  generation: number;
  options: BriefOptions;
  links: number;
  /** Diagnostics kept from the version before have no findings until code actions ask for them. */
  byCheck: Array<{ findings?: Finding[]; diagnostics: BriefDiagnostic[] } | undefined>;
  findings?: Finding[];
  diagnostics?: BriefDiagnostic[];
}

/** Sorted by where they start, then by severity (errors first). */
function inReadingOrder<T>(items: T[], diagnosticOf: (item: T) => BriefDiagnostic): T[] {
  return items.sort((x, y) => {
    const [a, b] = [diagnosticOf(x), diagnosticOf(y)];
    return (
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    );
  });
}

/** Whether a range is on the word edit's line at or after the change, where columns moved. */
function movedBy(range: Range, edit: WordEdit): boolean {
  if (range.end.line < edit.line || range.start.line > edit.line) return false;
  return !(range.end.line === edit.line && range.end.character < edit.column);
}

const placeOf = (d: BriefDiagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.code}`;

/**
 * A check group's fresh diagnostics, each replaced by the previous version's object where that says
 * the same: a host that serialises a diagnostic once (the server's stdio encoder) then sends a
 * keystroke's unchanged diagnostics without serialising them again.
 */
function keepingUnchanged(previous: readonly BriefDiagnostic[], fresh: BriefDiagnostic[]): BriefDiagnostic[] {
  // A check group finds its problems in the same order each version. As many as before: compare them
  // in place (those that moved with the edit are new, the rest the same).
  if (previous.length === fresh.length) return fresh.map((d, i) => (sameDiagnostic(previous[i], d) ? previous[i] : d));
  // Some added or gone: walk both lists together, and look a diagnostic up by its place only where
  // the two part, going on together from the one found.
  let next = 0;
  let byPlace: Map<string, number[]> | undefined;
  return fresh.map((d) => {
    if (next < previous.length && sameDiagnostic(previous[next], d)) return previous[next++];
    byPlace ??= placesOf(previous);
    const at = byPlace.get(placeOf(d))?.find((i) => sameDiagnostic(previous[i], d));
    if (at === undefined) return d;
    next = at + 1;
    return previous[at];
  });
}

/** Each diagnostic's index, by where it starts and its code. */
function placesOf(diagnostics: readonly BriefDiagnostic[]): Map<string, number[]> {
  const byPlace = new Map<string, number[]>();
  diagnostics.forEach((d, i) => {
    const key = placeOf(d);
    const same = byPlace.get(key);
    if (same) same.push(i);
    else byPlace.set(key, [i]);
  });
  return byPlace;
}

/** Numbers first: a message is compared (character by character, as it is built anew) only where all else agrees. */
function sameDiagnostic(a: BriefDiagnostic, b: BriefDiagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character &&
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message
  );
}

/** Every check's findings and diagnostics per document version, shared by diagnostics, code actions and the preview. */
export class VersionFindings {
  private readonly known = new WeakMap<BriefDocument, Known>();

  constructor(
    /** Moves on whenever a bibliography file is read again. */
    private readonly generation: () => number,
    /** Moves on whenever the link checker learns something. */
    private readonly linkResults: () => number,
    private readonly editOf: (document: BriefDocument) => VersionEdit | undefined,
  ) {}

  /** Every check's findings with their fixes: for code actions. */
  findingsOf(context: FeatureContext): Finding[] {
    const known = this.knownOf(context);
    known.findings ??= inReadingOrder(
      CHECKS.flatMap((_, i) => this.checkFindings(known, context, i)),
      (found) => found.diagnostic,
    );
    return known.findings;
  }

  /**
   * Every check's diagnostics. After a word edit (the commonest keystroke) a feature it cannot
   * affect keeps the previous version's diagnostics, unless one of them is on the changed line at
   * or after the change, where columns moved; their fixes are worked out only if code actions are
   * asked for.
   */
  diagnosticsOf(context: FeatureContext): BriefDiagnostic[] {
    const known = this.knownOf(context);
    if (known.diagnostics) return known.diagnostics;
    const edit = this.editOf(context.document);
    const before = edit && this.known.get(edit.previous);
    const comparable = before?.generation === known.generation && before.options === known.options && before.links === known.links;
    const wordEdit = comparable ? wordEditOf(context.document, edit) : undefined;
    const diagnostics = CHECKS.map((check, i) => {
      const kept = before?.byCheck[i]?.diagnostics;
      if (!known.byCheck[i] && wordEdit && kept && keptAcross(wordEdit, check.reads) && !kept.some((d) => movedBy(d.range, wordEdit))) {
        known.byCheck[i] = { diagnostics: kept };
      }
      if (!known.byCheck[i]) {
        this.checkFindings(known, context, i);
        if (kept) known.byCheck[i]!.diagnostics = keepingUnchanged(kept, known.byCheck[i]!.diagnostics);
      }
      return known.byCheck[i]!.diagnostics;
    });
    known.diagnostics = inReadingOrder(diagnostics.flat(), (diagnostic) => diagnostic);
    return known.diagnostics;
  }

  /** What is known of the version under the options, bibliographies and link results now; started afresh when any changed. */
  private knownOf(context: FeatureContext): Known {
    const [generation, links] = [this.generation(), this.linkResults()];
    const cached = this.known.get(context.document);
    if (cached && cached.generation === generation && cached.options === context.options && cached.links === links) return cached;
    const fresh: Known = { generation, options: context.options, links, byCheck: [] };
    this.known.set(context.document, fresh);
    return fresh;
  }

  /** A check group's findings, with their fixes, worked out once per version. */
  private checkFindings(known: Known, context: FeatureContext, index: number): Finding[] {
    const held = known.byCheck[index];
    if (held?.findings) return held.findings;
    const findings = CHECKS[index].diagnostics(context);
    known.byCheck[index] = { findings, diagnostics: findings.map((found) => found.diagnostic) };
    return findings;
  }
}
