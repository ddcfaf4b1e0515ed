/**
 * Finding the editions of a corpus: an edition is a folder holding `source.txt` (a plain-text
 * translation to convert) or, failing that, one TEI file; an optional `edition.json` beside it.
 * Folders that are not editions are searched for editions below them.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, rmSync, type Dirent } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { unreadableFolder } from '../io.js';

export const SOURCE_FILE = 'source.txt';
export const MANIFEST_FILE = 'edition.json';

/** What a build writes into an edition's folder, NAME being the folder's name. */
export const OUTPUT_SUFFIXES = {
  /** The converted TEI (only for an edition made from source.txt). */
  tei: '.xml',
  html: '.html',
  reading: '.txt',
  diplomatic: '.diplomatic.txt',
} as const;

/** The names of the files a build writes for an edition, in the order they are written. */
export function outputNames(edition: Pick<EditionSource, 'name' | 'source'>): string[] {
  const kinds = edition.source.kind === 'text' ? (['tei', 'html', 'reading', 'diplomatic'] as const) : (['html', 'reading', 'diplomatic'] as const);
  return kinds.map((kind) => `${edition.name}${OUTPUT_SUFFIXES[kind]}`);
}

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

export interface DiscoveryOptions {
  /** Build sources and manifests that are links to files outside the corpus folder (refused by default). */
  allowExternalLinks?: boolean;
}

export interface Discovery {
  editions: EditionSource[];
  /** Folders that look like editions but cannot be built as they are (e.g. two TEI files, no source.txt). */
  problems: Diagnostic[];
}

/** How teikit's own TEI, HTML and catalogue say who wrote them (read from a file's first kilobytes). */
const TEIKIT_MARKS = ['<application ident="teikit"', '<meta name="generator" content="teikit'];
const MARK_WINDOW = 16 * 1024;

/** Whether a file carries teikit's mark near its start (so a build may replace it); false when it cannot be read. */
export function markedByTeikit(path: string): boolean {
  let descriptor: number | undefined;
  try {
    // Non-blocking, and regular files only: a FIFO at an output's name would otherwise hang the build.
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!fstatSync(descriptor).isFile()) return false;
    const head = Buffer.alloc(MARK_WINDOW);
    const text = head.subarray(0, readSync(descriptor, head, 0, MARK_WINDOW, 0)).toString('utf8');
    return TEIKIT_MARKS.some((mark) => text.includes(mark));
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Leftovers of a write that was killed between temporary file and rename (see writeFileAtomic). */
const TEMPORARY_FILE = /^\..+\.tmp-(\d+)-\d+$/;

/** A path as diagnostics show it: relative to where teikit runs. */
export const displayPath = (path: string): string => relative(process.cwd(), path) || '.';

/** Whether a process is running (a signal 0 reaches it, or it exists but is not ours). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files of killed writes: those of processes that are gone (another build
 * of the same corpus may be writing the others right now), and this process's own after it
 * stopped its workers (`own`).
 */
export function removeLeftovers(directory: string, own = false): void {
  for (const name of readdirSync(directory)) {
    const writer = TEMPORARY_FILE.exec(name)?.[1];
    if (writer === undefined) continue;
    const pid = Number(writer);
    if (pid === process.pid ? own : !isRunning(pid)) rmSync(join(directory, name), { force: true });
  }
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

/** The real path of a file, or undefined for a broken link (reported when the file is read). */
function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why an edition found in a folder cannot be built safely, if it cannot: its outputs would
 * replace its own inputs (a folder named "source" makes source.txt its reading text), or an
 * input is a link to a file outside the corpus folder (a pull request could link /etc/passwd
 * or a CI runner's token file, and the build would publish it).
 */
function unsafeEdition(edition: EditionSource, realRoot: string, options: DiscoveryOptions): Diagnostic | undefined {
  const inputs = [edition.source.path, ...(edition.manifestPath ? [edition.manifestPath] : [])];
  const inputNames = new Set(inputs.map((path) => basename(path)));
  const clash = outputNames(edition).find((name) => inputNames.has(name));
  if (clash) {
    return {
      file: displayPath(edition.directory),
      severity: 'error',
      source: 'teikit:input',
      ruleId: 'build/output-replaces-input',
      reason: `The edition's folder is named "${edition.name}", so its output ${clash} would replace its own input ${clash}.`,
      note: 'Rename the folder: the outputs are named after it.',
    };
  }
  if (options.allowExternalLinks) return undefined;
  for (const input of inputs) {
    const real = realPath(input);
    if (real !== undefined && real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
      return {
        file: displayPath(input),
        severity: 'error',
        source: 'teikit:input',
        ruleId: 'build/external-link',
        reason: `This file is a link to a file outside the corpus folder ${displayPath(edition.root)}; teikit does not build (and publish) files from outside it.`,
        note: 'Copy the file into the edition\'s folder, or pass --allow-external-links if the link is meant.',
      };
    }
  }
  return undefined;
}

function visit(directory: string, root: string, realRoot: string, options: DiscoveryOptions, found: Discovery): void {
  let entries: Dirent[];
  try {
    entries = readDirectory(directory);
  } catch (error) {
    found.problems.push({ ...unreadableFolder(directory, error), file: displayPath(directory) });
    return;
  }
  const files = new Set(entries.filter(isFileLike).map((entry) => entry.name));
  const name = basename(directory);
  const key = relative(root, directory).split('\\').join('/') || '.';
  const manifestPath = files.has(MANIFEST_FILE) ? join(directory, MANIFEST_FILE) : undefined;
  const add = (source: EditionSource['source']): void => {
    const edition: EditionSource = { directory, name, key, root, source, ...(manifestPath ? { manifestPath } : {}) };
    const problem = unsafeEdition(edition, realRoot, options);
    if (problem) found.problems.push(problem);
    else found.editions.push(edition);
  };
  if (files.has(SOURCE_FILE)) {
    add({ path: join(directory, SOURCE_FILE), kind: 'text' });
    return;
  }
  const tei = teiCandidates(entries);
  if (tei.length === 1) {
    add({ path: join(directory, tei[0]!), kind: 'tei' });
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
  for (const subdirectory of subdirectories) visit(join(directory, subdirectory.name), root, realRoot, options, found);
}

/** Every edition under the given folders, each folder's editions in path order. */
export function findEditions(roots: readonly string[], options: DiscoveryOptions = {}): Discovery {
  const found: Discovery = { editions: [], problems: [] };
  for (const root of roots) visit(root, root, realPath(root) ?? root, options, found);
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
