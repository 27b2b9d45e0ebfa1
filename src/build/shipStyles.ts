/**
 * Build step: ships CSL styles that no registry package provides (IEEE) beside the bundles, in
 * dist/styles, from a folder of the CSL project's styles: Debian's citation-style-language-styles
 * package by default, or the folder named by CSL_STYLES_DIR (for example a clone of
 * github.com/citation-style-language/styles). The style files keep their author listings, as
 * their licence (CC BY-SA 3.0) requires; a NOTICE file gives the attribution.
 *
 * `--require` (used when packaging the .vsix) fails when a style is missing; otherwise the
 * build warns and goes on, and BriefKit simply offers one style fewer.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHIPPED = ['ieee'];
const source = process.env.CSL_STYLES_DIR ?? '/usr/share/citation-style-language/styles';
const target = join(__dirname, '../../dist/styles');
const required = process.argv.includes('--require');

mkdirSync(target, { recursive: true });
const missing = SHIPPED.filter((name) => !existsSync(join(source, `${name}.csl`)));
if (missing.length > 0) {
  const message = `${missing.map((n) => `${n}.csl`).join(', ')} not found in ${source}. Install Debian's citation-style-language-styles package (apt-get install citation-style-language-styles) or set CSL_STYLES_DIR to a folder of CSL styles.`;
  if (required) {
    console.error(`error: ${message}`);
    process.exit(1);
  }
  console.warn(`warning: ${message} BriefKit will be built without ${missing.join(', ')}.`);
}
for (const name of SHIPPED.filter((n) => !missing.includes(n))) copyFileSync(join(source, `${name}.csl`), join(target, `${name}.csl`));
writeFileSync(
  join(target, 'NOTICE.md'),
  `# Citation styles\n\nThe .csl files in this folder come from the Citation Style Language project (https://citationstyles.org/, https://github.com/citation-style-language/styles) and are released under the Creative Commons Attribution-ShareAlike 3.0 Unported licence (https://creativecommons.org/licenses/by-sa/3.0/). Each file lists its authors and contributors; they are kept unchanged.\n`,
);
