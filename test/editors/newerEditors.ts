/**
 * Neovim 0.10 and Helix as `npm test`'s system step leaves them (Debian 13 packages unpacked into
 * the npm cache; see test/setup/newerEditors.ts), and how to start them: through Debian 13's own
 * loader, with its libraries, since Debian 12's C library is too old for them.
 */
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const DEBIAN13 = join(ROOT, 'node_modules/.cache/briefkit-editors/debian13');
const LIBRARIES = join(DEBIAN13, 'usr/lib/x86_64-linux-gnu');

export const NEWER_EDITORS_ROOT = DEBIAN13;
export const NEOVIM_10 = join(DEBIAN13, 'usr/bin/nvim');
export const HELIX = join(DEBIAN13, 'usr/bin/hx');
/** Neovim reads its runtime files from the folder it was built for (/usr/share/nvim) unless told. */
export const NEOVIM_10_ENV = { VIMRUNTIME: join(DEBIAN13, 'usr/share/nvim/runtime') };

/** The command that starts one of them with these arguments. */
export function debian13Command(program: string, args: readonly string[]): [string, string[]] {
  return [join(LIBRARIES, 'ld-linux-x86-64.so.2'), ['--library-path', LIBRARIES, program, ...args]];
}
