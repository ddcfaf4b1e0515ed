/**
 * The XML reading stage: text → a small tree whose every element and attribute knows its offset
 * in the source, so that schema errors and rule failures point at line and column.
 *
 * saxes is a conformant non-validating parser: it never reads a DTD or resolves an external
 * entity. We refuse entity declarations outright (before any expansion could happen), which
 * stops entity-expansion bombs and XXE documents at the first bytes of their DOCTYPE.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError, type SourceFile } from '../diagnostics.js';

export interface XmlAttribute {
  /** Qualified name as written, e.g. `xml:id`. */
  name: string;
  uri: string;
  local: string;
  value: string;
  /** Offset of the attribute's name in the source. */
  offset: number;
}

export interface XmlText {
  kind: 'text';
  value: string;
  offset: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  uri: string;
  local: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
  /** Namespace declarations made on this element (prefix → URI; '' for the default namespace). */
  namespaces: Record<string, string>;
  /** Offset of the '<' of the start tag. */
  offset: number;
  /** Offset just after the end tag (after the start tag of an empty element). */
  end: number;
  parent?: XmlElement;
}

export type XmlNode = XmlElement | XmlText;

export interface ProcessingInstruction {
  target: string;
  body: string;
  offset: number;
}

export interface XmlDocument {
  root: XmlElement;
  /** Processing instructions before the root element (xml-model, xml-stylesheet). */
  prolog: ProcessingInstruction[];
}


/** Reject, with position, a document that cannot be read safely or is not well-formed. */
function reject(file: SourceFile, offset: number, ruleId: string, reason: string, note: string): never {
  throw new InputError(
    file.report({ source: 'teikit:xml', severity: 'error', ruleId, reason, note, place: file.place(offset) }),
  );
}

/**
 * Where attribute `name` stands in a start tag, searching from `from` (attributes come in
 * document order, so each search starts where the last one ended: linear in the tag's length).
 */
function attributeOffset(startTag: string, name: string, from: number): number {
  for (let at = startTag.indexOf(name, from); at >= 0; at = startTag.indexOf(name, at + 1)) {
    if (!isXmlSpace(startTag.charCodeAt(at - 1))) continue;
    let after = at + name.length;
    while (isXmlSpace(startTag.charCodeAt(after))) after++;
    if (startTag.charCodeAt(after) === 0x3d) return at;
  }
  return -1;
}

/** XML's white space (space, tab, line feed, carriage return): all a start tag may hold between its parts. */
const isXmlSpace = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/**
 * Elements nested deeper than this are refused: no TEI document comes near it, and every stage
 * that walks the tree (validation, rules, XSLT) recurses once per level.
 */
export const MAX_XML_DEPTH = 1000;
/** Attributes on one element beyond this are refused: TEI elements carry a handful. */
export const MAX_XML_ATTRIBUTES = 1000;

