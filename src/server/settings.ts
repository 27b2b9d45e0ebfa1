import { DEFAULT_OPTIONS, type BriefOptions, type FootnotePlacement } from '../core';

/** The `briefkit` settings section as VS Code (or any LSP client) sends it. */
export interface BriefKitSettings {
  diagnostics?: { enabled?: unknown };
  footnotes?: { placement?: unknown };
  bibliography?: unknown;
}

const PLACEMENTS: readonly FootnotePlacement[] = ['after-punctuation', 'before-punctuation', 'off'];

/** The `briefkit.bibliography` paths and globs, as written (resolved against the workspace by the server). */
export function bibliographyPatterns(settings: BriefKitSettings | null | undefined): string[] {
  const value = settings?.bibliography;
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** Converts editor settings to core options, keeping the default for values of the wrong type. */
export function toBriefOptions(settings: BriefKitSettings | null | undefined, bibliographyFiles: string[]): BriefOptions {
  const enabled = settings?.diagnostics?.enabled;
  const placement = settings?.footnotes?.placement;
  return {
    diagnosticsEnabled: typeof enabled === 'boolean' ? enabled : DEFAULT_OPTIONS.diagnosticsEnabled,
    footnotePlacement: PLACEMENTS.includes(placement as FootnotePlacement) ? (placement as FootnotePlacement) : DEFAULT_OPTIONS.footnotePlacement,
    bibliographyFiles,
  };
}
