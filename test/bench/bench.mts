/**
 * `npm run bench [-- --json]`: BriefKit against the tools a writer would otherwise run, on the
 * same generated inputs in the same run. Each figure is the median and p95 of repeated runs
 * after warm-up runs. Not part of `npm test`: timings belong in benchmarks, not unit tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkLint from 'remark-lint';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import remarkLintNoUnusedDefinitions from 'remark-lint-no-unused-definitions';
import { lint as markdownlint } from 'markdownlint/sync';
import { parse as retorquereParse } from '@retorquere/bibtex-parser';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { LspTestClient } from '../helpers/lspClient';
import { generateBibtex, generateBrief } from './generate';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const coreBundle = join(ROOT, 'out/bench/core.cjs');
await build({
  entryPoints: [join(ROOT, 'test/bench/benchCore.ts')],
  outfile: coreBundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});
const { claimContexts, createBriefService, DEFAULT_OPTIONS, parseBibliographyFile, renderBibliographyEntries, scoreSentence, wordListsFor } = createRequire(
  import.meta.url,
)(coreBundle) as typeof import('./benchCore');
const json = process.argv.includes('--json');
/** `--only 2b,7`: run only these sections (while working on one); every section by default. */
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
function wanted(section: string): boolean {
  return !only || only.includes(section);
}

interface Result {
  workload: string;
  size: string;
  tool: string;
  medianMs: number;
  p95Ms: number;
  runs: number;
}
const results: Result[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** Times `run`; with `selfTimed`, `run` returns the milliseconds of the part that counts (set-up excluded). */
async function measure(workload: string, size: string, tool: string, run: (i: number) => unknown, runs = 15, warmup = 3, selfTimed = false): Promise<Result> {
  for (let i = 0; i < warmup; i++) await run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const value = await run(i);
    times.push(selfTimed ? Number(value) : performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = { workload, size, tool, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), runs };
  results.push(result);
  if (!json)
    console.log(
      `${workload.padEnd(34)} ${size.padEnd(11)} ${tool.padEnd(40)} median ${result.medianMs.toFixed(1).padStart(8)} ms   p95 ${result.p95Ms.toFixed(1).padStart(8)} ms`,
    );
  return result;
}

/**
 * Two tools timed in alternation, run by run, so both see the same machine: on a shared machine
 * timings drift by half between minutes, which separate blocks of runs would turn into a verdict.
 */
/**
 * CPU time a process has spent, in milliseconds, from the scheduler's per-thread counters
 * (/proc/<pid>/task/<tid>/schedstat, in nanoseconds): every thread of the server counts, its main
 * thread, the bibliography worker and V8's collector. Undefined where /proc is not there.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/task`)) return undefined;
  let nanoseconds = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return nanoseconds / 1e6;
}

function report(workload: string, size: string, tool: string, values: number[], runs: number): void {
  const sorted = [...values].sort((x, y) => x - y);
  const result = { workload, size, tool, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95), runs };
  results.push(result);
  if (!json)
    console.log(
      `${workload.padEnd(34)} ${size.padEnd(11)} ${tool.padEnd(40)} median ${result.medianMs.toFixed(1).padStart(8)} ms   p95 ${result.p95Ms.toFixed(1).padStart(8)} ms`,
    );
}

/**
 * Runs `a` and `b` in turn, `runs` times after warm-up, and reports each one's wall time. With
 * `serverPid`, also the CPU time the server spent from the start of one `a` to the start of the
 * next (so work it does after answering counts), and the CPU time this process spent in each `b`.
 */
async function measurePair(
  workload: string,
  size: string,
  a: [string, () => unknown],
  b: [string, () => unknown],
  runs: number,
  serverPid?: number,
): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await a[1]();
    await b[1]();
  }
  const times: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    const serverBefore = processCpuMs(serverPid);
    for (const [k, [, run]] of [a, b].entries()) {
      if (k === 0) collectGarbage();
      const own = process.cpuUsage();
      const start = performance.now();
      await run();
      times[k].push(performance.now() - start);
      const used = process.cpuUsage(own);
      if (k === 1) cpu[1].push((used.user + used.system) / 1000);
    }
    const serverAfter = processCpuMs(serverPid);
    if (serverBefore !== undefined && serverAfter !== undefined) cpu[0].push(serverAfter - serverBefore);
  }
  for (const [k, [tool]] of [a, b].entries()) report(workload, size, tool, times[k], runs);
  if (cpu[0].length > 0) {
    report(`${workload} (CPU time)`, size, `${a[0]}: server CPU`, cpu[0], runs);
    report(`${workload} (CPU time)`, size, `${b[0]}: CPU`, cpu[1], runs);
  }
}

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
function service(files: Record<string, string> = {}) {
  // Each call is a fresh core: its caches start empty.
  return createBriefService({ logger: quiet, getOptions: () => DEFAULT_OPTIONS, readFile: async (uri) => files[uri] });
}

const remarkProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
const remarkLintProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkLint)
  .use(remarkLintNoUndefinedReferences)
  .use(remarkLintNoUnusedDefinitions);

const sizes = [
  { size: '1.5k words', brief: generateBrief(1500, 30, 20), runs: 30 },
  { size: '20k words', brief: generateBrief(20000, 400, 300), runs: 15 },
  { size: '100k words', brief: generateBrief(100000, 2000, 1500), runs: 5 },
];

if (!json) console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);

// The server's sections first, while this process's own heap is small: its collector shares the
// two cores with the server (a prose keystroke measured 36 ms median run first, 76 ms after the rest).
// 1b. Opening through the real server over stdio: didOpen → diagnostics, every check, the brief's
// checked as soon as it opens, alternating with markdownlint run by run. Each run opens the text
// under a new name (cold).
if (wanted('1b')) {
  const { text } = sizes[1].brief;
  const client = new LspTestClient([join(ROOT, 'dist/server.js'), '--stdio']);
  await client.initialize();
  let opened = 0;
  await measurePair(
    '1b. open through the server',
    '20k words',
    [
      'didOpen → diagnostics',
      async () => {
        const uri = `file:///bench/open-${opened++}.md`;
        await client.open(uri, text);
        await client.nextDiagnostics(uri, undefined, 60000);
        await client.close(uri);
      },
    ],
    ['peer: markdownlint, same run', () => markdownlint({ strings: { brief: text } })],
    15,
    client.pid,
  );
  await client.shutdown();
}