/** Parse a well-formed XML document into a positioned tree; throws InputError otherwise. */
export function parseXml(file: SourceFile): XmlDocument {
  const { text } = file;
  const firstMarkup = text.search(/\S/);
  if (firstMarkup < 0 || text[firstMarkup] !== '<') {
    reject(file, Math.max(firstMarkup, 0), 'xml/not-xml', 'This file is not XML: it does not start with "<".', 'Give teikit validate TEI (.xml) files or edition.json manifests.');
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const prolog: ProcessingInstruction[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  // Text events carry decoded text ("&amp;" → "&"), so a text node's offset is where the
  // markup before it ended, not its length counted back from the parser's position.
  let markupEnd = 0;
  let textStart = 0;
  let pending = '';

  const flushText = (): void => {
    if (pending === '') return;
    stack.at(-1)?.children.push({ kind: 'text', value: pending, offset: textStart });
    pending = '';
  };

  parser.on('doctype', (doctype) => {
    const entity = doctype.search(/<!ENTITY/);
    if (entity >= 0) {
      const at = text.indexOf('<!ENTITY');
      reject(file, at >= 0 ? at : parser.position, 'xml/entity-declaration', 'The document declares entities in its DOCTYPE; teikit does not expand entities (protection against entity-expansion bombs and external-entity attacks).', 'Replace entity references with the characters they stand for and remove the <!ENTITY> declarations.');
    }
  });
  parser.on('processinginstruction', (pi) => {
    if (!root) prolog.push({ target: pi.target, body: pi.body, offset: text.lastIndexOf('<?', parser.position) });
    markupEnd = parser.position;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    flushText();
    // '<' cannot occur inside attribute values, so the last one before '>' opens this tag.
    const tagStart = text.lastIndexOf('<', parser.position - 1);
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      uri: tag.uri,
      local: tag.local,
      attributes: [],
      children: [],
      namespaces: tag.ns,
      offset: tagStart,
      end: parser.position,
    };
    if (stack.length >= MAX_XML_DEPTH) {
      reject(file, tagStart, 'xml/too-deep', `Elements are nested more than ${MAX_XML_DEPTH} deep here; teikit reads documents nested at most ${MAX_XML_DEPTH} deep.`, 'No TEI document is nested this deep: the file is probably generated by mistake.');
    }
    const attributeCount = Object.keys(tag.attributes).length;
    if (attributeCount > MAX_XML_ATTRIBUTES) {
      reject(file, tagStart, 'xml/too-many-attributes', `This element has ${attributeCount} attributes; teikit reads elements with at most ${MAX_XML_ATTRIBUTES}.`, 'No TEI element has this many attributes: the file is probably generated by mistake.');
    }
    const startTag = text.slice(tagStart, parser.position);
    let searchFrom = 0;
    for (const attribute of Object.values(tag.attributes)) {
      const at = attributeOffset(startTag, attribute.name, searchFrom);
      if (at >= 0) searchFrom = at + attribute.name.length;
      if (attribute.name === 'xmlns' || attribute.prefix === 'xmlns') continue;
      element.attributes.push({
        name: attribute.name,
        uri: attribute.uri,
        local: attribute.local,
        value: attribute.value,
        offset: tagStart + (at >= 0 ? at : 0),
      });
    }
    const parent = stack.at(-1);
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else {
      root = element;
    }
    if (!tag.isSelfClosing) stack.push(element);
    markupEnd = parser.position;
  });
  const addText = (value: string): void => {
    if (pending === '') textStart = markupEnd;
    pending += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    flushText();
    if (!tag.isSelfClosing) {
      const closed = stack.pop();
      if (closed) closed.end = parser.position;
    }
    markupEnd = parser.position;
  });
  // Handlers are kept to the six needed: saxes runs several times slower with eight (measured),
  // so comments get none and errors are caught as thrown rather than through an 'error' handler.
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    // saxes prefixes its messages with "line:column: "; the diagnostic carries the place.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^\d+:\d+: /, '');
    reject(file, Math.min(parser.position, text.length), 'xml/not-well-formed', `The XML is not well-formed: ${reason}`, 'Fix the markup at this place; an XML editor shows the matching tags.');
  }
  if (!root) reject(file, 0, 'xml/not-xml', 'This file holds no XML element.', 'Give teikit validate TEI (.xml) files or edition.json manifests.');
  return { root, prolog };
}

/** An attribute in no namespace (or `xml:*` when `uri` is the XML namespace). */
export function findAttribute(element: XmlElement, local: string, uri = ''): XmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.local === local && attribute.uri === uri);
}

export const attributeValue = (element: XmlElement, local: string, uri = ''): string | undefined => findAttribute(element, local, uri)?.value;

/** Every element of the tree, in document order (the element itself first), but those `skip` leaves out with what they hold. */
export function descendants(element: XmlElement, skip: (element: XmlElement) => boolean = () => false): XmlElement[] {
  const found: XmlElement[] = [];
  // `skip`: an element left out with all it holds.
  const visit = (current: XmlElement): void => {
    if (skip(current)) return;
    found.push(current);
    for (const child of current.children) if (child.kind === 'element') visit(child);
  };
  visit(element);
  return found;
}

/** The text content of an element (all descendant text, in order). */
export function textContent(element: XmlElement): string {
  let result = '';
  for (const child of element.children) result += child.kind === 'text' ? child.value : textContent(child);
  return result;
}
