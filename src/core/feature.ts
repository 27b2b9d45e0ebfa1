import type { BriefDocument } from './document';
import type { DocumentBibliography } from './bibliographyFiles/bibliographyStore';
import type { BriefCodeAction, BriefCompletionList, BriefHover, BriefInlayHint, BriefLink, BriefLocation, BriefSymbol, FileEdits } from './language';
import type { RenderedCitations } from './bibliography/citationRendering';
import type { StyleChoice } from './bibliography/styleChoice';
import type { LinkCheckResult } from './host';
import type { BriefOptions } from './options';
import type { BriefDiagnostic, BriefTextDocument, Range, Span } from './types';
import { spanOf, touches } from './text/touchingRange';
import type { CslItem } from '@citation-js/core';
import type { BriefInput } from './wordEdit';

/** What a feature sees of one document version: its model, its options and its bibliography. */
export interface FeatureContext {
  readonly document: BriefDocument;
  readonly options: BriefOptions;
  /** The bibliography files the brief draws on, as loaded now (built on first use). */
  bibliography(): DocumentBibliography;
  /** A bibliography-file entry rendered in the brief's citation style. */
  renderReference(item: CslItem): string;
  /** The .csl files read with the bibliographies, by URI (undefined: the file could not be read). */
  readonly styleFiles: ReadonlyMap<string, string | undefined>;
  /** Why the host would not read a .csl file among them, by URI. */
  readonly unreadStyleFiles: ReadonlyMap<string, string>;
  /** False for files the brief may not read (outside the workspace). */
  mayRead(uri: string): boolean;
  /** How the writer lets BriefKit read a file outside the workspace, for the messages that refuse one. */
  readonly readOutsideHint: string;
  /** What the host's link checker found for a web address; undefined when not checked. */
  linkStatus(url: string): LinkCheckResult | undefined;
  /** The brief's bracketed citations rendered in a style, in one citeproc pass (cached by version and style). */
  renderCitations(style: StyleChoice): RenderedCitations;
}

/** A quick fix of a finding, built only when the editor asks for fixes there. */
export type Fix = Omit<BriefCodeAction, 'diagnosticCodes' | 'diagnosticRanges'> & {
  /** Findings whose fixes share a group get one action between them (one renumbering fixes every order problem). */
  group?: string;
};

/** A problem a check found: the diagnostic the writer sees, and how to fix it. */
export interface Finding {
  diagnostic: BriefDiagnostic;
  /** Where the fixes are offered, when wider than the diagnostic (the whole note, not only its title). */
  fixSpan?: Span;
  fixes?(): Fix[];
}

/** Every brief of the workspace, for a citation key's uses across briefs. */
export interface Workspace {
  /** Open briefs as the editor has them when the promise settles, the rest as saved (version -1). */
  documents(): Promise<BriefDocument[]>;
  /** A bibliography file the editor has open, as it has it now; undefined when it is not open. */
  bibliographyFile(uri: string): BriefTextDocument | undefined;
}

/**
 * One feature of the language service: the parts it has, each optional. The service asks every
 * feature in turn; for hover, definition, completion and references the first that answers wins.
 */
export interface Feature {
  readonly name: string;
  /** The feature's checks, in groups that read different parts of a brief; their findings come in this order. */
  checks?: readonly FeatureCheck[];
  completions?(context: FeatureContext, offset: number): BriefCompletionList | undefined;
  hover?(context: FeatureContext, offset: number): BriefHover | undefined;
  /** Undefined when nothing of this feature is at `offset`. */
  definition?(context: FeatureContext, offset: number): BriefLocation[] | undefined;
  /** Undefined when nothing of this feature is at `offset`. */
  references?(context: FeatureContext, offset: number, includeDeclaration: boolean, workspace: Workspace): Promise<BriefLocation[]> | undefined;
  prepareRename?(context: FeatureContext, offset: number): { range: Range; placeholder: string } | undefined;
  /** Throws BriefUserError with a message for the writer when the new name cannot be used. */
  rename?(context: FeatureContext, offset: number, newName: string, workspace: Workspace): FileEdits[] | Promise<FileEdits[]> | undefined;
  symbols?(context: FeatureContext): BriefSymbol[];
  /** `style`: the citation style the writer chose for the brief. */
  inlayHints?(context: FeatureContext, style: StyleChoice): BriefInlayHint[];
  links?(context: FeatureContext): BriefLink[];
}

/** A group of a feature's checks, and what of the brief they read. */
export interface FeatureCheck {
  diagnostics(context: FeatureContext): Finding[];
  /**
   * Everything these checks read (see BriefInput). After a word edit that changed none of it, the
   * previous version's findings stand (keptAcross); otherwise the group runs again.
   */
  readonly reads: readonly BriefInput[];
}

/** A finding whose fixes are built by `fixes` when asked for. */
export function finding(diagnostic: BriefDiagnostic, fixes?: () => Fix[], fixSpan?: Span): Finding {
  return { diagnostic, fixes, fixSpan };
}

/** The fixes of the findings that touch `range`, as code actions; fixes of one group become one action. */
export function fixesTouching(document: BriefDocument, findings: Finding[], range: Range): BriefCodeAction[] {
  const requested = spanOf(document, range);
  const actions: BriefCodeAction[] = [];
  const grouped = new Map<string, BriefCodeAction>();
  for (const found of findings) {
    if (!found.fixes || !touches(found.fixSpan ?? spanOf(document, found.diagnostic.range), requested)) continue;
    for (const { group, ...fix } of found.fixes()) {
      const existing = group === undefined ? undefined : grouped.get(group);
      if (existing) {
        existing.diagnosticCodes.push(found.diagnostic.code);
        existing.diagnosticRanges.push(found.diagnostic.range);
        continue;
      }
      const action: BriefCodeAction = { ...fix, diagnosticCodes: [found.diagnostic.code], diagnosticRanges: [found.diagnostic.range] };
      if (group !== undefined) grouped.set(group, action);
      actions.push(action);
    }
  }
  return actions;
}
