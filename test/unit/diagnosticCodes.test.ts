import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_CODES, Codes } from '../../src/core/diagnosticCodes';

const root = join(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the registry of diagnostic codes', () => {
  const registered = ALL_CODES.map((c) => c.code);

  it('is the table of checks in docs/checks.md, code for code', () => {
    const checks = readFileSync(join(root, 'docs/checks.md'), 'utf8');
    const section = checks.slice(checks.indexOf('# What BriefKit checks'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Code |')));
    const documented = [...table.matchAll(/^\| (`[^|]+`) \|/gm)].flatMap((row) => [...row[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    assert.deepEqual([...documented].sort(), [...registered].sort());
  });

  it('declares every code once, and no other file in src spells one out', () => {
    assert.equal(new Set(registered).size, registered.length);
    const spelled: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      if (file.endsWith('diagnosticCodes.ts') || file.endsWith(`${'/'}codes.ts`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const code of registered) if (text.includes(`'${code}'`) || text.includes(`"${code}"`)) spelled.push(`${relative(root, file)}: ${code}`);
    }
    assert.deepEqual(spelled, []);
  });

  const features = join(root, 'src/core/features');
  const families = readdirSync(features, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it("is split by family: each folder of src/core/features holds its family's codes, and only those", () => {
    const prefixes = [...new Set(registered.map((code) => code.slice(0, code.indexOf('.'))))];
    assert.deepEqual([...families].sort(), [...prefixes].sort());
    for (const family of families) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each folder's slice, loaded by its path
      const slice = Object.values(require(join(features, family, 'codes')) as Record<string, Record<string, { code: string }>>)[0];
      assert.deepEqual(
        Object.values(slice).map((info) => info.code),
        registered.filter((code) => code.startsWith(`${family}.`)),
        family,
      );
    }
  });

  it('is reported only from the folder of its family, so a code is found in one hop', () => {
    const misplaced: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const use of readFileSync(file, 'utf8').matchAll(/diagnosticFor\(\s*Codes\.(\w+)/g)) {
        const code = Codes[use[1] as keyof typeof Codes].code;
        const folder = relative(features, file).split('/')[0];
        if (folder !== code.slice(0, code.indexOf('.'))) misplaced.push(`${relative(root, file)}: ${code}`);
      }
    }
    assert.deepEqual(misplaced, []);
  });

  it('keeps families apart: no feature folder imports another', () => {
    const crossing: string[] = [];
    for (const family of families) {
      for (const file of sourceFiles(join(features, family))) {
        for (const spec of readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)) {
          const other = /^\.\.\/([^./][^/]*)/.exec(spec[1]);
          if (other && families.includes(other[1])) crossing.push(`${relative(root, file)} imports ${spec[1]}`);
        }
      }
    }
    assert.deepEqual(crossing, []);
  });
});
