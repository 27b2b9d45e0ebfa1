import { parseDocument } from 'yaml';
import type { FileKind } from '../host';
import { yamlFrontMatter } from '../parse/blockSplitter';
import { parseFrontMatter } from '../parse/frontMatter';
import { fileName } from '../text/fileName';
import { MAX_PROJECT_YAML, YAML_OPTIONS, yamlStrings } from '../parse/yamlText';

/**
 * The project a brief belongs to, found the way pandoc's front ends do: a Quarto project
 * (`_quarto.yml`, with `_metadata.yml` beside its files), a bookdown book (`_bookdown.yml`, whose
 * `index.Rmd` front matter names the bibliography for every chapter), or a Manubot manuscript
 * (`metadata.yaml` with `manual-references.json`). Its bibliography files count for the brief.
 */
export interface Project {
  kind: 'quarto' | 'bookdown' | 'manubot';
  /** The file that makes it a project, for messages ("_quarto.yml"). */
  file: string;
  /** Bibliography files the project names, as URIs, with the file that names each. */
  bibliographies: ProjectBibliography[];
}

export interface ProjectBibliography {
  uri: string;
  /** The file that names it (its URI), and the path as written there, for messages. */
  namedIn: { uri: string; value: string };
  /** True when a code chunk of that file writes it on every build (bookdown's `knitr::write_bib(…, 'packages.bib')`). */
  writtenByBuild?: boolean;
}

/** How far above a brief's folder a project file is looked for. */
const LEVELS = 6;

type Read = (uri: string, kind: FileKind) => Promise<string | undefined>;

function yamlBibliography(text: string | undefined): string[] {
  // The hosts read no more than this; a longer file would hold up every brief of the project.
  if (text === undefined || text.length > MAX_PROJECT_YAML) return [];
  const doc = parseDocument(text, YAML_OPTIONS);
  return doc.errors.length > 0 ? [] : yamlStrings(doc, ['bibliography']);
}

function resolved(paths: string[], base: string, file: string): ProjectBibliography[] {
  return paths.flatMap((value) => {
    try {
      return [{ uri: new URL(value, base).href, namedIn: { uri: base + file, value } }];
    } catch {
      return [];
    }
  });
}

/**
 * Bibliography files an R Markdown `_output.yml` passes to pandoc in some format's `pandoc_args`
 * (`["--bibliography", "./assets/refs.bib"]` or `--bibliography=refs.bib`), each once.
 */
function outputBibliography(text: string | undefined): string[] {
  if (text === undefined || text.length > MAX_PROJECT_YAML) return [];
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) return [];
  const formats = doc.toJS() as unknown;
  if (typeof formats !== 'object' || formats === null) return [];
  const paths = new Set<string>();
  for (const format of Object.values(formats)) {
    const args = (format as { pandoc_args?: unknown } | null)?.pandoc_args;
    const list = Array.isArray(args) ? args.filter((arg): arg is string => typeof arg === 'string') : typeof args === 'string' ? args.split(/\s+/) : [];
    list.forEach((arg, i) => {
      const path = arg === '--bibliography' ? list[i + 1] : arg.startsWith('--bibliography=') ? arg.slice('--bibliography='.length) : undefined;
      if (path) paths.add(path);
    });
  }
  return [...paths];
}

/** A knitr code chunk of an R Markdown file, where `knitr::write_bib(…, 'packages.bib')` writes a bibliography. */
const R_CHUNK = /^```+\s*\{r\b[\s\S]*?^```+\s*$/gm;

/** The bibliography `index.Rmd` (or `index.md`) names in its front matter. */
async function bookdownIndexBibliography(folder: string, read: Read): Promise<ProjectBibliography[]> {
  for (const name of ['index.Rmd', 'index.md']) {
    const text = await read(folder + name, 'chapter');
    if (text === undefined) continue;
    const yaml = yamlFrontMatter(text);
    const paths = yaml === undefined ? [] : parseFrontMatter(yaml, 0).bibliography.map((b) => b.value);
    const chunks = text.match(R_CHUNK) ?? [];
    return resolved(paths, folder, name).map((bibliography) => {
      const file = fileName(bibliography.uri);
      const written = chunks.some((chunk) => chunk.includes(`'${file}'`) || chunk.includes(`"${file}"`));
      return written ? { ...bibliography, writtenByBuild: true } : bibliography;
    });
  }
  return [];
}

export async function findProject(documentUri: string, read: Read): Promise<Project | undefined> {
  let folder: string;
  try {
    folder = new URL('./', documentUri).href;
  } catch {
    return undefined;
  }
  const metadata: ProjectBibliography[] = [];
  for (let level = 0; level < LEVELS; level++) {
    const quartoYml = await read(`${folder}_quarto.yml`, 'project');
    const [quarto, quartoName] = quartoYml !== undefined ? [quartoYml, '_quarto.yml'] : [await read(`${folder}_quarto.yaml`, 'project'), '_quarto.yaml'];
    const quartoMetadata = await read(`${folder}_metadata.yml`, 'project');
    // The nearest _metadata.yml with a bibliography wins, as Quarto merges them.
    if (metadata.length === 0) metadata.push(...resolved(yamlBibliography(quartoMetadata), folder, '_metadata.yml'));
    if (quarto !== undefined) {
      const own = resolved(yamlBibliography(quarto), folder, quartoName);
      return { kind: 'quarto', file: quartoName, bibliographies: metadata.length > 0 ? metadata : own };
    }
    if ((await read(`${folder}_bookdown.yml`, 'project')) !== undefined) {
      const fromIndex = await bookdownIndexBibliography(folder, read);
      // Without one in index.Rmd, the book may pass its files to pandoc in _output.yml.
      const bibliographies =
        fromIndex.length > 0 ? fromIndex : resolved(outputBibliography(await read(`${folder}_output.yml`, 'project')), folder, '_output.yml');
      return { kind: 'bookdown', file: '_bookdown.yml', bibliographies };
    }
    if ((await read(`${folder}manual-references.json`, 'bibliography')) !== undefined && (await read(`${folder}metadata.yaml`, 'project')) !== undefined) {
      return {
        kind: 'manubot',
        file: 'metadata.yaml',
        bibliographies: [{ uri: `${folder}manual-references.json`, namedIn: { uri: `${folder}metadata.yaml`, value: 'manual-references.json' } }],
      };
    }
    const parent = new URL('../', folder).href;
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}
