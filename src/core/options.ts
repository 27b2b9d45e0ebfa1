/**
 * Where the house style puts a footnote marker relative to punctuation. `auto`: as the brief's
 * own markers do when four in five agree, else after (Chicago).
 */
export type FootnotePlacement = 'auto' | 'after-punctuation' | 'before-punctuation' | 'off';

/** "Ibid." in notes: `allow`, or `discourage` as Chicago 17 does (the short form instead). */
export type FootnoteIbid = 'allow' | 'discourage';

import type { ClaimOptions } from './features/claim/claimDetector';
import type { Severity } from './types';

/** Options of the core, converted once from editor settings or CLI flags by each host. */
export interface BriefOptions {
  /** When false, no diagnostics are reported (the document is still parsed for navigation). */
  diagnosticsEnabled: boolean;
  footnotePlacement: FootnotePlacement;
  footnoteIbid: FootnoteIbid;
  /** Bibliography files (URIs) every brief draws on, besides those its front matter names. */
  bibliographyFiles: string[];
  claims: ClaimOptions & { severity: Severity };
  /** The citation style: a style's name or the URI of a .csl file (a brief's `csl:` front matter overrides it). */
  citationStyle: string;
  /** The locale for dates and terms in rendered references (a brief's `lang:` front matter overrides it). */
  citationLocale?: string;
  /** Rendered citations and named notes' numbers shown inside the text. */
  inlayHints: boolean;
  /** Report broken and moved web addresses in notes and the Bibliography (the host fetches them). */
  linksCheck: boolean;
}

export const DEFAULT_OPTIONS: BriefOptions = {
  diagnosticsEnabled: true,
  footnotePlacement: 'auto',
  footnoteIbid: 'allow',
  bibliographyFiles: [],
  citationStyle: 'chicago-note-bibliography',
  inlayHints: true,
  linksCheck: false,
  claims: { enabled: true, scope: 'passage', sensitivity: 'balanced', severity: 'information', reportingVerbs: [], hedges: [] },
};