// 2b. The real server over stdio: didChange to published diagnostics, one character typed (and
// taken back) in the middle of the brief, in the Bibliography list and in the notes. With the
// typing pause (briefkit.diagnostics.delay) at 0 this is the server's own work; the default
// 150 ms pause is measured once more as users have it.
if (wanted('2b')) {
  const { text } = sizes[1].brief;
  const lines = text.split('\n');
  const places = [
    ['prose', lines.findIndex((line, i) => i > lines.length / 4 && /^[A-Z]/.test(line))],
    ['Bibliography entry', lines.findIndex((line, i) => i > lines.indexOf('## Bibliography') + 150 && line.startsWith('- '))],
    ['note', lines.findIndex((line) => /^\[\^200\]:/.test(line))],
  ] as const;
  for (const delay of [0, 150]) {
    const client = new LspTestClient([join(ROOT, 'dist/server.js'), '--stdio']);
    client.settings = { diagnostics: { delay } };
    await client.initialize();
    const uri = 'file:///bench/brief.md';
    await client.open(uri, text);
    await client.nextDiagnostics(uri, undefined, 60000);
    let v = 2;
    for (const [where, line] of delay === 0 ? places : places.slice(0, 1)) {
      let typed = false;
      const keystroke = async () => {
        const version = v++;
        // Typed after the line's first word, so a list item stays a list item.
        const at = lines[line].indexOf(' ') + 1;
        typed = !typed;
        const change = typed
          ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' }
          : { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
        await client.change(uri, version, [change]);
        await client.nextDiagnostics(uri, (p) => p.version === version, 60000);
      };
      const tool = delay === 0 ? `didChange → diagnostics, ${where} (delay 0)` : 'didChange → diagnostics (150 ms pause)';
      await measurePair(
        '2b. keystroke through the server',
        '20k words',
        [tool, keystroke],
        ['peer: markdownlint full lint, same run', () => markdownlint({ strings: { brief: text } })],
        20,
        client.pid,
      );
    }
    await client.shutdown();
  }
}

// 2d. The bibliography panel through the server while typing: after a keystroke that changes a
// Bibliography entry (the cited works change, so citeproc must render again), the panel's request is
// answered with the previous rendering; the new one arrives in the worker thread.
if (wanted('2d')) {
  const folder = mkdtempSync(join(tmpdir(), 'briefkit-bench-panel-'));
  writeFileSync(join(folder, 'refs.bib'), generateBibtex(300));
  const keys = [...generateBibtex(300).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
  const prose = keys.map((key, i) => `Finding ${i} was reported [@${key}].`).join('\n\n');
  const text = `---\nbibliography: refs.bib\n---\n\n${prose}\n`;
  const client = new LspTestClient([join(ROOT, 'dist/server.js'), '--stdio']);
  client.settings = { diagnostics: { delay: 0 } };
  await client.initialize(folder);
  const uri = pathToFileURL(join(folder, 'brief.md')).href;
  await client.open(uri, text);
  await client.nextDiagnostics(uri, undefined, 60000);
  const ask = () => client.connection.sendRequest('briefkit/bibliography', { uri, order: 'style' }) as Promise<{ updating?: boolean }>;
  const firstStart = performance.now();
  await ask();
  if (!json)
    console.log(`2d. panel through the server        300 works   first rendering (worker, cold citeproc): ${(performance.now() - firstStart).toFixed(0)} ms`);
  // Each keystroke cites a different work first, so the works' order (and citeproc's input) changes.
  const line = 4;
  let version = 2;
  let cited = 0;
  const answers: number[] = [];
  const rendered: number[] = [];
  for (let i = 0; i < 13; i++) {
    const key = keys[(cited++ * 7) % keys.length];
    await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `[@${key}] ` }]);
    await client.nextDiagnostics(uri, (p) => p.version === version, 60000);
    version++;
    const start = performance.now();
    const answer = await ask();
    const answered = performance.now() - start;
    if (answer.updating) await client.nextBibliographyRendered(uri, 60000);
    if (i >= 3) {
      answers.push(answered);
      rendered.push(performance.now() - start);
    }
  }
  await client.shutdown();
  for (const [tool, times] of [
    ['request answered (previous rendering)', answers],
    ['new rendering ready (worker)', rendered],
  ] as const) {
    const sorted = [...times].sort((a, b) => a - b);
    const result = {
      workload: '2d. panel through the server',
      size: '300 works',
      tool,
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      runs: sorted.length,
    };
    results.push(result);
    if (!json)
      console.log(
        `${result.workload.padEnd(34)} ${result.size.padEnd(11)} ${tool.padEnd(40)} median ${result.medianMs.toFixed(1).padStart(8)} ms   p95 ${result.p95Ms.toFixed(1).padStart(8)} ms`,
      );
  }
}

// 2c. Memory: the server's resident set after opening the 20,000-word brief with a 10,000-entry
// .bib from disk, then after 100 and after 1,000 open/close cycles of different 1,500-word briefs;
// each read at once and again after 2 s of rest (the server collects when idle a second after a close).
if (wanted('2c')) {
  const folder = mkdtempSync(join(tmpdir(), 'briefkit-bench-memory-'));
  writeFileSync(join(folder, 'refs.bib'), generateBibtex(10000));
  const briefPath = join(folder, 'brief.md');
  writeFileSync(briefPath, `---\nbibliography: refs.bib\n---\n\n${sizes[1].brief.text}`);
  const client = new LspTestClient([join(ROOT, 'dist/server.js'), '--stdio']);
  await client.initialize(folder);
  const residentMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const uri = pathToFileURL(briefPath).href;
  await client.open(uri, readFileSync(briefPath, 'utf8'));
  await client.nextDiagnostics(uri, undefined, 120000);
  const rest = () => new Promise((resolve) => setTimeout(resolve, 2000));
  const readings: Array<[string, number]> = [];
  const read = async (what: string) => {
    readings.push([what, residentMiB()]);
    await rest();
    readings.push([`${what}, at rest`, residentMiB()]);
  };
  await read('20k-word brief + 10,000-entry .bib open');
  const cycle = async (i: number) => {
    const small = `file:///bench/cycle-${i}.md`;
    await client.open(small, generateBrief(1500, 30, 20, i + 2).text);
    await client.nextDiagnostics(small, undefined, 60000);
    await client.close(small);
  };
  for (let i = 0; i < 100; i++) await cycle(i);
  await read('after 100 open/close cycles');
  for (let i = 100; i < 1000; i++) await cycle(i);
  await read('after 1,000 open/close cycles');
  await client.shutdown();
  for (const [tool, mib] of readings) {
    results.push({ workload: '2c. server memory (MiB resident)', size: '', tool, medianMs: mib, p95Ms: mib, runs: 1 });
    if (!json) console.log(`${'2c. server memory'.padEnd(34)} ${''.padEnd(11)} ${tool.padEnd(50)} ${mib.toFixed(0).padStart(8)} MiB`);
  }
}

