import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createCliService } from '../../src/cli/cliService';
const files = process.argv.slice(2);
(async () => {
  const s = createCliService();
  for (const f of files) {
    const text = readFileSync(f, 'utf8'); const d = { uri: pathToFileURL(f).href, version: 1, getText: () => text };
    await s.loadBibliographies(d);
    const model = s.getDocument(d);
    for (const diag of s.computeDiagnostics(d).filter((x) => x.code === 'claim.uncited')) {
      const start = model.lines.offsetAt(diag.range.start), end = model.lines.offsetAt(diag.range.end);
      console.log(`${f.split('/').slice(-1)[0].slice(0, 18)}| ${text.slice(start, end).replace(/\s+/g, ' ').slice(0, 210)}`);
    }
  }
})();
