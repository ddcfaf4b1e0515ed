/**
 * RELAX NG validation in TypeScript, by derivatives (src/validate/rng/, the algorithm jing uses):
 * the schema is simplified once (by salve-annos, a RELAX NG library written to validate TEI in
 * the browser, loaded only to compile), the simplified tree is cached on disk and made into
 * interned patterns, and every document is walked from our positioned tree, so each error
 * carries the line and column of the element, attribute or text it is about. No JVM, no libxml2.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type salve from 'salve-annos';
import type { Diagnostic, SourceFile } from '../diagnostics.js';
import { TEI_NS, XML_NS } from '../namespaces.js';
import type { XmlElement, XmlDocument } from '../xml/parse.js';
import { fallbackOf, hasInclude, isInclude, reportUnresolved, resolveInclude, startIncludes, type IncludeContext } from '../xml/xinclude.js';
import { grammarFromTree, GrammarError, loadGrammar, storeGrammar, toRngTree } from './rng/grammar.js';
import { Validator, type Grammar, type SchemaErrorKind, type SchemaProblem, type ValidatedElement } from './rng/validator.js';

/** Bump when the cached form changes: an old cache is then simply not found. */
const CACHE_FORMAT = 4;

/** A RELAX NG schema compiled for validation; reuse it for every document. */
export interface CompiledSchema {
  /** Path of the .rng file it was compiled from. */
  path: string;
  grammar: Grammar;
  /** Holds the memoized derivatives: the more documents it has seen, the less it computes. */
  validator: Validator;
}

export class SchemaError extends Error {}

/** Where compiled schemas are kept between runs (simplifying tei_all takes about a second). */
export function schemaCacheDirectory(): string {
  return process.env.TEIKIT_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'teikit');
}

/**
 * A resource loader that reads local files only: a schema that includes a URL on the network is
 * refused rather than fetched (validation in CI must not depend on, or leak to, the network).
 */
const localFilesOnly: salve.ResourceLoader = {
  async load(url: URL) {
    if (url.protocol !== 'file:') throw new SchemaError(`The schema includes ${url.href}; teikit reads schemas from local files only.`);
    const text = readFileSync(fileURLToPath(url), 'utf8');
    return { url, getText: async () => text };
  },
};

/**
 * salve-annos 1.2.4 parses an `<include>`d or `<externalRef>`ed file without reading it (its step
 * 1 calls the simplifier's parse with the URL only, and saxes is handed `undefined`), so every
 * schema made of several files, as ODD-generated project schemas are, failed with "Cannot read
 * properties of undefined". Its parse is wrapped to read such a file through the resource loader
 * it was given (ours: local files only). Remove when salve-annos reads included files itself.
 */
interface SimplifierPrototype {
  parse(this: { options: { resourceLoader: salve.ResourceLoader } }, url: URL, resource?: salve.Resource, text?: string): Promise<unknown>;
}
let patched = false;
function patchSalve(): void {
  if (patched) return;
  patched = true;
  const simplifier = (createRequire(import.meta.url)('salve-annos/lib/salve/conversion/schema-simplifiers/internal.js') as { InternalSimplifier: { prototype: SimplifierPrototype } }).InternalSimplifier.prototype;
  const parseWithText = simplifier.parse;
  simplifier.parse = async function parseIncluded(url, resource, text) {
    if (text !== undefined) return parseWithText.call(this, url, resource, text);
    const loaded = await this.options.resourceLoader.load(url);
    return parseWithText.call(this, url, loaded, await loaded.getText());
  };
}

/** A compiled schema on disk: which schema it is of (the key of its content), a digest of the grammar, the grammar. */
interface CacheEntry {
  schema: string;
  digest: string;
  grammar: string;
}

/**
 * The compiled grammar cached for a schema, if the file is the cache of that schema and whole: a
 * cache file swapped or copied from another schema must not change what is valid.
 */
function readCachedGrammar(path: string, key: string): Grammar | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheEntry>;
    if (entry.schema !== key || typeof entry.grammar !== 'string') return undefined;
    if (createHash('sha256').update(entry.grammar).digest('hex') !== entry.digest) return undefined;
    return loadGrammar(entry.grammar);
  } catch {
    return undefined;
  }
}

