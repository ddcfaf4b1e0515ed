/**
 * XInclude, as far as exchanged TEI uses it: a `teiCorpus` (or a ParlaMint root) that includes
 * its members by `<xi:include href="member.xml"/>`. A target is followed only when it is a local
 * file in the including document's folder or below it (never a URL: nothing is fetched), at most
 * MAX_INCLUDE_DEPTH includes deep and never back into a file that is including it; `parse="text"`
 * includes the file's text. `xpointer` is not supported. A target that cannot be followed leaves
 * its `xi:fallback` in its place, and says why.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { SourceFile, InputError } from '../diagnostics.js';
import { decodeText } from '../input.js';
import { MAX_INPUT_BYTES, readInput } from '../io.js';
import { parseXml, type XmlElement } from './parse.js';

export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';
/** Includes inside included files are followed this deep. */
export const MAX_INCLUDE_DEPTH = 10;

export const isInclude = (element: XmlElement): boolean => element.uri === XINCLUDE_NS && element.local === 'include';

/** Whether any element of the tree is an XInclude. */
export const hasInclude = (element: XmlElement): boolean =>
  element.children.some((child) => child.kind === 'element' && (isInclude(child) || hasInclude(child)));

export const fallbackOf = (include: XmlElement): XmlElement | undefined =>
  include.children.find((child): child is XmlElement => child.kind === 'element' && child.uri === XINCLUDE_NS && child.local === 'fallback');

/** Where includes may lead: the corpus folder (the first including document's), and the files including now. */
export interface IncludeContext {
  folder: string;
  chain: readonly string[];
}

export const startIncludes = (path: string): IncludeContext => ({ folder: dirname(resolve(path)), chain: [resolve(path)] });

export type Included =
  | { kind: 'xml'; path: string; text: string; root: XmlElement; context: IncludeContext }
  | { kind: 'text'; path: string; text: string }
  | { kind: 'unresolved'; reason: string };

/** Follow one `xi:include` of the document at the end of `context.chain`. */
export function resolveInclude(include: XmlElement, context: IncludeContext): Included {
  const attribute = (name: string): string | undefined => include.attributes.find((candidate) => candidate.uri === '' && candidate.local === name)?.value;
  const href = attribute('href') ?? '';
  if (attribute('xpointer') !== undefined) return { kind: 'unresolved', reason: 'xpointer is not supported' };
  if (href === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(href)) return { kind: 'unresolved', reason: href === '' ? 'it has no href' : 'only local files are followed, never a URL' };
  if (context.chain.length > MAX_INCLUDE_DEPTH) return { kind: 'unresolved', reason: `includes are followed ${MAX_INCLUDE_DEPTH} deep at most` };
  const path = resolve(dirname(context.chain.at(-1)!), decodeURIComponent(href));
  const inside = relative(context.folder, path);
  if (inside.startsWith('..') || inside.startsWith(sep) || resolve(context.folder, inside) !== path) return { kind: 'unresolved', reason: 'it leads out of the corpus folder' };
  if (context.chain.includes(path)) return { kind: 'unresolved', reason: 'it includes a file that is including it' };
  const input = readInput(path, 'file', MAX_INPUT_BYTES);
  if (!input.bytes) return { kind: 'unresolved', reason: 'the file cannot be read' };
  try {
    const file = decodeText(input.bytes, path, 'file');
    if (attribute('parse') === 'text') return { kind: 'text', path, text: file.text };
    const { root } = parseXml(file);
    return { kind: 'xml', path, text: file.text, root, context: { folder: context.folder, chain: [...context.chain, path] } };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'unresolved', reason: `the file is not well-formed XML (${error.diagnostic.reason})` };
    throw error;
  }
}

/** Report an include that was not followed, at its place. */
export function reportUnresolved(file: SourceFile, include: XmlElement, reason: string): void {
  const fallback = fallbackOf(include);
  file.report({
    source: 'teikit:xml',
    severity: 'warning',
    ruleId: 'xinclude/not-followed',
    reason: `XInclude of "${include.attributes.find((attribute) => attribute.local === 'href')?.value ?? ''}" was not followed: ${reason}; ${fallback ? 'its xi:fallback stands in its place' : 'it has no xi:fallback, so nothing stands in its place'}.`,
    place: file.place(include.offset),
  });
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The document's text with every include replaced by what it includes (the target's root
 * element, itself expanded; a text; else the fallback's content), for a stage that reads text
 * (the XSLT). Includes that cannot be followed are reported on `file`.
 */
export function expandIncludes(file: SourceFile, root: XmlElement, context: IncludeContext): string {
  const { text } = file;
  const pieces: string[] = [];
  let at = 0;
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      if (!isInclude(child)) {
        visit(child);
        continue;
      }
      pieces.push(text.slice(at, child.offset));
      at = child.end;
      const included = resolveInclude(child, context);
      if (included.kind === 'xml') {
        const target = new SourceFile(included.path, included.text);
        const expanded = hasInclude(included.root) ? expandIncludes(target, included.root, included.context) : included.text;
        file.messages.push(...target.messages);
        // The included root element (its own prolog and xml-model left out).
        const reparsed = expanded === included.text ? included.root : parseXml(new SourceFile(included.path, expanded)).root;
        pieces.push(expanded.slice(reparsed.offset, reparsed.end));
      } else if (included.kind === 'text') {
        pieces.push(escapeText(included.text));
      } else {
        reportUnresolved(file, child, included.reason);
        const fallback = fallbackOf(child);
        if (fallback) pieces.push(fallbackContent(text, fallback));
      }
    }
  };
  visit(root);
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The markup inside an `xi:fallback` (between its tags). */
function fallbackContent(text: string, fallback: XmlElement): string {
  const startTagEnd = text.indexOf('>', fallback.offset) + 1;
  if (text[startTagEnd - 2] === '/') return '';
  return text.slice(startTagEnd, text.lastIndexOf('</', fallback.end - 1));
}
