/**
 * The render stage: TEI → HTML reading edition or plain-text edition, through the XSLT 3.0
 * stylesheets of xslt/, compiled to SEF at build time (scripts/compile-xslt.mjs) and run with
 * SaxonJS. Each compiled stylesheet is read once per process and reused for every document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SaxonJS from 'saxon-js';
import { InputError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { decodeText } from '../input.js';
import { parseXml } from '../xml/parse.js';

export const RENDER_TARGETS = ['html', 'text'] as const;
export type RenderTarget = (typeof RENDER_TARGETS)[number];
export const TEXT_VIEWS = ['reading', 'diplomatic'] as const;
export type TextView = (typeof TEXT_VIEWS)[number];

export interface RenderOptions {
  to: RenderTarget;
  /** Text: which edition. HTML: which view the page opens in (it holds both). */
  view?: TextView;
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

/** Render a TEI document. Bad input (not XML, entity declarations) is reported, never thrown. */
export function render(tei: Uint8Array | string, path: string, options: RenderOptions): RenderResult {
  const done = (diagnostics: Diagnostic[], output?: string): RenderResult => {
    const sorted = sortDiagnostics(diagnostics);
    const ok = output !== undefined && !sorted.some((diagnostic) => diagnostic.severity === 'error');
    return ok ? { output, diagnostics: sorted, ok } : { diagnostics: sorted, ok };
  };
  let text: string;
  try {
    const file = decodeText(typeof tei === 'string' ? new TextEncoder().encode(tei) : tei, path);
    // Our own parser first: it refuses entity declarations and points at malformed markup.
    parseXml(file);
    text = file.text;
  } catch (error) {
    if (error instanceof InputError) return done([error.diagnostic]);
    throw error;
  }
  const view = options.view ?? 'reading';
  try {
    const result = SaxonJS.transform(
      { stylesheetInternal: stylesheet(options.to), sourceText: text, destination: 'serialized', stylesheetParams: { view } },
      'sync',
    );
    return done([], result.principalResult);
  } catch (error) {
    return done([
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
