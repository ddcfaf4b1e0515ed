import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readingOrder, type Placed } from '../src/build/navigation.js';
import { writeState, type CatalogueRecord } from '../src/build/state.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Documents the tests read, kept in the repository (test/fixtures/README.md says where each comes from). */
export const FIXTURES = `${ROOT}test/fixtures/`;
export const REFERENCE_SOURCE = `${ROOT}editions/wilson-121798/source.txt`;
export const REFERENCE_MANIFEST = `${ROOT}editions/wilson-121798/edition.json`;
export const REFERENCE_TEI = `${ROOT}editions/wilson-121798/wilson-121798.xml`;
/** The official TEI P5 schema, shipped in schema/ (README: "tei_all.rng"). */
export const TEI_ALL = `${ROOT}schema/tei_all.rng`;

export const corpusFiles = (): string[] =>
  readdirSync(`${FIXTURES}corpus`)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => `${FIXTURES}corpus/${name}`);

export const readText = (path: string): string => readFileSync(path, 'utf8');

/** Words: runs of letters and digits (what "no word is lost" is about). */
export const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The character content of an XML fragment (tags dropped, entities decoded). */
export function xmlText(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)));
}


/** The content of the first element with this name in a serialized document. */
export function elementXml(xml: string, name: string): string {
  const start = xml.search(new RegExp(`<${name}[\\s>]`));
  const end = xml.lastIndexOf(`</${name}>`);
  if (start < 0 || end < 0) return '';
  return xml.slice(start, end + name.length + 3);
}

/**
 * The source's words as the TEI must carry them: the translator's markers that become markup
 * ("[SIC]", "inserted by hand:", " - SIC]") do not appear as words in the TEI.
 */
