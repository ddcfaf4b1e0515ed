/**
 * Finding the editions of a corpus: an edition is a folder holding `source.txt` (a plain-text
 * translation to convert) or, failing that, one TEI file; an optional `edition.json` beside it.
 * Folders that are not editions are searched for editions below them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, type Dirent } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

export const SOURCE_FILE = 'source.txt';
export const MANIFEST_FILE = 'edition.json';

export interface EditionSource {
  /** Absolute path of the edition folder. */
  directory: string;
  /** The folder's name, which names the outputs: NAME.xml, NAME.html, NAME.txt, NAME.diplomatic.txt. */
  name: string;
  /** Path relative to the corpus folder it was found in, with "/": the edition's stable key. */
  key: string;
  /** The corpus folder given on the command line (absolute). */
  root: string;
  source: { path: string; kind: 'text' | 'tei' };
  manifestPath?: string;
}

export interface Discovery {
  editions: EditionSource[];
  /** Folders that look like editions but cannot be built as they are (e.g. two TEI files, no source.txt). */
  problems: Diagnostic[];
}

/** Leftovers of a write that was killed between temporary file and rename (see writeFileAtomic). */
const TEMPORARY_FILE = /^\..+\.tmp-\d+-\d+$/;

/** A path as diagnostics show it: relative to where teikit runs. */
export const displayPath = (path: string): string => relative(process.cwd(), path) || '.';

export function removeLeftovers(directory: string): void {
  for (const name of readdirSync(directory)) if (TEMPORARY_FILE.test(name)) rmSync(join(directory, name), { force: true });
}

const ignoredDirectory = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

function readDirectory(directory: string): Dirent[] {
  return readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The TEI files of a folder that teikit did not write itself (NAME.xml is its own output when source.txt exists). */
function teiCandidates(entries: readonly Dirent[]): string[] {
  return entries.filter((entry) => isFileLike(entry) && entry.name.endsWith('.xml')).map((entry) => entry.name);
}

/** A file, or a link (to a file, as a corpus kept elsewhere is linked in; a broken link is reported when read). */
const isFileLike = (entry: Dirent): boolean => entry.isFile() || entry.isSymbolicLink();

function visit(directory: string, root: string, found: Discovery): void {
  const entries = readDirectory(directory);
  const files = new Set(entries.filter(isFileLike).map((entry) => entry.name));
  const name = basename(directory);
  const key = relative(root, directory).split('\\').join('/') || '.';
  const manifestPath = files.has(MANIFEST_FILE) ? join(directory, MANIFEST_FILE) : undefined;
  const edition = (source: EditionSource['source']): EditionSource => ({ directory, name, key, root, source, ...(manifestPath ? { manifestPath } : {}) });
  if (files.has(SOURCE_FILE)) {
    found.editions.push(edition({ path: join(directory, SOURCE_FILE), kind: 'text' }));
    return;
  }
  const tei = teiCandidates(entries);
  if (tei.length === 1) {
    found.editions.push(edition({ path: join(directory, tei[0]!), kind: 'tei' }));
    return;
  }
  if (tei.length > 1) {
    found.problems.push({
      file: displayPath(directory),
      severity: 'error',
      source: 'teikit:input',
      ruleId: 'build/ambiguous-edition',
      reason: `This folder holds ${tei.length} TEI files (${tei.join(', ')}) and no ${SOURCE_FILE}: teikit cannot tell which one is the edition.`,
      note: `Put each TEI file in a folder of its own, or add the plain-text ${SOURCE_FILE} the edition is made from.`,
    });
    return;
  }
  const subdirectories = entries.filter((entry) => entry.isDirectory() && !ignoredDirectory(entry.name));
  for (const subdirectory of subdirectories) visit(join(directory, subdirectory.name), root, found);
}

/** Every edition under the given folders, each folder's editions in path order. */
export function findEditions(roots: readonly string[]): Discovery {
  const found: Discovery = { editions: [], problems: [] };
  for (const root of roots) visit(root, root, found);
  // Folders given twice, or one inside another: each edition is built once (two workers writing
  // the same files would race).
  const seen = new Set<string>();
  found.editions = found.editions.filter((edition) => !seen.has(edition.directory) && seen.add(edition.directory));
  return found;
}

/**
 * Which shard (1-based, of `count`) an edition belongs to: from a hash of its key, so that an
 * edition stays in its shard when others are added or removed.
 */
export function shardOf(edition: EditionSource, count: number): number {
  const digest = createHash('sha256').update(edition.key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}
