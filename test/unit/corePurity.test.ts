import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('src/core stays host-agnostic', () => {
  it('imports neither vscode nor any Node built-in, so it can run in a browser worker', () => {
    const forbidden = new Set(['vscode', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const offenders: string[] = [];
    const files = sourceFiles(join(__dirname, '../../src/core'));
    assert.ok(files.length > 5);
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        const name = match[1].startsWith('@') ? match[1].split('/').slice(0, 2).join('/') : match[1].split('/')[0];
        if (forbidden.has(name) || forbidden.has(match[1])) offenders.push(`${file}: ${match[1]}`);
      }
      if (/\bprocess\.|\bBuffer\b|\brequire\(/.test(readFileSync(file, 'utf8'))) offenders.push(`${file}: uses a Node global`);
    }
    assert.deepEqual(offenders, []);
  });
});
