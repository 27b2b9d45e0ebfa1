import type { BriefDiagnostic, Severity } from '../core';

export interface FileReport {
  path: string;
  diagnostics: BriefDiagnostic[];
}

const COLOURS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/** `path:line:col: severity code message`, 1-based, one line per diagnostic. */
export function formatText(reports: FileReport[], colour: boolean): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const severity = colour ? `\u001b[${COLOURS[d.severity]}m${d.severity}\u001b[0m` : d.severity;
      lines.push(`${report.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code} ${d.message}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function formatJson(reports: FileReport[]): string {
  return (
    JSON.stringify({
      files: reports.map((report) => ({
        path: report.path,
        diagnostics: report.diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })),
      })),
    }) + '\n'
  );
}

export function summarize(reports: FileReport[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) for (const d of report.diagnostics) counts[d.severity]++;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${reports.length} ${reports.length === 1 ? 'file' : 'files'}`;
  if (total === 0) return `No problems found in ${files}.`;
  const parts = (Object.keys(counts) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'information' ? 'notice' : s}${counts[s] === 1 ? '' : 's'}`);
  return `${total} ${total === 1 ? 'problem' : 'problems'} in ${files}: ${parts.join(', ')}.`;
}
