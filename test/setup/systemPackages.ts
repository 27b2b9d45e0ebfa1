/**
 * `npm test`'s first step: the system packages the tests need, installed with apt-get where it
 * can (as root, or with sudo that needs no password), as `playwright install --with-deps` does;
 * otherwise it stops with the exact command to run. Nothing here runs for BriefKit's users.
 *
 * - chromium: the VS Code suite and the bibliography-panel tests drive a headless Chromium.
 * - ripgrep, libkrb5-dev: installing code-server (VS Code for the browser, where the VS Code
 *   suite runs) packs Debian's ripgrep instead of downloading one and builds a Kerberos module.
 * - citation-style-language-styles: the build ships its IEEE style (no npm package carries the
 *   independent ieee.csl).
 * - neovim, emacs-nox, elpa-eglot: the editor tests run the README's Neovim and Emacs set-ups.
 * - pandoc, cmark-gfm: the readers footnote.malformed is checked against (what they print as text).
 *   (Neovim 0.10 and Helix come from Debian 13 in newerEditors.ts, the step after this one.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED: Array<{ pkg: string; file: string }> = [
  { pkg: 'chromium', file: '/usr/bin/chromium' },
  { pkg: 'ripgrep', file: '/usr/bin/rg' },
  { pkg: 'libkrb5-dev', file: '/usr/include/krb5.h' },
  { pkg: 'citation-style-language-styles', file: '/usr/share/citation-style-language/styles/ieee.csl' },
  { pkg: 'neovim', file: '/usr/bin/nvim' },
  { pkg: 'emacs-nox', file: '/usr/bin/emacs' },
  { pkg: 'elpa-eglot', file: '/usr/share/doc/elpa-eglot' },
  { pkg: 'pandoc', file: '/usr/bin/pandoc' },
  { pkg: 'cmark-gfm', file: '/usr/bin/cmark-gfm' },
];

const missing = NEEDED.filter(({ file }) => !existsSync(file)).map(({ pkg }) => pkg);
if (missing.length === 0) process.exit(0);

const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...missing];
const command = `sudo apt-get update && sudo ${install.join(' ')}`;
const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (!hasAptGet || (!isRoot && !canSudo)) {
  console.error(`The tests need these system packages: ${missing.join(', ')}.`);
  console.error(
    hasAptGet
      ? `Install them, then run npm test again:\n\n  ${command}\n`
      : 'This machine has no apt-get: install the equivalent packages with its package manager, then run npm test again.',
  );
  process.exit(1);
}

console.log(`Installing the system packages the tests need: ${missing.join(', ')} (apt-get)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const run = (args: string[]) => execFileSync(isRoot ? args[0] : 'sudo', isRoot ? args.slice(1) : args, { stdio: 'inherit', env });
try {
  run(['apt-get', 'update', '-q']);
  run(install);
} catch {
  console.error(`apt-get could not install ${missing.join(', ')}. Run this, then npm test again:\n\n  ${command}\n`);
  process.exit(1);
}
const stillMissing = NEEDED.filter(({ file }) => !existsSync(file));
if (stillMissing.length > 0) {
  console.error(
    `After apt-get, still missing: ${stillMissing.map(({ pkg, file }) => `${file} (package ${pkg}; apt-get install --reinstall ${pkg})`).join(', ')}.`,
  );
  process.exit(1);
}
