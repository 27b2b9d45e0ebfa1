import { DEFAULT_OPTIONS, type BriefOptions, type FootnotePlacement } from '../core';

/** The `briefkit` settings section as VS Code (or any LSP client) sends it. */
export interface BriefKitSettings {
  diagnostics?: { enabled?: unknown };
  footnotes?: { placement?: unknown };
}

const PLACEMENTS: readonly FootnotePlacement[] = ['after-punctuation', 'before-punctuation', 'off'];

/** Converts editor settings to core options, keeping the default for values of the wrong type. */
export function toBriefOptions(settings: BriefKitSettings | null | undefined): BriefOptions {
  const enabled = settings?.diagnostics?.enabled;
  const placement = settings?.footnotes?.placement;
  return {
    diagnosticsEnabled: typeof enabled === 'boolean' ? enabled : DEFAULT_OPTIONS.diagnosticsEnabled,
    footnotePlacement: PLACEMENTS.includes(placement as FootnotePlacement) ? (placement as FootnotePlacement) : DEFAULT_OPTIONS.footnotePlacement,
  };
}