export function wordsWithoutMarkers(source: string): string[] {
  return words(
    source
      .replace(/\s*\[SIC\]/g, ' ')
      .replace(/\[SIC,\s*/gi, '[')
      .replace(/\[inserted by hand:\s*/g, '[')
      .replace(/\s+-\s+SIC\]/g, ']')
      .replace(/[[\]]/g, ''),
  );
}

/**
 * The words of a TEI document as they stand for the source's: a page break says its number as
 * the source's "[Page 521]" did (the documented encoding of that marker).
 */
export const teiWords = (tei: string): string[] =>
  // Square brackets the TEI keeps as characters (in the source header, in unbalanced brackets)
  // are dropped here as on the source's side.
  words(xmlText(tei.replace(/<pb n="([^"]+)"\/>/g, ' Page $1 ')).replace(/[[\]]/g, ''));

/** True when `needle` occurs in `haystack` in order (gaps allowed). */
export function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let position = 0;
  for (const word of haystack) {
    if (position < needle.length && needle[position] === word) position++;
  }
  return position === needle.length;
}

export interface JingError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface JingRun {
  /** How many files jing was given (each one checked to exist first). */
  validated: number;
  errors: JingError[];
}

/**
 * Validate files against a RELAX NG schema with Debian's jing (one JVM for all files). It cannot
 * pass vacuously: no file, a missing schema or file, a `fatal:` line (a file jing could not
 * read), or a non-zero exit without a parsed error throw, and the count of files is returned
 * for the caller to assert.
 */
export function jing(schema: string, files: readonly string[]): JingRun {
  const jar = '/usr/share/java/jing.jar';
  if (!existsSync(jar)) throw new Error('jing is not installed: run `apt-get install -y jing` (.ci/run does).');
  if (!existsSync(schema)) throw new Error(`jing: the schema ${schema} does not exist.`);
  if (files.length === 0) throw new Error('jing: no file to validate.');
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`jing: no such file: ${missing.join(', ')}`);
  const run = spawnSync('java', ['-jar', jar, schema, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`jing could not be run: ${run.error.message}`);
  const output = `${run.stdout}${run.stderr}`;
  const lines = output.split('\n');
  const fatal = lines.filter((line) => /: fatal: /.test(line));
  if (fatal.length > 0) throw new Error(`jing could not read its input:\n${fatal.join('\n')}`);
  const errors = lines
    .map((line) => line.match(/^(.*?):(\d+):(\d+): error: (.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ file: match[1] ?? '', line: Number(match[2]), column: Number(match[3]), message: match[4] ?? '' }));
  if (run.status !== 0 && errors.length === 0) throw new Error(`jing exited with ${String(run.status)} and reported no error it could parse:\n${output}`);
  if (run.status === 0 && errors.length > 0) throw new Error(`jing exited with 0 but reported errors:\n${output}`);
  return { validated: files.length, errors };
}

/** Validate files with teikit's own schema and all its rules; returns every error and warning. */
export async function teikitProblems(files: readonly string[]): Promise<string[]> {
  const { compileTeikitSchema, validateDocument } = await import('../src/validate/index.js');
  const { formatDiagnostic } = await import('../src/diagnostics.js');
  const schema = await compileTeikitSchema();
  return files.flatMap((file) =>
    validateDocument(readFileSync(file), file, { schema, rules: ['generic', 'teikit'] })
      .diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
      .map(formatDiagnostic),
  );
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The command line in this process: what main.ts runs, with the output captured. */
export async function teikitInProcess(args: string[]): Promise<CliRun> {
  const { runCli } = await import('../src/cli/run.js');
  const captured = { stdout: '', stderr: '' };
  const outcome = await runCli(args, { write: (text) => void (captured.stderr += text), writeOut: (text) => void (captured.stdout += text), interactive: false, columns: 80 });
  return { status: outcome.exitCode, stdout: captured.stdout + (outcome.stdout ?? ''), stderr: captured.stderr + (outcome.stderr ?? '') };
}

/** An edition's page without the corpus bar the build puts between its two markers (src/build/navigation.ts). */
export const withoutCorpusBar = (html: string): string =>
  html.replace(/<!--teikit:corpus-->[\s\S]*?<!--\/teikit:corpus-->/, '<!--teikit:corpus--><!--/teikit:corpus-->');

/** Run `teikit build` (as CI does: plain lines, no progress bar). */
export function buildCli(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; stderr: string; stdout: string } {
  const run = spawnSync(process.execPath, [`${ROOT}dist/cli/main.js`, 'build', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** A corpus folder: the reference edition, three corpus documents, and the reference TEI as a TEI-only edition. */
export function makeBuildCorpus(root: string): string {
  rmSync(root, { recursive: true, force: true });
  const editions = join(root, 'editions');
  mkdirSync(join(editions, 'wilson-121798'), { recursive: true });
  cpSync(REFERENCE_SOURCE, join(editions, 'wilson-121798', 'source.txt'));
  cpSync(REFERENCE_MANIFEST, join(editions, 'wilson-121798', 'edition.json'));
  for (const file of corpusFiles().filter((path) => /\/(01|09|12)-/.test(path))) {
    const folder = join(editions, 'corpus', file.split('/').pop()!.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    cpSync(file, join(folder, 'source.txt'));
  }
  mkdirSync(join(editions, 'tei-only'), { recursive: true });
  cpSync(REFERENCE_TEI, join(editions, 'tei-only', 'record.xml'));
  return root;
}

/** What a synthetic edition's state record says: its folder name, catalogue record, words and output files. */
export interface StateEdition {
  name: string;
  record: Omit<CatalogueRecord, 'id'>;
  words: string;
  outputs: string[];
}

/**
 * A corpus of `size` editions as a build leaves their state records (and nothing else), in
 * reading order: for catalogue tests at sizes no build could make in a test's time.
 */
export function stateCorpus(root: string, size: number, edition: (index: number) => StateEdition): Placed[] {
  return readingOrder(Array.from({ length: size }, (_, index) => {
    const { name, record, words, outputs } = edition(index);
    const directory = join(root, name);
    mkdirSync(directory, { recursive: true });
    const recorded = Object.fromEntries(outputs.map((output) => [output, { size: 0, mtimeMs: 0, sha256: '' }]));
    writeState(directory, { inputs: `inputs ${index}`, outputs: recorded, record: { id: name, ...record }, words });
    return { directory, name, key: name, root, source: { path: join(directory, 'source.txt'), kind: 'text' as const } };
  }));
}
