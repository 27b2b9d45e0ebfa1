/** Options of the core, converted once from editor settings or CLI flags by each host. */
export interface BriefOptions {
  /** When false, no diagnostics are reported (the document is still parsed for navigation). */
  diagnosticsEnabled: boolean;
}

export const DEFAULT_OPTIONS: BriefOptions = {
  diagnosticsEnabled: true,
};
