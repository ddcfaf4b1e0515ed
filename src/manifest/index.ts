/**
 * The edition manifest (edition.json): parsed, validated against schema/edition.schema.json
 * with ajv, and every problem reported with its JSON pointer and its line and column.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { InputError, SourceFile, type Diagnostic } from '../diagnostics.js';
import { decodeText } from '../input.js';
import { JsonSyntaxError, locateJsonPointers } from './json-positions.js';
import { BUNDLED_SCHEMAS } from '../schemas.js';

export interface ManifestPerson {
  id: string;
  name: string;
  aliases?: string[];
  variants?: string[];
  role?: string;
}

export type BlockRole = 'narrative' | 'speech' | 'summary' | 'attendance';

export interface BlockOverride {
  block: number;
  expect?: string;
  as: BlockRole;
  speaker?: string;
  note?: string;
}

export interface Manifest {
  id: string;
  layout?: 'wilson-web' | 'plain';
  date?: string;
  language?: string;
  originalLanguage?: { ident: string; name: string };
  /** The source record's own web page, cited where the edition has no URL of its own. */
  recordUrl?: string;
  edition?: {
    publisher?: string;
    date?: string;
    licence?: { text: string; url?: string };
    baseUrl?: string;
    editor?: string;
  };
  persons?: ManifestPerson[];
  blocks?: BlockOverride[];
}

/** A manifest with the file it came from, so later stages can report positions in it. */
export interface LoadedManifest {
  manifest: Manifest;
  file: SourceFile;
  /** JSON pointer → offset of the value in the file. */
  positions: Map<string, number>;
}


/**
 * The validator of edition.json, compiled from schema/edition.schema.json at build time by
 * scripts/compile-manifest-validator.mjs (ajv standalone code, in dist/ from src/ and dist/ alike).
 */
const VALIDATOR = fileURLToPath(new URL('../../dist/manifest-validator.cjs', import.meta.url));
let validator: ValidateFunction<Manifest> | undefined;
function manifestValidator(): ValidateFunction<Manifest> {
  if (!validator) {
    try {
      validator = createRequire(import.meta.url)(VALIDATOR) as ValidateFunction<Manifest>;
    } catch {
      throw new Error(`The compiled manifest validator ${VALIDATOR} is missing: run \`npm run build\`.`);
    }
  }
  return validator;
}

/** The description nearest to a pattern in the manifest schema (read only when a value does not match). */
function patternDescription(pattern: string): string | undefined {
  const find = (node: unknown, description: string | undefined): string | undefined => {
    if (typeof node !== 'object' || node === null) return undefined;
    const record = node as Record<string, unknown>;
    const here = typeof record.description === 'string' ? record.description : description;
    if (record.pattern === pattern) return here;
    for (const child of Object.values(record)) {
      const found = find(child, here);
      if (found) return found;
    }
    return undefined;
  };
  return find(JSON.parse(readFileSync(BUNDLED_SCHEMAS.manifest, 'utf8')), undefined);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(the manifest)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown property "${String(error.params.additionalProperty)}".`;
    case 'required':
      return `${where} is missing the required property "${String(error.params.missingProperty)}".`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}.`;
    case 'pattern': {
      // A regular expression says little to a user; the schema's description beside it says what is asked.
      const asked = patternDescription(String(error.params.pattern));
      return asked ? `${where} is not as asked: ${asked}` : `${where} ${error.message ?? 'is invalid'}.`;
    }
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

/**
 * A manifest's bytes as text, decoded as strictly as sources are: a Latin-1 file is an error at
 * its first byte that is not UTF-8, never text with U+FFFD in place of its letters.
 */
export function decodeManifest(bytes: Uint8Array, path: string): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: decodeText(bytes, path, 'manifest').text };
  } catch (error) {
    if (error instanceof InputError) return { diagnostic: error.diagnostic };
    throw error;
  }
}

/** Report a manifest problem at a JSON pointer (with the position of that value). */
export function reportManifestError(loaded: LoadedManifest, pointer: string, reason: string, note?: string): Diagnostic {
  const offset = loaded.positions.get(pointer);
  return loaded.file.report({
    source: 'teikit:manifest',
    severity: 'error',
    ruleId: 'manifest/invalid',
    reason,
    pointer,
    ...(offset !== undefined ? { place: loaded.file.place(offset) } : {}),
    ...(note ? { note } : {}),
  });
}

/**
 * Parse and validate a manifest's text. Throws InputError on the first syntax error; schema
 * errors are all collected on the returned file and the manifest is undefined.
 */
export function parseManifest(text: string, path: string): { loaded?: LoadedManifest; file: SourceFile } {
  // A byte-order mark is not JSON, and says nothing a UTF-8 manifest needs.
  const file = new SourceFile(path, text.startsWith('\uFEFF') ? text.slice(1) : text);
  let positions: Map<string, number>;
  try {
    positions = locateJsonPointers(file.text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError(
      file.report({
        source: 'teikit:manifest',
        severity: 'error',
        ruleId: 'manifest/syntax',
        reason: `The manifest is not valid JSON: ${error.message}.`,
        place: file.place(error.offset),
        note: 'Fix the JSON syntax at this place (a missing comma or quote is the usual cause).',
      }),
    );
  }
  const data: unknown = JSON.parse(file.text);
  const validate = manifestValidator();
  const loaded: LoadedManifest = { manifest: data as Manifest, file, positions };
  if (!validate(data)) {
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'if') continue; // its `then`/`else` error says what is wrong
      const pointer =
        error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${String(error.params.additionalProperty)}`
          : error.instancePath;
      reportManifestError(loaded, pointer, describe(error), 'See schema/edition.schema.json for what each property takes.');
    }
    return { file };
  }
  return { loaded, file };
}
