import { createBriefService, DEFAULT_OPTIONS } from './benchCore';
import { FEATURES } from '../../src/core/features';
import { generateBrief } from './generate';
import * as bc from '../../src/core/features/sources/bibliographyChecks';
import * as sc from '../../src/core/features/sources/sourceChecks';
import * as ad from '../../src/core/features/sources/authorDateChecks';
import * as nd from '../../src/core/features/sources/noteDiscipline';
import { SourceIndex } from '../../src/core/features/sources/sourceIndex';

const { text } = generateBrief(20000, 400, 300);
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const per = new Map<string, number[]>();
for (const f of FEATURES as any[]) { const d = f.diagnostics; if (!d) continue; f.diagnostics = (c: any) => { const t = performance.now(); const r = d(c); (per.get(f.name) ?? per.set(f.name, []).get(f.name)!).push(performance.now() - t); return r; }; }
const sub = new Map<string, number[]>();
(FEATURES as any[]).find((f) => f.name === 'sources').diagnostics = (c: any) => {
  const d = c.document; const out: any[] = [];
  const time = (name: string, fn: () => any) => { const t = performance.now(); const r = fn(); (sub.get(name) ?? sub.set(name, []).get(name)!).push(performance.now() - t); return r; };
  time('index', () => SourceIndex.of(d));
  out.push(...time('dup', () => bc.findDuplicateBibliographyEntries(d)), ...time('unsorted', () => bc.findUnsortedBibliography(d)), ...time('uncited', () => bc.findUncitedBibliographyEntries(d, [])), ...time('authordate', () => ad.findUnmatchedAuthorDateCitations(d)), ...time('missing', () => sc.findSourcesMissingFromBibliography(d)), ...time('mismatch', () => sc.findSourceMismatches(d)), ...time('incomplete', () => sc.findIncompleteSources(d)), ...time('urltitle', () => sc.findUrlTitleMismatches(d)), ...time('discipline', () => nd.findNoteDisciplineProblems(d, 'allow')));
  return out;
};
const s = createBriefService({ logger: quiet, getOptions: () => DEFAULT_OPTIONS, readFile: async () => undefined });
const mode = process.argv[2] ?? 'prose';
const lines = text.split('\n');
const line = mode === 'prose' ? lines.findIndex((l, i) => i > lines.length / 4 && /^[A-Z]/.test(l)) : mode === 'note' ? lines.findIndex((l) => /^\[\^200\]:/.test(l)) : lines.findIndex((l, i) => i > lines.indexOf('## Bibliography') + 150 && l.startsWith('- '));
const offset = lines.slice(0, line).join('\n').length + 1 + lines[line].indexOf(' ') + 1;
s.computeDiagnostics({ uri: 'file:///k.md', version: 0, getText: () => text });
per.clear(); sub.clear();
import { Session } from 'node:inspector/promises';
const session = new Session(); session.connect();
if (process.env.HEAP) await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as any);
const parse: number[] = [], total: number[] = [];
for (let i = 1; i <= 200; i++) {
  const edited = i % 2 ? text.slice(0, offset) + 'x' + text.slice(offset) : text;
  const doc = { uri: 'file:///k.md', version: i, getText: () => edited };
  const t0 = performance.now(); s.getDocument(doc); const t1 = performance.now(); s.computeDiagnostics(doc); const t2 = performance.now();
  parse.push(t1 - t0); total.push(t2 - t0);
}
if (process.env.HEAP) {
  const { profile } = await session.post('HeapProfiler.stopSampling') as any;
  const self = new Map<string, number>();
  const walk = (n: any, stack: string[]) => { const parentName = stack[stack.length-1] ?? ""; const k = (["replace","slice","set","exec","trim","push"].includes(n.callFrame.functionName) ? parentName + ">" : "") + `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.includes('__filename') ? n.callFrame.url.slice(0,300).match(/__filename%3D%22(.*?)%22/)?.[1]?.split('/').pop() : n.callFrame.url.split('/').pop().slice(0, 40)}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + n.selfSize); for (const c of n.children) walk(c, [...stack, `${n.callFrame.functionName}`]); };
  walk(profile.head, []);
  let total = 0; for (const v of self.values()) total += v;
  console.log('allocated MB per keystroke', (total / 200 / 1e6).toFixed(2));
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 200 / 1e3).toFixed(0).padStart(6)} KB ${k}`).join('\n'));
}
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return `${s[s.length >> 1].toFixed(2)}/${s[Math.floor(s.length * 0.95)].toFixed(2)}`; };
console.log([...sub].map(([k, v]) => `${k} ${med(v)}`).join('  '));
console.log(mode, 'total', med(total), 'parse', med(parse), [...per].map(([k, v]) => `${k} ${med(v)}`).join('  '));
