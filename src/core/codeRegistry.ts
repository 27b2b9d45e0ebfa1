import type { Severity } from './types';

/**
 * Every diagnostic code BriefKit reports, declared once: its stable name (tools, tests and the
 * README's table rely on it), its default severity and what it means. Checks, code actions, the
 * preview and the CLI refer to these constants, so a misspelt code does not compile.
 */
export interface DiagnosticCodeInfo<C extends string = string> {
  readonly code: C;
  readonly severity: Severity;
  readonly meaning: string;
}

/** A family's slice of the registry, checked against its shape: each `features/<family>/codes.ts` holds one, and `diagnosticCodes.ts` joins them. */
export function defineCodes<const T extends Record<string, DiagnosticCodeInfo>>(codes: T): T {
  return codes;
}
