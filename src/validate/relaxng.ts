/**
 * RELAX NG validation in JavaScript (salve-annos, a fork of salve, which was written to validate
 * TEI in the browser): the schema is compiled once into salve's pattern form, kept in memory and
 * cached on disk, and every document is walked from our positioned tree, so each error carries
 * the line and column of the element, attribute or text it is about. No JVM, no libxml2.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import salve from 'salve-annos';
import type { Diagnostic, SourceFile } from '../diagnostics.js';
import { TEI_NS, XML_NS } from '../namespaces.js';
import type { XmlElement, XmlDocument } from '../xml/parse.js';

const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';

/** A RELAX NG schema compiled for validation; reuse it for every document. */
export interface CompiledSchema {
  /** Path of the .rng file it was compiled from. */
  path: string;
  grammar: salve.Grammar;
}

export class SchemaError extends Error {}

/** Where compiled schemas are kept between runs (compiling tei_all takes about a second). */
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
const simplifier = (createRequire(import.meta.url)('salve-annos/lib/salve/conversion/schema-simplifiers/internal.js') as { InternalSimplifier: { prototype: SimplifierPrototype } }).InternalSimplifier.prototype;
const parseWithText = simplifier.parse;
simplifier.parse = async function parseIncluded(url, resource, text) {
  if (text !== undefined) return parseWithText.call(this, url, resource, text);
  const loaded = await this.options.resourceLoader.load(url);
  return parseWithText.call(this, url, loaded, await loaded.getText());
};

/** A compiled schema on disk: which schema it is of (the key of its content) and a digest of the tree. */
interface CacheEntry {
  schema: string;
  digest: string;
  tree: string;
}

/**
 * The compiled tree cached for a schema, if the file is the cache of that schema and whole: a
 * cache file swapped or copied from another schema must not change what is valid.
 */
function readCachedTree(path: string, key: string): string | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheEntry>;
    if (entry.schema !== key || typeof entry.tree !== 'string') return undefined;
    return createHash('sha256').update(entry.tree).digest('hex') === entry.digest ? entry.tree : undefined;
  } catch {
    return undefined;
  }
}

