/**
 * What makes a build incremental: a small record beside each edition (.teikit-build.json)
 * saying from which inputs its outputs were made, and what those outputs were. An edition is
 * rebuilt when an input hash differs or an output is missing or changed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.js';
import { MAX_SOURCE_BYTES } from '../input.js';
import { MAX_INPUT_BYTES, readInput, writeFileAtomic } from '../io.js';
import { BUNDLED_SCHEMAS } from '../schemas.js';
import { TEIKIT_VERSION } from '../version.js';
import type { EditionSource } from './editions.js';

export const STATE_FILE = '.teikit-build.json';
/** Bump when the record's shape changes: an old record then simply means "rebuild". */
const STATE_FORMAT = 1;

/** The stylesheet sources (xslt/), the same path from src/ and from dist/. */
const STYLESHEETS = fileURLToPath(new URL('../../xslt/', import.meta.url));
/** teikit's own code (dist/ when built; src/ when run from the sources). */
const CODE = fileURLToPath(new URL('../', import.meta.url));

/** Every file under a folder, in a fixed order. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/**
 * Everything besides an edition's own files that its outputs depend on: teikit's version, its
 * code, its schemas and its stylesheets. The stylesheet sources, not the compiled SEF files:
 * those carry the time they were compiled, and every `npm ci` would make the whole corpus stale.
 * The code counts so that a changed converter rebuilds what it converted, also between releases.
 */
