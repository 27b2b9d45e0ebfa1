import { LspTestClient } from '../helpers/lspClient';
import { generateBrief } from './generate';
const mode = process.argv[2] ?? 'prose';
const { text } = generateBrief(20000, 400, 300);
const lines = text.split('\n');
const client = new LspTestClient(['--cpu-prof', '--cpu-prof-dir=/tmp/prof/out', '/tmp/prof/dist/server.js', '--stdio']);
client.settings = { diagnostics: { delay: 0 } };
await client.initialize();
const uri = 'file:///bench/brief.md';
await client.open(uri, text);
await client.nextDiagnostics(uri, undefined, 60000);
const line = mode === 'prose' ? lines.findIndex((l, i) => i > lines.length / 4 && /^[A-Z]/.test(l)) : mode === 'note' ? lines.findIndex((l) => /^\[\^200\]:/.test(l)) : lines.findIndex((l, i) => i > lines.indexOf('## Bibliography') + 150 && l.startsWith('- '));
const at = lines[line].indexOf(' ') + 1;
let v = 2; let typed = false; const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const version = v++; typed = !typed;
  const change = typed ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' } : { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
  const t = performance.now();
  await client.change(uri, version, [change]);
  await client.nextDiagnostics(uri, (p) => p.version === version, 60000);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(mode, 'median', times[100].toFixed(1), 'p95', times[190].toFixed(1));
await client.shutdown();