/** Compile a RELAX NG schema (XML syntax); the result is cached on disk by content hash. */
export async function compileSchema(path: string): Promise<CompiledSchema> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new SchemaError(`The schema ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const key = createHash('sha256').update(`teikit cache 2\0${salve.version}\0`).update(text).digest('hex').slice(0, 32);
  const cached = join(schemaCacheDirectory(), `${key}.json`);
  const fromCache = readCachedTree(cached, key);
  if (fromCache !== undefined) {
    try {
      return { path, grammar: salve.readTreeFromJSON(fromCache) };
    } catch {
      // A tree this salve cannot read: compile below.
    }
  }
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
  // Only a schema made of this one file is cached: included files could change behind its hash.
  if (!/<(include|externalRef)\b/.test(text)) {
    try {
      mkdirSync(schemaCacheDirectory(), { recursive: true });
      const temporary = `${cached}.tmp-${process.pid}`;
      const tree = salve.writeTreeToJSON(converted.simplified, 3);
      const entry: CacheEntry = { schema: key, digest: createHash('sha256').update(tree).digest('hex'), tree };
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, cached);
    } catch {
      // A read-only home is fine: the next run compiles again.
    }
  }
  return { path, grammar: converted.pattern };
}

/** Rule ids for salve's messages, so that CI reports and tests can name the constraint. */
const ERROR_RULES: [RegExp, string][] = [
  [/^tag not allowed here/i, 'relaxng/element-not-allowed'],
  [/^(tag required|must choose either|unexpected end tag)/i, 'relaxng/element-missing'],
  [/^attribute not allowed here/i, 'relaxng/attribute-not-allowed'],
  [/^attribute missing/i, 'relaxng/attribute-missing'],
  [/^(invalid attribute value|attribute value missing|attribute value required)/i, 'relaxng/attribute-value'],
  [/^text not allowed here/i, 'relaxng/text-not-allowed'],
];

const ruleFor = (reason: string): string => ERROR_RULES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'relaxng/invalid';

/** `p`, `xml:id`, `{http://…}include`: names as a TEI user reads them. */
function showQualified(uri: string, local: string): string {
  if (uri === TEI_NS || uri === '') return local;
  if (uri === XML_NS) return `xml:${local}`;
  return `{${uri}}${local}`;
}

function showName(name: salve.BaseName): string {
  return name instanceof salve.Name ? showQualified(name.ns, name.name) : name.toString();
}

function describe(error: salve.ValidationError): string {
  const message = error.toStringWithNames(error.getNames().map(showName));
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** What the schema would accept at the walker's current point, for the note of an error. */
function allowedHere(walker: Walker, kind: 'enterStartTag' | 'attributeName'): string | undefined {
  const names: string[] = [];
  for (const event of walker.possible()) {
    if (event.name === kind && event.param instanceof salve.BaseName) names.push(showName(event.param));
  }
  if (names.length === 0) return undefined;
  const sorted = [...new Set(names)].sort();
  const shown = sorted.slice(0, 12).map((name) => (kind === 'enterStartTag' ? `<${name}>` : `@${name}`));
  return `Allowed here: ${shown.join(', ')}${sorted.length > shown.length ? `, … (${sorted.length} in all)` : ''}.`;
}

interface WalkEvent {
  name: 'enterStartTag' | 'attributeName' | 'attributeValue' | 'leaveStartTag' | 'text' | 'endTag' | 'enterContext' | 'leaveContext';
  params: string[];
  offset: number;
}

/** The document as salve's event sequence (namespace contexts included), in document order. */
function documentEvents(document: XmlDocument, file: SourceFile): WalkEvent[] {
  const events: WalkEvent[] = [];
  const walk = (element: XmlElement): void => {
    if (element.uri === XINCLUDE_NS && element.local === 'include') {
      // XIncludes are not followed (no file or network access from a document); their
      // fallback, if any, stands in for them, as in a processor that cannot reach the target.
      const fallback = element.children.find((child): child is XmlElement => child.kind === 'element' && child.uri === XINCLUDE_NS && child.local === 'fallback');
      file.report({
        source: 'teikit:relaxng',
        severity: 'info',
        ruleId: 'relaxng/xinclude-not-followed',
        reason: `XInclude of "${element.attributes.find((attribute) => attribute.local === 'href')?.value ?? ''}" was not followed; ${fallback ? 'its xi:fallback was validated in its place' : 'it has no xi:fallback, so nothing was validated in its place'}.`,
        place: file.place(element.offset),
      });
      if (fallback) walkChildren(fallback);
      return;
    }
    const declarations = Object.entries(element.namespaces);
    if (declarations.length > 0) events.push({ name: 'enterContext', params: declarations.flat(), offset: element.offset });
    events.push({ name: 'enterStartTag', params: [element.uri, element.local], offset: element.offset });
    for (const attribute of element.attributes) {
      events.push({ name: 'attributeName', params: [attribute.uri, attribute.local], offset: attribute.offset });
      events.push({ name: 'attributeValue', params: [attribute.value], offset: attribute.offset });
    }
    events.push({ name: 'leaveStartTag', params: [], offset: element.offset });
    walkChildren(element);
    events.push({ name: 'endTag', params: [element.uri, element.local], offset: element.offset });
    if (declarations.length > 0) events.push({ name: 'leaveContext', params: [], offset: element.offset });
  };
  const walkChildren = (element: XmlElement): void => {
    // salve wants one text event per run of text, never an empty one.
    let text = '';
    let textOffset = 0;
    for (const child of element.children) {
      if (child.kind === 'text') {
        if (text === '') textOffset = child.offset;
        text += child.value;
        continue;
      }
      if (text !== '') events.push({ name: 'text', params: [text], offset: textOffset });
      text = '';
      walk(child);
    }
    if (text !== '') events.push({ name: 'text', params: [text], offset: textOffset });
  };
  walk(document.root);
  return events;
}

type Walker = salve.GrammarWalker<salve.DefaultNameResolver>;

/** Fire one event; returns salve's errors, if any. */
function fireOn(walker: Walker, event: WalkEvent): readonly salve.ValidationError[] {
  if (event.name === 'enterContext') {
    walker.nameResolver.enterContext();
    for (let index = 0; index < event.params.length; index += 2) walker.nameResolver.definePrefix(event.params[index] ?? '', event.params[index + 1] ?? '');
    return [];
  }
  if (event.name === 'leaveContext') {
    walker.nameResolver.leaveContext();
    return [];
  }
  return walker.fireEvent(event.name, event.params) || [];
}

/** Errors that get an "Allowed here: …" note; beyond that, a replay per error is not worth it. */
const MAX_NOTES = 20;

/**
 * Validate a parsed document against a compiled schema. Every error is reported (salve recovers
 * and goes on), each at the element, attribute or text it is about.
 */
export function validateAgainstSchema(document: XmlDocument, file: SourceFile, schema: CompiledSchema): Diagnostic[] {
  const events = documentEvents(document, file);
  const walker: Walker = schema.grammar.newWalker(new salve.DefaultNameResolver());
  const failures: { index: number; error: salve.ValidationError }[] = [];
  events.forEach((event, index) => {
    for (const error of fireOn(walker, event)) failures.push({ index, error });
  });
  const endErrors = walker.end() || [];

  // What would have been allowed is only known before the failing event: replay up to it.
  const notes = new Map<number, string>();
  const wanted = [...new Set(failures.map((failure) => failure.index))].slice(0, MAX_NOTES);
  if (wanted.length > 0) {
    const replay: Walker = schema.grammar.newWalker(new salve.DefaultNameResolver());
    const last = wanted.at(-1) ?? 0;
    for (let index = 0; index <= last; index++) {
      const event = events[index];
      if (!event) break;
      if (wanted.includes(index) && (event.name === 'enterStartTag' || event.name === 'attributeName' || event.name === 'endTag')) {
        const note = allowedHere(replay, event.name === 'attributeName' ? 'attributeName' : 'enterStartTag');
        if (note) notes.set(index, note);
      }
      fireOn(replay, event);
    }
  }

  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { index, error } of failures) {
    const event = events[index];
    const offset = event?.offset ?? 0;
    const attribute = event?.name === 'attributeValue' ? events[index - 1]?.params : undefined;
    // salve's value errors do not say which attribute; the event before names it.
    const reason = attribute
      ? `Invalid value "${event?.params[0] ?? ''}" for attribute ${showQualified(attribute[0] ?? '', attribute[1] ?? '')}`
      : describe(error);
    // salve may report one cause twice at the same place (once per alternative it tried).
    const key = `${offset}\0${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const note = notes.get(index);
    diagnostics.push(
      file.report({
        source: 'teikit:relaxng',
        severity: 'error',
        ruleId: attribute ? 'relaxng/attribute-value' : ruleFor(reason),
        reason: `${reason}.`,
        place: file.place(offset),
        ...(note ? { note } : {}),
      }),
    );
  }
  for (const error of endErrors) {
    const reason = describe(error);
    diagnostics.push(file.report({ source: 'teikit:relaxng', severity: 'error', ruleId: ruleFor(reason), reason: `${reason}.`, place: file.place(document.root.offset) }));
  }
  return diagnostics;
}
