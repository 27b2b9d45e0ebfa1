import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../dist/cli.js');

describe('briefkit fix', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, 'fix', ...args], { cwd: dir, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefkit-fix-'));
  });

  it('prints a unified diff and changes nothing without --write', () => {
    const text = 'A.[^2] B[^1].\n\n[^1]: One.\n[^2]: Two.\n';
    writeFileSync(join(dir, 'brief.md'), text);
    const { code, stdout, stderr } = run('brief.md');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '===================================================================',
        '--- a/brief.md',
        '+++ b/brief.md',
        '@@ -1,4 +1,4 @@',
        '-A.[^2] B[^1].',
        '+A.[^1] B.[^2]',
        ' ',
        '-[^1]: One.',
        '-[^2]: Two.',
        '+[^1]: Two.',
        '+[^2]: One.',
        '',
      ].join('\n'),
    );
    assert.equal(stderr, 'brief.md: would have renumbered footnotes in order of appearance; moved footnote markers to the house-style side of punctuation. Run with --write to save.\n');
    assert.equal(readFileSync(join(dir, 'brief.md'), 'utf8'), text);
  });

  it('with --write replaces the file atomically, keeping CRLF, a byte-order mark and permissions', () => {
    const path = join(dir, 'brief.md');
    writeFileSync(path, '\ufeffA.[^2] B.[^1]\r\n\r\n[^1]: One.\r\n[^2]: Two.\r\n[^2]: Two.\r\n');
    chmodSync(path, 0o640);
    const { code, stderr } = run('brief.md', '--write');
    assert.equal(code, 0);
    assert.equal(readFileSync(path, 'utf8'), '\ufeffA.[^1] B.[^2]\r\n\r\n[^1]: Two.\r\n[^2]: One.\r\n');
    assert.equal(statSync(path).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['brief.md']);
    assert.match(stderr, /^brief\.md: renumbered footnotes in order of appearance; deleted notes written twice with the same text\. Saved\.\n$/);
  });

  it('applies only the fixes named with --only', () => {
    writeFileSync(join(dir, 'brief.md'), 'A.[^2] B[^1].\n\n[^1]: One.\n[^2]: Two.\n');
    run('brief.md', '--write', '--only', 'placement');
    assert.equal(readFileSync(join(dir, 'brief.md'), 'utf8'), 'A.[^2] B.[^1]\n\n[^1]: One.\n[^2]: Two.\n');
  });

  it('says when there is nothing to fix, and exits 2 for bad input or an unknown fix', () => {
    writeFileSync(join(dir, 'clean.md'), 'A.[^1]\n\n[^1]: One.\n');
    assert.deepEqual(run('clean.md'), { code: 0, stdout: '', stderr: 'clean.md: nothing to fix.\n' });
    assert.equal(run('missing.md').code, 2);
    const unknown = run('clean.md', '--only', 'spelling');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^briefkit: Unknown fix "spelling"; choose from convert, renumber, placement, duplicates\.\n/);
  });
});
