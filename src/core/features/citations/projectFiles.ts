import { parse as parseYaml } from 'yaml';
import { yamlFrontMatter } from '../../parse/blockSplitter';
import { parseFrontMatter } from '../../parse/frontMatter';

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
  bibliographies: Array<{ uri: string; namedIn: string }>;
}

/** How far above a brief's folder a project file is looked for. */
const LEVELS = 6;

type Read = (uri: string) => Promise<string | undefined>;

function bibliographyPaths(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function yamlBibliography(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const parsed = parseYaml(text) as Record<string, unknown> | null;
    return bibliographyPaths(parsed?.bibliography);
  } catch {
    return [];
  }
}

function resolved(paths: string[], base: string, namedIn: string): Array<{ uri: string; namedIn: string }> {
  return paths.flatMap((path) => {
    try {
      return [{ uri: new URL(path, base).href, namedIn }];
    } catch {
      return [];
    }
  });
}

/** The bibliography `index.Rmd` (or `index.md`) names in its front matter. */
async function bookdownIndexBibliography(folder: string, read: Read): Promise<Array<{ uri: string; namedIn: string }>> {
  for (const name of ['index.Rmd', 'index.md']) {
    const text = await read(folder + name);
    if (text === undefined) continue;
    const yaml = yamlFrontMatter(text);
    const paths = yaml === undefined ? [] : parseFrontMatter(yaml, 0).bibliography.map((b) => b.value);
    return resolved(paths, folder, name);
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
  const metadata: Array<{ uri: string; namedIn: string }> = [];
  for (let level = 0; level < LEVELS; level++) {
    const quarto = (await read(`${folder}_quarto.yml`)) ?? (await read(`${folder}_quarto.yaml`));
    const quartoMetadata = await read(`${folder}_metadata.yml`);
    // The nearest _metadata.yml with a bibliography wins, as Quarto merges them.
    if (metadata.length === 0) metadata.push(...resolved(yamlBibliography(quartoMetadata), folder, '_metadata.yml'));
    if (quarto !== undefined) {
      const own = resolved(yamlBibliography(quarto), folder, '_quarto.yml');
      return { kind: 'quarto', file: '_quarto.yml', bibliographies: metadata.length > 0 ? metadata : own };
    }
    if ((await read(`${folder}_bookdown.yml`)) !== undefined) {
      return { kind: 'bookdown', file: '_bookdown.yml', bibliographies: await bookdownIndexBibliography(folder, read) };
    }
    if ((await read(`${folder}manual-references.json`)) !== undefined && (await read(`${folder}metadata.yaml`)) !== undefined) {
      return { kind: 'manubot', file: 'metadata.yaml', bibliographies: [{ uri: `${folder}manual-references.json`, namedIn: 'Manubot' }] };
    }
    const parent = new URL('../', folder).href;
    if (parent === folder) break;
    folder = parent;
  }
  return undefined;
}