// 2e. Memory while typing in a 5 MB brief (about 800,000 words, far past any brief): the server's
// resident set after opening it, its peak over 1,000 one-character edits 20 ms apart in the middle,
// and 3 s after. Most of the peak is garbage not yet collected: the old generation grows with
// what each version's model leaves (run the server with --max-old-space-size=400 to see the floor).
if (wanted('2e')) {
  const text = generateBrief(800_000, 4000, 300, 7).text;
  const client = new LspTestClient([join(ROOT, 'dist/server.js'), '--stdio']);
  await client.initialize();
  const status = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const uri = 'file:///bench/five-megabytes.md';
  await client.open(uri, text);
  await client.nextDiagnostics(uri, undefined, 300000);
  const readings: Array<[string, number]> = [['5 MB brief open', status('VmRSS')]];
  const line = Math.floor(text.split('\n').length / 2);
  for (let i = 0; i < 1000; i++) {
    await client.change(uri, i + 2, [{ range: { start: { line, character: i }, end: { line, character: i } }, text: 'x' }]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await client.nextDiagnostics(uri, undefined, 300000);
  readings.push(['peak over 1,000 keystrokes', status('VmHWM')]);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  readings.push(['3 s after the last', status('VmRSS')]);
  await client.shutdown();
  for (const [tool, mib] of readings) {
    results.push({ workload: '2e. typing in a 5 MB brief (MiB resident)', size: '', tool, medianMs: mib, p95Ms: mib, runs: 1 });
    if (!json) console.log(`${'2e. typing in a 5 MB brief'.padEnd(34)} ${''.padEnd(11)} ${tool.padEnd(50)} ${mib.toFixed(0).padStart(8)} MiB`);
  }
}

// 7. Scale: briefkit check over a folder of 1,000 generated briefs, on every core (worker threads)
// and in one, against markdownlint-cli2 on the same folder, alternating, in files per second.
if (wanted('7')) {
  const folder = mkdtempSync(join(tmpdir(), 'briefkit-bench-folder-'));
  for (let i = 0; i < 1000; i++) writeFileSync(join(folder, `brief-${String(i).padStart(4, '0')}.md`), generateBrief(1500, 30, 20, i + 5000).text);
  const cli = join(ROOT, 'dist/cli.js');
  const runs: Array<[string, string[]]> = [
    [`briefkit check, every core (${cpus().length})`, [cli, 'check', folder, '--format', 'json', '--fail-on', 'never']],
    ['briefkit check --jobs 1', [cli, 'check', folder, '--format', 'json', '--fail-on', 'never', '--jobs', '1']],
    ['peer: markdownlint-cli2', [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${folder}/*.md`]],
  ];
  const seconds: number[][] = runs.map(() => []);
  for (let round = 0; round < 3; round++) {
    runs.forEach(([, args], k) => {
      const start = performance.now();
      spawnSync(process.execPath, args, { stdio: 'ignore', maxBuffer: 1 << 30 });
      seconds[k].push((performance.now() - start) / 1000);
    });
  }
  runs.forEach(([tool], k) => {
    const median = seconds[k].sort((a, b) => a - b)[1];
    results.push({ workload: '7. check a folder (files/s)', size: '1,000 briefs', tool, medianMs: 1000 / median, p95Ms: 1000 / seconds[k][2], runs: 3 });
    if (!json)
      console.log(
        `${'7. check a folder'.padEnd(34)} ${'1,000 briefs'.padEnd(11)} ${tool.padEnd(40)} ${(1000 / median).toFixed(0).padStart(8)} files/s (median of 3, ${median.toFixed(1)} s)`,
      );
  });
}

if (wanted('1'))
  for (const { size, brief, runs } of sizes) {
    const text = brief.text;
    await measure('1. full analysis', size, 'peer: remark-parse + remark-gfm (parse only)', () => remarkProcessor.parse(text), runs);
    await measure('1. full analysis', size, 'peer: remark-lint (2 definition rules)', () => remarkLintProcessor.run(remarkLintProcessor.parse(text)), runs);
    await measure('1. full analysis', size, 'peer: markdownlint (default rules)', () => markdownlint({ strings: { brief: text } }), runs);
    await measure(
      '1. full analysis',
      size,
      'BriefKit, cold (new service)',
      (i) => service().computeDiagnostics({ uri: `file:///b${i}.md`, version: 1, getText: () => text }),
      runs,
    );
    let pair = 0;
    await measurePair(
      '1c. open, alternating with the peer',
      size,
      ['BriefKit, cold (new service)', () => service().computeDiagnostics({ uri: `file:///pair${pair++}.md`, version: 1, getText: () => text })],
      ['peer: markdownlint (default rules)', () => markdownlint({ strings: { brief: text } })],
      Math.max(runs, 15),
    );
    const warm = service();
    warm.computeDiagnostics({ uri: 'file:///w.md', version: 0, getText: () => text });
    await measure(
      '1. full analysis',
      size,
      'BriefKit, warm (same text, new version)',
      (i) => warm.computeDiagnostics({ uri: 'file:///w.md', version: i + 10, getText: () => text }),
      runs,
    );
    const lists = wordListsFor(DEFAULT_OPTIONS.claims);
    const scored = warm.getDocument({ uri: 'file:///w.md', version: 5, getText: () => text });
    await measure(
      '1a. claims (score every sentence)',
      size,
      'BriefKit claim model, cold: contexts and every sentence, no cache',
      () => {
        const contexts = claimContexts(scored);
        scored.sentences.forEach((s) => scoreSentence(s.text, contexts.get(s)!, lists));
      },
      runs,
    );

    // 2. One character typed in the middle of the brief, as the server sees each keystroke.
    const middle = text.indexOf('. ', Math.floor(text.length / 2));
    const keystroke = service();
    keystroke.computeDiagnostics({ uri: 'file:///k.md', version: 0, getText: () => text });
    let version = 1;
    await measure(
      '2. re-analysis after a keystroke',
      size,
      'BriefKit (core)',
      (i) => {
        const edited = i % 2 === 0 ? text.slice(0, middle) + 'x' + text.slice(middle) : text;
        keystroke.computeDiagnostics({ uri: 'file:///k.md', version: version++, getText: () => edited });
      },
      Math.max(runs, 20),
    );
  }

// 3. Completion.
if (wanted('3')) {
  const { text } = sizes[1].brief;
  const at = text.indexOf('\n\n', Math.floor(text.length / 2));
  const withMarker = `${text.slice(0, at)} Also[^${text.slice(at)}`;
  const s = service();
  const doc = { uri: 'file:///c.md', version: 1, getText: () => withMarker };
  const lines = withMarker.slice(0, at + 7).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  s.getDocument(doc);
  await measure('3. completion at [^', '20k words', 'BriefKit (400 notes)', () => s.getCompletions(doc, position), 30);
  for (const count of [100, 10000]) {
    const files = { 'file:///bench/refs.bib': generateBibtex(count) };
    const cs = service(files);
    const source = '---\nbibliography: refs.bib\n---\n\nSee [@ok';
    const cdoc = { uri: 'file:///bench/c.md', version: 1, getText: () => source };
    await cs.loadBibliographies(cdoc);
    await measure('3. completion at [@', `${count} entries`, 'BriefKit, typed "ok"', () => cs.getCompletions(cdoc, { line: 4, character: 8 }), 30);
    const empty = { uri: 'file:///bench/e.md', version: 1, getText: () => '---\nbibliography: refs.bib\n---\n\nSee [@' };
    await cs.loadBibliographies(empty);
    await measure('3. completion at [@', `${count} entries`, 'BriefKit, nothing typed yet', () => cs.getCompletions(empty, { line: 4, character: 6 }), 30);
  }
}

// 4. Loading bibliography files.
const bibtex = generateBibtex(10000);
const parsed = parseBibliographyFile('file:///bench/refs.bib', bibtex);
const cslJson = JSON.stringify(parsed.entries.map((e) => e.item));
if (wanted('4'))
  await measure(
    '4. load a bibliography file',
    '10k entries',
    'BriefKit BibTeX (citation-js)',
    () => parseBibliographyFile('file:///bench/refs.bib', bibtex),
    5,
    1,
  );
if (wanted('4'))
  await measure(
    '4. load a bibliography file',
    '10k entries',
    'BriefKit CSL-JSON (citation-js)',
    () => parseBibliographyFile('file:///bench/refs.json', cslJson),
    5,
    1,
  );
if (wanted('4')) await measure('4. load a bibliography file', '10k entries', 'peer: @retorquere/bibtex-parser (BibTeX)', () => retorquereParse(bibtex), 5, 1);

// 5. Rendering 300 entries in Chicago author-date (citation-js + citeproc, the engine BriefKit renders with).
if (wanted('5')) {
  const items = parsed.entries.slice(0, 300).map((e) => e.item);
  const first = performance.now();
  const entries = renderBibliographyEntries(items, 'chicago-author-date');
  if (!json)
    console.log(
      `5. render a bibliography            300 entries first render (style and locale load): ${(performance.now() - first).toFixed(0)} ms, ${entries.length} entries`,
    );
  await measure(
    '5. render a bibliography',
    '300 entries',
    'citeproc-js engine via citation-js, Chicago author-date',
    () => renderBibliographyEntries(items, 'chicago-author-date'),
    10,
    2,
  );
}

// 5b. The bibliography panel after a keystroke: the server has just checked the new version, then the
// panel asks for the rendered entries with their problems (250 ms after the last keystroke).
if (wanted('5b'))
  for (const { size, brief } of [sizes[0], sizes[1]]) {
    const { text } = brief;
    const s = service();
    const middle = text.indexOf('. ', Math.floor(text.length / 2));
    let version = 1;
    const first = { uri: 'file:///p.md', version: version++, getText: () => text };
    s.computeDiagnostics(first);
    const started = performance.now();
    const entries = s.getBibliographyPreview(first, s.getStyle(first, 'chicago-author-date'), 'style').length;
    if (!json)
      console.log(
        `5b. preview request                 ${size.padEnd(11)} first (cold citeproc): ${(performance.now() - started).toFixed(0)} ms, ${entries} works`,
      );
    await measure(
      '5b. preview after a keystroke',
      size,
      'bibliography request (checks already run)',
      (i) => {
        const edited = i % 2 === 0 ? text.slice(0, middle) + 'x' + text.slice(middle) : text;
        const doc = { uri: 'file:///p.md', version: version++, getText: () => edited };
        s.computeDiagnostics(doc);
        const t = performance.now();
        s.getBibliographyPreview(doc, s.getStyle(doc, 'chicago-author-date'), 'style');
        return performance.now() - t;
      },
      20,
      3,
      true,
    );
  }

// 6. Activation (loading the extension bundle) and package size.
if (wanted('6')) {
  const scratch = mkdtempSync(join(tmpdir(), 'briefkit-bench-'));
  const stub = join(scratch, 'vscode.js');
  // A stand-in for the vscode module: each namespace, and every property, call and construction on it, gives the stand-in again.
  const namespaces = [
    'window',
    'workspace',
    'commands',
    'languages',
    'env',
    'extensions',
    'Uri',
    'Range',
    'Position',
    'ViewColumn',
    'Disposable',
    'EventEmitter',
  ];
  writeFileSync(
    stub,
    `const p = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : p), apply: () => p, construct: () => p }); module.exports = Object.fromEntries(${JSON.stringify(namespaces)}.map((k) => [k, p]));`,
  );
  // Inside a fresh process: require the bundle and call activate(), timed until it returns (Node's own start-up excluded).
  const script = `const M=require('module');const r=M._resolveFilename;M._resolveFilename=function(req,...a){return req==='vscode'?${JSON.stringify(stub)}:r.call(this,req,...a)};const t=process.hrtime.bigint();const m=require(${JSON.stringify(join(ROOT, 'dist/extension.js'))});m.activate({subscriptions:[],asAbsolutePath:(p)=>p});console.log(Number(process.hrtime.bigint()-t)/1e6);process.exit(0)`;
  await measure(
    '6. activation',
    'extension.js',
    'require the bundle + activate() (fresh Node process)',
    () => Number(execFileSync(process.execPath, ['-e', script]).toString()),
    10,
    2,
    true,
  );
  const vsix = join(ROOT, 'briefkit.vsix');
  if (!existsSync(vsix)) spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const kb = statSync(vsix).size / 1024;
  results.push({ workload: '6. package size', size: '.vsix', tool: 'briefkit.vsix (KB)', medianMs: kb, p95Ms: kb, runs: 1 });
  if (!json) console.log(`6. package size                     .vsix       briefkit.vsix                            ${kb.toFixed(0)} KB`);
}

if (json)
  console.log(
    JSON.stringify(
      { machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, results },
      null,
      2,
    ),
  );