/** The grammar of a simplified schema; what the validator cannot check is a schema error that says what. */
function build<T>(path: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof GrammarError) throw new SchemaError(`The schema ${path} uses what teikit's validator cannot check: ${error.message}.`);
    throw error;
  }
}

/**
 * Compile a RELAX NG schema (XML syntax): simplified once (by salve-annos, loaded only then),
 * the simplified tree cached on disk by content hash, the patterns built from it.
 */
export async function compileSchema(path: string): Promise<CompiledSchema> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new SchemaError(`The schema ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const key = createHash('sha256').update(`teikit cache ${CACHE_FORMAT}\0`).update(text).digest('hex').slice(0, 32);
  const cached = join(schemaCacheDirectory(), `${key}.json`);
  const fromCache = readCachedGrammar(cached, key);
  if (fromCache !== undefined) return { path, grammar: fromCache, validator: new Validator(fromCache) };
  const salve = (await import('salve-annos')).default;
  patchSalve();
  let converted: salve.ConversionResult;
  try {
    converted = await salve.convertRNGToPattern(pathToFileURL(absolute), {
      createManifest: false,
      manifestHashAlgorithm: 'SHA-1',
      resourceLoader: localFilesOnly,
      // Uniqueness of xml:id is checked by our rules, with a message that says how to fix it.
      idCheck: false,
    });
  } catch (error) {
    throw new SchemaError(`The schema ${path} is not a usable RELAX NG schema: ${error instanceof Error ? error.message : String(error)}`);
  }
  const grammar = build(path, () => grammarFromTree(toRngTree(converted.simplified)));
  // Only a schema made of this one file is cached: included files could change behind its hash.
  if (!/<(include|externalRef)\b/.test(text)) {
    try {
      mkdirSync(schemaCacheDirectory(), { recursive: true });
      const temporary = `${cached}.tmp-${process.pid}`;
      const serialized = storeGrammar(grammar);
      const entry: CacheEntry = { schema: key, digest: createHash('sha256').update(serialized).digest('hex'), grammar: serialized };
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, cached);
    } catch {
      // A read-only home is fine: the next run compiles again.
    }
  }
  return { path, grammar, validator: new Validator(grammar) };
}

/** `p`, `xml:id`, `{http://…}include`: names as a TEI user reads them. */
function showQualified(uri: string, local: string): string {
  if (uri === TEI_NS || uri === '') return local;
  if (uri === XML_NS) return `xml:${local}`;
  return `{${uri}}${local}`;
}

/** Names listed in a note, at most this many. */
const NOTE_NAMES = 12;

function listNames(names: readonly { uri: string; local: string }[], any: boolean, kind: 'element' | 'attribute'): string | undefined {
  const sorted = [...new Set(names.map((name) => showQualified(name.uri, name.local)))].sort();
  const shown = sorted.slice(0, NOTE_NAMES).map((name) => (kind === 'element' ? `<${name}>` : `@${name}`));
  if (any) shown.push(kind === 'element' ? 'elements of other namespaces' : 'attributes of other namespaces');
  if (shown.length === 0) return undefined;
  return `${shown.join(', ')}${sorted.length > NOTE_NAMES ? `, … (${sorted.length} in all)` : ''}`;
}

const RULE_IDS: Record<SchemaErrorKind, string> = {
  'element-not-allowed': 'relaxng/element-not-allowed',
  'element-not-allowed-yet': 'relaxng/element-missing',
  'element-missing': 'relaxng/element-missing',
  'attribute-not-allowed': 'relaxng/attribute-not-allowed',
  'attribute-missing': 'relaxng/attribute-missing',
  'attribute-value': 'relaxng/attribute-value',
  'text-not-allowed': 'relaxng/text-not-allowed',
  'text-value': 'relaxng/text-value',
};

/** What a problem says, and the note on what would have been allowed. */
function describe(problem: SchemaProblem, valueAt: (offset: number) => string | undefined): { reason: string; note?: string } {
  const subject = typeof problem.subject === 'string' ? problem.subject : showQualified(problem.subject.uri, problem.subject.local);
  const expected = (kind: 'element' | 'attribute'): string | undefined => listNames(problem.expected, problem.anyExpected, kind);
  const allowed = (kind: 'element' | 'attribute'): { note?: string } => {
    const names = expected(kind);
    return names ? { note: `Allowed here: ${names}.` } : {};
  };
  const shortText = (text: string): string => {
    const folded = text.replace(/\s+/g, ' ').trim();
    return folded.length > 40 ? `${folded.slice(0, 40)}…` : folded;
  };
  switch (problem.kind) {
    case 'element-not-allowed':
      return { reason: `Tag not allowed here: ${subject}.`, ...allowed('element') };
    case 'element-not-allowed-yet':
      return { reason: `Tag not allowed yet: ${subject} (what must come before it is missing).`, ...allowed('element') };
    case 'attribute-not-allowed':
      return { reason: `Attribute not allowed here: ${subject}.`, ...allowed('attribute') };
    case 'attribute-value': {
      const value = valueAt(problem.offset);
      return { reason: `Invalid value${value === undefined ? '' : ` "${shortText(value)}"`} for attribute ${subject}.` };
    }
    case 'attribute-missing': {
      const names = expected('attribute');
      return { reason: names ? `Attribute missing on ${subject}: ${names}.` : `An attribute is missing on ${subject}.` };
    }
    case 'element-missing': {
      const names = expected('element');
      const where = subject ? ` in ${subject}` : '';
      return { reason: names ? `Tag required${where}: ${problem.expected.length + (problem.anyExpected ? 1 : 0) === 1 ? names : `one of ${names}`}.` : `Content missing${where}.` };
    }
    case 'text-not-allowed':
      return { reason: 'Text not allowed here.', ...allowed('element') };
    case 'text-value':
      return { reason: `Invalid value "${shortText(subject)}".` };
  }
}

/**
 * The document as the validator reads it: an XInclude of a TEI document stands as that document's
 * root element, whose place is checked here (the document itself is validated as a file of its
 * own: its path is added to `included`); an included text as that text; one that cannot be
 * followed as its fallback, with a warning.
 */
function withIncludes(element: XmlElement, file: SourceFile, context: IncludeContext, included: string[]): ValidatedElement {
  const children: ValidatedElement['children'][number][] = [];
  for (const child of element.children) {
    if (child.kind !== 'element') {
      children.push(child);
    } else if (isInclude(child)) {
      const target = resolveInclude(child, context);
      if (target.kind === 'xml') {
        included.push(target.path);
        children.push({ kind: 'element', uri: target.root.uri, local: target.root.local, offset: child.offset, attributes: [], children: [], external: true });
      } else if (target.kind === 'text') {
        children.push({ kind: 'text', value: target.text, offset: child.offset });
      } else {
        reportUnresolved(file, child, target.reason);
        const fallback = fallbackOf(child);
        if (fallback) children.push(...withIncludes(fallback, file, context, included).children);
      }
    } else {
      children.push(withIncludes(child, file, context, included));
    }
  }
  return { ...element, children };
}

/**
 * Validate a parsed document against a compiled schema. Every error is reported (the validator
 * recovers and goes on), each at the element, attribute or text it is about.
 */
export function validateAgainstSchema(document: XmlDocument, file: SourceFile, schema: CompiledSchema, included: string[] = []): Diagnostic[] {
  const root = hasInclude(document.root) ? withIncludes(document.root, file, startIncludes(file.path), included) : document.root;
  const problems = schema.validator.validate(root);
  // A bad value is quoted in its message: the values by offset, found only when there is one.
  const values = new Map<number, string>();
  const index = (element: ValidatedElement): void => {
    for (const attribute of element.attributes) values.set(attribute.offset, attribute.value);
    for (const child of element.children) if (child.kind === 'element') index(child);
  };
  if (problems.some((problem) => problem.kind === 'attribute-value')) index(root);
  return problems.map((problem) => {
    const { reason, note } = describe(problem, (offset) => values.get(offset));
    return file.report({ source: 'teikit:relaxng', severity: 'error', ruleId: RULE_IDS[problem.kind], reason, place: file.place(problem.offset), ...(note ? { note } : {}) });
  });
}
