import { DEFAULT_OPTIONS, type BriefOptions } from '../core';

/** The `briefkit` settings section as VS Code (or any LSP client) sends it. */
export interface BriefKitSettings {
  diagnostics?: { enabled?: unknown };
}

/** Converts editor settings to core options, ignoring values of the wrong type. */
export function toBriefOptions(settings: BriefKitSettings | null | undefined): BriefOptions {
  const enabled = settings?.diagnostics?.enabled;
  return {
    diagnosticsEnabled: typeof enabled === 'boolean' ? enabled : DEFAULT_OPTIONS.diagnosticsEnabled,
  };
}
