import type { DiagnosticCode } from './diagnosticCodes';

/** Positions follow the Language Server Protocol: 0-based line, UTF-16 code-unit character. */
export interface Position {
  line: number;
  character: number;
}

/** A piece of the text as offsets (UTF-16 code units) from its start: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Severities from the most serious (0) down. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface BriefDiagnostic {
  /** Stable code such as `footnote.undefined`; tools and tests rely on it. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
}

/** The smallest view of a text document the core needs; LSP's TextDocument satisfies it. */
export interface BriefTextDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Cooperative cancellation, shaped like LSP's CancellationToken. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class OperationCancelled extends Error {
  constructor() {
    super('The operation was cancelled because the document changed.');
    this.name = 'OperationCancelled';
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) {
    throw new OperationCancelled();
  }
}
