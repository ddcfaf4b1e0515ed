/**
 * The render stage: TEI → HTML reading edition, plain-text edition or catalogue record (JSON),
 * through the XSLT 3.0 stylesheets of xslt/, compiled to SEF at build time
 * (scripts/compile-xslt.mjs) and run with SaxonJS. Each compiled stylesheet is read once per
 * process and reused for every document; a document is parsed once for all its outputs.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { SaxonDocument, SaxonJsStatic } from 'saxon-js';
import { InputError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { decodeText } from '../input.js';
import { parseXml } from '../xml/parse.js';
import { expandIncludes, hasInclude, startIncludes } from '../xml/xinclude.js';

import type { RenderTarget, TextView } from './targets.js';

// Required, not imported: importing this one large CommonJS file from ESM first scans all of it
// for named exports (measured: 300 ms → 195 ms to load).
const SaxonJS = createRequire(import.meta.url)('saxon-js') as SaxonJsStatic;

export { RENDER_TARGETS, TEXT_VIEWS, type RenderTarget, type TextView } from './targets.js';

export interface RenderOptions {
  to: RenderTarget;
  /** Text: which edition. HTML: which view the page opens in (it holds both). JSON: unused. */
  view?: TextView;
  /** A TEI document describing persons the document points at from outside it (ParlaMint's corpus root). */
  persons?: SaxonDocument;
}

export interface RenderResult {
  output?: string;
  diagnostics: Diagnostic[];
  ok: boolean;
}

/** Compiled stylesheets live in dist/xslt/ (the same path from src/ and from dist/). */
const SEF_DIRECTORY = fileURLToPath(new URL('../../dist/xslt/', import.meta.url));
const compiled = new Map<RenderTarget, object>();

function stylesheet(target: RenderTarget): object {
  let sef = compiled.get(target);
  if (!sef) {
    const path = `${SEF_DIRECTORY}${target}.sef.json`;
    try {
      sef = JSON.parse(readFileSync(path, 'utf8')) as object;
    } catch {
      throw new Error(`The compiled stylesheet ${path} is missing: run \`npm run build\` (it compiles xslt/ with xslt3).`);
    }
    compiled.set(target, sef);
  }
  return sef;
}

/** SaxonJS errors carry a code and, for stylesheet errors, the module and line. */
function describeTransformError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { message, code } = error as { message: unknown; code?: unknown };
    return `${String(message)}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return String(error);
}

const finish = (diagnostics: Diagnostic[], output?: string): RenderResult => {
  const sorted = sortDiagnostics(diagnostics);
  const ok = output !== undefined && !sorted.some((diagnostic) => diagnostic.severity === 'error');
  return ok ? { output, diagnostics: sorted, ok } : { diagnostics: sorted, ok };
};

function transform(document: SaxonDocument, path: string, options: RenderOptions): RenderResult {
  try {
    // The HTML cites the TEI by its file name where the edition has no URL of its own.
    const params: Record<string, string | SaxonDocument> = options.to === 'html' ? { view: options.view ?? 'reading', 'source-name': basename(path) } : { view: options.view ?? 'reading' };
    if (options.persons) params.persons = options.persons;
    const result = SaxonJS.transform({ stylesheetInternal: stylesheet(options.to), sourceNode: document, destination: 'serialized', stylesheetParams: params }, 'sync');
    return finish([], result.principalResult);
  } catch (error) {
    return finish([
      {
        file: path,
        severity: 'error',
        source: 'teikit:render',
        ruleId: 'render/transform',
        reason: `The ${options.to} stylesheet could not render this document: ${describeTransformError(error)}.`,
        note: 'This is a gap in teikit\'s stylesheets for this kind of TEI; please report it with the file.',
      },
    ]);
  }
}

/**
 * A TEI file as SaxonJS's document: read by our own parser first (it refuses entity declarations
 * and points at malformed markup); `expand`: its XIncludes followed (src/xml/xinclude.ts), so
 * that a corpus of included members is one document. Bad input is a diagnostic, never thrown.
 */
function readDocument(bytes: Uint8Array, path: string, expand: boolean): { document?: SaxonDocument; warnings: Diagnostic[]; diagnostic?: Diagnostic } {
  try {
    const file = decodeText(bytes, path);
    const { root } = parseXml(file);
    const text = expand && hasInclude(root) ? expandIncludes(file, root, startIncludes(path)) : file.text;
    return { document: SaxonJS.XPath.evaluate('parse-xml($text)', null, { params: { text } }), warnings: file.messages };
  } catch (error) {
    if (error instanceof InputError) return { warnings: [], diagnostic: error.diagnostic };
    const reason = `SaxonJS could not parse this document: ${describeTransformError(error)}.`;
    return { warnings: [], diagnostic: { file: path, severity: 'error', source: 'teikit:render', ruleId: 'render/parse', reason } };
  }
}

/**
 * Render one TEI document to several outputs, parsing it once. Bad input (not XML, entity
 * declarations) is reported in every result, never thrown.
 */
export function renderEach(tei: Uint8Array | string, path: string, requests: readonly RenderOptions[]): RenderResult[] {
  const { document, warnings, diagnostic } = readDocument(typeof tei === 'string' ? new TextEncoder().encode(tei) : tei, path, true);
  if (!document) return requests.map(() => finish(diagnostic ? [diagnostic] : []));
  return requests.map((options) => {
    const result = transform(document, path, options);
    return warnings.length > 0 ? { ...result, diagnostics: sortDiagnostics([...warnings, ...result.diagnostics]) } : result;
  });
}

/**
 * Read a persons document (any TEI whose listPerson describes persons by xml:id) for
 * RenderOptions.persons; bad input is a diagnostic, as for the document itself.
 */
export function readPersons(bytes: Uint8Array, path: string): { persons?: SaxonDocument; diagnostic?: Diagnostic } {
  const { document, diagnostic } = readDocument(bytes, path, false);
  return document ? { persons: document } : diagnostic ? { diagnostic } : {};
}

/** Render a TEI document to one output. */
export function render(tei: Uint8Array | string, path: string, options: RenderOptions): RenderResult {
  return renderEach(tei, path, [options])[0]!;
}
