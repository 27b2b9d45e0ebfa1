import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LinkChecker } from '../../src/node/linkChecker';
import { loopbackSite } from '../helpers/loopbackSite';

const CLI = join(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('link checking (briefkit check --links) against a site on loopback', function () {
  this.timeout(30000);
  let site: Awaited<ReturnType<typeof loopbackSite>>;
  before(async () => {
    site = await loopbackSite();
  });
  after(() => {
    site.server.closeAllConnections();
    site.server.close();
  });

  it('reports a broken address with the archived copy as its fix, a moved one, and a slow one once; a fine one not at all', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefkit-links-'));
    try {
      const brief = [
        'Storms.[^1] Prices.[^2] Crossings.[^3] Slow.[^4]',
        '',
        `[^1]: Ada Okafor, “Grid Storms in Rural Counties,” *Energy Review*, 2025, ${site.base}/ok.`,
        `[^2]: Jane Doe, “Water Prices Rise Again in the North,” Reuters, 2024, ${site.base}/gone. Accessed May 4, 2024.`,
        `[^3]: Rick Roe, “Border Crossings Fall Sharply This Year,” BBC, 2024, ${site.base}/old.`,
        `[^4]: Ann Poe, “Slow Site Report on Rivers,” 2024, ${site.base}/slow.`,
        '',
      ].join('\n');
      writeFileSync(join(folder, 'brief.md'), brief);
      const { code, stdout } = await run(['check', 'brief.md', '--links', '--link-timeout', '500', '--format', 'json'], folder);
      const found = JSON.parse(stdout).files[0].diagnostics.filter((d: { code: string }) => d.code.startsWith('link.'));
      const line = (n: number) => brief.split('\n')[n];
      assert.deepEqual(
        found.map((d: { code: string; range: { start: { line: number; character: number } } }) => [d.code, d.range.start.line, d.range.start.character]),
        [
          ['link.broken', 3, line(3).indexOf(site.base)],
          ['link.moved', 4, line(4).indexOf(site.base)],
          ['link.unreachable', 5, line(5).indexOf(site.base)],
        ],
      );
      assert.equal(found[0].message, 'The address in footnote [^2] is broken: the site answered 404. Find where the source lives now, or cite the archived copy from the day you consulted it (2024-05-04).');
      assert.match(found[1].message, /^The address in footnote \[\^3\] now leads to “Quarterly Earnings Call Transcript \| Example Corp” \(http:\/\/127\.0\.0\.1:\d+\/other\), not to the cited “Border Crossings Fall Sharply This Year”/);
      assert.equal(found[2].severity, 'information');
      assert.equal(code, 0, 'link problems are warnings: the default --fail-on error passes');
      // HEAD first; GET only after a redirect; an honest user agent.
      assert.ok(site.requests.includes(`HEAD /ok BriefKit/0.1.0 (link check of a brief's citations)`), site.requests.join('\n'));
      assert.ok(!site.requests.some((r) => r.startsWith('GET /ok')), site.requests.join('\n'));
      assert.ok(site.requests.some((r) => r.startsWith('GET /old')));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('fetches each address once while its result is fresh, and a few at a time per host', async () => {
    const checker = new LinkChecker({ timeoutMs: 2000, perHost: 2 });
    const before = site.requests.length;
    const urls = Array.from({ length: 6 }, (_, i) => `${site.base}/held?${i}`);
    await Promise.all([checker.check(urls), checker.check(urls)]);
    assert.equal(site.requests.length - before, 6);
    await checker.check(urls);
    assert.equal(site.requests.length - before, 6);
    assert.deepEqual(checker.status(urls[0]), { status: 200 });
    assert.deepEqual(new LinkChecker().unchecked(urls), urls);
    assert.equal(site.mostAtOnce(), 2);
    // A site that refuses HEAD is asked again with GET, and is fine.
    await checker.check([`${site.base}/nohead`]);
    assert.equal(checker.status(`${site.base}/nohead`)?.status, 200);
  });

  it('does nothing without --links: no request leaves the machine', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefkit-links-'));
    try {
      writeFileSync(join(folder, 'brief.md'), `Prices.[^1]\n\n[^1]: Jane Doe, “Water Prices Rise,” Reuters, 2024, ${site.base}/gone.\n`);
      const before = site.requests.length;
      const { stdout } = await run(['check', 'brief.md', '--format', 'json'], folder);
      assert.deepEqual(JSON.parse(stdout).files[0].diagnostics.filter((d: { code: string }) => d.code.startsWith('link.')), []);
      assert.equal(site.requests.length, before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