export function toolchainFingerprint(): string {
  const hash = createHash('sha256').update(`teikit ${TEIKIT_VERSION}\n`);
  const code = filesUnder(CODE).filter((file) => /\.(?:js|cjs|ts)$/.test(file) && !file.endsWith('.d.ts'));
  const files = [BUNDLED_SCHEMAS.rng, BUNDLED_SCHEMAS.sch, BUNDLED_SCHEMAS.manifest, ...filesUnder(STYLESHEETS), ...code];
  for (const file of files) hash.update(relative(STYLESHEETS, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** The catalogue record of an edition: what xslt/json.xsl reads from its TEI header. */
export interface CatalogueRecord {
  id: string;
  title: string;
  subtitle?: string;
  date?: string;
  dateText?: string;
  /** Where the original is kept (repository and shelfmark, or the archival citation). */
  archive?: string;
  /** The repository alone ("GARF"): what the catalogue filters by. */
  repository?: string;
  /** The source's own reference line, e.g. a FRUS document's file number. */
  sourceNote?: string;
  translators: string[];
  participants: string[];
  summary?: string;
}

export interface OutputRecord {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface EditionState {
  format: number;
  /** Hash of the toolchain and the edition's source and manifest. */
  inputs: string;
  /** Output file name → what was written. */
  outputs: Record<string, OutputRecord>;
  record: CatalogueRecord;
  /** The distinct words of the reading text, for the catalogue's full-text search. */
  words: string;
  /** Hash of the corpus bar last put into the HTML (src/build/navigation.ts); none before it is. */
  navigation?: string;
}

export interface EditionInputs {
  source: Buffer;
  manifest?: Buffer;
  hash: string;
}

/** Read an edition's source and manifest and hash them; a file that cannot be read is a diagnostic. */
export function readEditionInputs(edition: EditionSource, toolchain: string): { inputs?: EditionInputs; diagnostic?: Diagnostic } {
  const source = readInput(edition.source.path, 'source', edition.source.kind === 'text' ? MAX_SOURCE_BYTES : MAX_INPUT_BYTES);
  if (!source.bytes) return source.diagnostic ? { diagnostic: source.diagnostic } : {};
  const manifest = edition.manifestPath ? readInput(edition.manifestPath, 'manifest') : undefined;
  if (manifest && !manifest.bytes) return manifest.diagnostic ? { diagnostic: manifest.diagnostic } : {};
  const hash = createHash('sha256')
    .update(toolchain)
    .update(`\0${edition.source.kind}\0`)
    .update(source.bytes)
    .update('\0')
    .update(manifest?.bytes ?? 'no manifest')
    .digest('hex');
  return { inputs: { source: source.bytes, hash, ...(manifest?.bytes ? { manifest: manifest.bytes } : {}) } };
}

/** An output name a record may hold: a file of the edition's own folder, nothing else. */
const OUTPUT_NAME = /^[^/\\\0]+$/;

/** Whether a parsed record has the shape this version writes (a record is only trusted once checked). */
function isEditionState(value: unknown): value is EditionState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const outputs = state.outputs;
  const record = state.record as Record<string, unknown> | null | undefined;
  return (
    state.format === STATE_FORMAT &&
    typeof state.inputs === 'string' &&
    typeof state.words === 'string' &&
    (state.navigation === undefined || typeof state.navigation === 'string') &&
    typeof outputs === 'object' && outputs !== null && !Array.isArray(outputs) &&
    Object.entries(outputs).every(([name, output]) => OUTPUT_NAME.test(name) && name !== '.' && name !== '..' && isOutputRecord(output)) &&
    typeof record === 'object' && record !== null &&
    typeof record.id === 'string' && typeof record.title === 'string' &&
    Array.isArray(record.translators) && record.translators.every((item) => typeof item === 'string') &&
    Array.isArray(record.participants) && record.participants.every((item) => typeof item === 'string') &&
    ['subtitle', 'date', 'dateText', 'archive', 'repository', 'sourceNote', 'summary'].every((key) => record[key] === undefined || typeof record[key] === 'string')
  );
}

function isOutputRecord(value: unknown): value is OutputRecord {
  if (typeof value !== 'object' || value === null) return false;
  const output = value as Record<string, unknown>;
  return typeof output.size === 'number' && typeof output.mtimeMs === 'number' && typeof output.sha256 === 'string';
}

/** The edition's state record; undefined (build again) when there is none or it is not one this version wrote. */
export function readState(directory: string): EditionState | undefined {
  try {
    const state: unknown = JSON.parse(readFileSync(join(directory, STATE_FILE), 'utf8'));
    return isEditionState(state) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Written last, after every output is in place: a killed build never records what it did not finish. */
export function writeState(directory: string, state: Omit<EditionState, 'format'>): void {
  writeFileAtomic(join(directory, STATE_FILE), `${JSON.stringify({ format: STATE_FORMAT, ...state })}\n`);
}

/** Remove the record of a failed edition, so that the next build tries it again (a folder that cannot be written is already reported). */
export function forgetState(directory: string): void {
  try {
    rmSync(join(directory, STATE_FILE), { force: true });
  } catch {
    // EACCES/EROFS: the edition's failure says why; the stale record then only makes the next build try again too.
  }
}

/** An output is as recorded if its size matches and either its time or its content does (a copy keeps content, not time). */
function outputIntact(path: string, recorded: OutputRecord): boolean {
  try {
    const stat = statSync(path);
    if (stat.size !== recorded.size) return false;
    return stat.mtimeMs === recorded.mtimeMs || sha256(readFileSync(path)) === recorded.sha256;
  } catch {
    return false;
  }
}

/** Why an edition needs building, or undefined when its outputs are up to date. */
export function staleness(edition: EditionSource, inputs: EditionInputs | undefined, state: EditionState | undefined): string | undefined {
  // Unreadable inputs go to a worker too, which reports them.
  if (!inputs) return 'inputs unreadable';
  if (!state) return 'never built';
  if (state.inputs !== inputs.hash) return 'inputs changed';
  for (const [name, recorded] of Object.entries(state.outputs)) {
    if (!outputIntact(join(edition.directory, name), recorded)) return `${name} missing or changed`;
  }
  return undefined;
}

/** What a freshly written output looks like in the record. */
export function describeOutput(path: string, content: string): OutputRecord {
  const stat = statSync(path);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(content) };
}
