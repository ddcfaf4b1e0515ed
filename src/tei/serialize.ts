/**
 * The serializer stage: Edition → TEI P5 XML text (with xmlbuilder2). Element-only parts are
 * indented; mixed content is written exactly, so no whitespace is added to the transcription.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { TEI_NS, XML_NS } from '../namespaces.js';
import { EDITION_IDS } from '../ids.js';
import { codePointLabel, XML_FORBIDDEN_CHARACTER } from '../input.js';
import type { Edition, Inline, Paragraph, Person, PersonGroup, Speech } from '../model.js';
import { TEIKIT_VERSION } from '../version.js';


type Attributes = Record<string, string | undefined>;

/** What inline markup needs to know of the whole edition. */
interface InlineContext {
  /** `#id` of the translator, whom supplied text and notes point at; absent when unknown. */
  translatorRef?: string;
  /** How many flagged words with a comment have ids so far ("sic-1", "sic-2" in document order). */
  commentedSics: { count: number };
}

/** Writes element-only structure with indentation and mixed content without any. */
class TeiWriter {
  constructor(
    readonly node: XMLBuilder,
    readonly depth: number,
    readonly context: InlineContext,
  ) {}

  /** A child element on its own indented line. */
  element(name: string, attributes: Attributes = {}): TeiWriter {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    const child = this.node.ele(TEI_NS, name);
    setAttributes(child, attributes);
    return new TeiWriter(child, this.depth + 1, this.context);
  }

  /** A child element on its own line, holding text or inline content. */
  leaf(name: string, attributes: Attributes, content: string | readonly Inline[]): this {
    const child = this.element(name, attributes).node;
    if (typeof content === 'string') writeText(child, content);
    else writeInline(child, content, this.context);
    return this;
  }

  /** An empty child element on its own indented line. */
  empty(name: string, attributes: Attributes): void {
    this.node.txt(`\n${'  '.repeat(this.depth + 1)}`);
    setAttributes(this.node.ele(TEI_NS, name), attributes);
  }

  /** Close the element: its end tag goes on a line of its own. */
  close(): void {
    this.node.txt(`\n${'  '.repeat(this.depth)}`);
  }
}

/**
 * xmlbuilder2 leaves an "&" alone when it already looks like an entity ("&amp;", "&#65;"),
 * which would turn the source's literal "&amp;" into "&". Escaping every "&" first makes its
 * output exact: "&" → "&amp;amp;" → written as "&amp;", "&amp;" → "&amp;amp;".
 */
const escapeAmpersands = (value: string): string => value.replace(/&/g, '&amp;');

function setAttributes(node: XMLBuilder, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name.startsWith('xml:')) node.att(XML_NS, name, escapeAmpersands(value));
    else node.att(name, escapeAmpersands(value));
  }
}

/** Text, with characters XML cannot carry written as <g type="control" n="U+XXXX"/>. */
function writeText(node: XMLBuilder, value: string): void {
  let from = 0;
  for (const match of value.matchAll(XML_FORBIDDEN_CHARACTER)) {
    if (match.index > from) node.txt(escapeAmpersands(value.slice(from, match.index)));
    node.ele(TEI_NS, 'g').att('type', 'control').att('n', codePointLabel(match[0]));
    from = match.index + 1;
  }
  if (from < value.length) node.txt(escapeAmpersands(value.slice(from)));
}

function writeInline(node: XMLBuilder, nodes: readonly Inline[], context: InlineContext): void {
  const { translatorRef } = context;
  for (const inline of nodes) {
    switch (inline.type) {
      case 'text':
        writeText(node, inline.value);
        break;
      case 'supplied': {
        const element = node.ele(TEI_NS, 'supplied');
        setAttributes(element, { reason: 'clarification', resp: translatorRef, cert: inline.uncertain ? 'low' : undefined });
        writeInline(element, inline.children, context);
        break;
      }
      case 'pb':
        setAttributes(node.ele(TEI_NS, 'pb'), { n: inline.n });
        break;
      case 'noteRef':
        writeText(node.ele(TEI_NS, 'ref').att('type', 'note').att('target', `#${inline.target}`), inline.n);
        break;
      case 'gap': {
        const gap = node.ele(TEI_NS, 'gap');
        setAttributes(gap, { reason: 'omitted', resp: translatorRef });
        writeText(gap.ele(TEI_NS, 'desc'), inline.description);
        break;
      }
      case 'note': {
        const note = node.ele(TEI_NS, 'note');
        setAttributes(note, { type: inline.noteType, place: 'inline', resp: translatorRef });
        writeInline(note, inline.children, context);
        break;
      }
      case 'add':
        writeInline(node.ele(TEI_NS, 'add').att('hand', `#${inline.hand}`), inline.children, context);
        break;
      case 'sic': {
        // A comment ("[SIC, plural]") points at the word it is about, and keeps the flag as written.
        const id = inline.comment !== undefined ? `sic-${++context.commentedSics.count}` : undefined;
        if (inline.correction !== undefined) {
          const choice = node.ele(TEI_NS, 'choice');
          const sic = choice.ele(TEI_NS, 'sic');
          setAttributes(sic, { 'xml:id': id });
          writeInline(sic, inline.children, context);
          const corr = choice.ele(TEI_NS, 'corr');
          setAttributes(corr, { resp: translatorRef });
          writeText(corr, inline.correction);
        } else {
          const sic = node.ele(TEI_NS, 'sic');
          setAttributes(sic, { 'xml:id': id, n: inline.comment === undefined ? inline.flag : undefined });
          writeInline(sic, inline.children, context);
        }
        if (inline.comment !== undefined) {
          // The space the source has before "[SIC, …]": the comment is not part of the word.
          node.txt(' ');
          const note = node.ele(TEI_NS, 'note');
          setAttributes(note, { type: 'translator', place: 'inline', resp: translatorRef, target: `#${id}`, n: inline.flag });
          writeText(note, inline.comment);
        }
        break;
      }
      case 'originalForm': {
        const note = node.ele(TEI_NS, 'note');
        setAttributes(note, { type: 'original-form', resp: translatorRef });
        writeInline(note.ele(TEI_NS, 'sic'), inline.children, context);
        break;
      }
      case 'persName':
        writeInline(node.ele(TEI_NS, 'persName').att('ref', `#${inline.ref}`), inline.children, context);
        break;
      case 'fw':
        writeText(node.ele(TEI_NS, 'fw').att('type', inline.kind), inline.text);
        break;
      case 'salute':
        writeInline(node.ele(TEI_NS, 'seg').att('type', 'salute'), inline.children, context);
        break;
      default:
        unreachable(inline);
    }
  }
}

/** A switch over the model's kinds that misses one fails to compile here. */
function unreachable(value: never): never {
  throw new Error(`teikit has no TEI for ${JSON.stringify(value)}.`);
}

/** Inline content as TEI markup (for tests and documentation examples). */
export function serializeInline(nodes: readonly Inline[], translator = 'translator'): string {
  const root = create().ele(TEI_NS, 'p');
  writeInline(root, nodes, { translatorRef: `#${translator}`, commentedSics: { count: 0 } });
  const xml = root.end({ headless: true });
  return xml.replace(/^<p xmlns="[^"]+">/, '').replace(/<\/p>$/, '').replace(/ xmlns="[^"]+"/g, '');
}

function writeTitleStmt(fileDesc: TeiWriter, edition: Edition): void {
  const titleStmt = fileDesc.element('titleStmt');
  titleStmt.leaf('title', { type: 'main' }, edition.title);
  if (edition.subtitle) titleStmt.leaf('title', { type: 'sub' }, edition.subtitle);
  if (edition.translator) {
    const resp = titleStmt.element('respStmt');
    resp.leaf('resp', {}, 'Translated by');
    resp.leaf('persName', { 'xml:id': edition.translator.id }, edition.translator.name);
    resp.close();
  }
  if (edition.editor) {
    const resp = titleStmt.element('respStmt');
    resp.leaf('resp', {}, 'TEI edition prepared by');
    resp.leaf('persName', { 'xml:id': EDITION_IDS.editor }, edition.editor);
    resp.close();
  }
  titleStmt.close();
}

function writePublicationStmt(fileDesc: TeiWriter, edition: Edition): void {
  const { publication } = edition;
  const statement = fileDesc.element('publicationStmt');
  if (publication.publisher) statement.leaf('publisher', {}, publication.publisher);
  else statement.leaf('authority', {}, 'Not published: converted by teikit; no publisher is declared in edition.json.');
  statement.leaf('idno', { type: 'teikit' }, publication.idno);
  if (publication.url) statement.leaf('idno', { type: 'URI' }, publication.url);
  if (publication.date) statement.leaf('date', { when: publication.date }, publication.date);
  // Always stated, if only as unknown: a reader must never have to guess whether reuse is allowed.
  const known = publication.licence !== undefined || edition.rights.length > 0;
  const availability = statement.element('availability', known ? {} : { status: 'unknown' });
  if (publication.licence) availability.leaf('licence', { target: publication.licence.url }, publication.licence.text);
  for (const paragraph of edition.rights) availability.leaf('p', { source: `#${EDITION_IDS.onlineRecord}` }, paragraph);
  if (!known) availability.leaf('p', {}, 'The source states no rights and the edition manifest declares no licence (edition.licence in edition.json).');
  availability.close();
  statement.close();
}

function writeSourceDesc(fileDesc: TeiWriter, edition: Edition): void {
  const sourceDesc = fileDesc.element('sourceDesc');
  const { archival, record } = edition;
  if (archival) {
    const msDesc = sourceDesc.element('msDesc', { 'xml:id': EDITION_IDS.original });
    const identifier = msDesc.element('msIdentifier');
    identifier.leaf('repository', {}, archival.repository);
    for (const part of archival.identifiers) identifier.leaf('idno', { type: part.type }, part.value);
    const alternative = identifier.element('altIdentifier', { type: 'citation' });
    alternative.leaf('idno', { type: 'archival' }, archival.verbatim);
    alternative.close();
    identifier.close();
    const { folios } = archival;
    const language = edition.originalLanguage;
    if (folios || language) {
      const contents = msDesc.element('msContents');
      const folioAttributes = folios ? { from: folios.from, to: folios.to } : {};
      if (folios && language) {
        // msContents holds either paragraphs or structured items: with both facts, one msItem.
        const item = contents.element('msItem');
        item.leaf('locus', folioAttributes, folios.text);
        item.leaf('textLang', { mainLang: language.ident }, language.text);
        item.close();
      } else if (folios) {
        const locus = contents.element('p').node.ele(TEI_NS, 'locus');
        setAttributes(locus, folioAttributes);
        writeText(locus, folios.text);
      } else if (language) {
        contents.leaf('textLang', { mainLang: language.ident }, language.text);
      }
      contents.close();
    }
    msDesc.close();
  }
  const bibl = sourceDesc.element('bibl', { 'xml:id': EDITION_IDS.onlineRecord, type: 'online' });
  bibl.leaf('title', {}, edition.title);
  if (edition.translator) {
    const resp = bibl.element('respStmt');
    resp.leaf('resp', {}, 'Translated by');
    resp.leaf('persName', { ref: `#${edition.translator.id}` }, edition.translator.name);
    resp.close();
  }
  if (record.id) bibl.leaf('idno', { type: 'record' }, record.id);
  if (record.url) bibl.leaf('idno', { type: 'URI' }, record.url);
  if (record.uploaded) bibl.leaf('date', { type: 'uploaded', when: record.uploaded.when }, record.uploaded.text);
  if (!archival && edition.originalLanguage) bibl.leaf('textLang', { mainLang: edition.originalLanguage.ident }, edition.originalLanguage.text);
  if (record.source !== undefined) bibl.leaf('note', { type: 'source' }, record.source);
  for (const field of record.fields) bibl.leaf('note', { type: 'field', n: field.heading }, field.value);
  for (const artefact of edition.pageArtefacts) bibl.leaf('note', { type: 'page-artefact' }, artefact);
  bibl.close();
  sourceDesc.close();
}

function writeEncodingDesc(header: TeiWriter, edition: Edition): void {
  const encodingDesc = header.element('encodingDesc');
  const project = encodingDesc.element('projectDesc');
  project.leaf('p', {}, 'Converted by teikit from the plain text of an archival translation into a TEI P5 edition; every character of the source is kept in the text or the header.');
  project.close();
  const editorial = encodingDesc.element('editorialDecl');
  for (const statement of edition.method) editorial.leaf('p', { n: statement.n }, statement.text);
  editorial.close();
  const refs = encodingDesc.element('refsDecl');
  refs.empty('citeStructure', { unit: 'speech', match: '/TEI/text/body/sp', use: '@n' });
  refs.empty('citeStructure', { unit: 'paragraph', match: '/TEI/text/body//p', use: '@n' });
  refs.close();
  const appInfo = encodingDesc.element('appInfo');
  const application = appInfo.element('application', { ident: 'teikit', version: TEIKIT_VERSION });
  application.leaf('label', {}, 'teikit');
  application.close();
  appInfo.close();
  encodingDesc.close();
}

const GROUP_DESCRIPTIONS: Record<PersonGroup['type'], string | undefined> = {
  attendance: undefined,
  'unlisted-speakers': 'Persons who speak in the record but are not named in its attendance list.',
  mentioned: 'Persons mentioned in the text, as declared in the edition manifest.',
};

function writePerson(list: TeiWriter, person: Person): void {
  const element = list.element('person', { 'xml:id': person.id });
  element.leaf('persName', {}, person.name);
  for (const alias of person.aliases) element.leaf('persName', { type: 'alias' }, alias);
  for (const variant of person.variants) element.leaf('persName', { type: 'variant' }, variant);
  if (person.role) element.leaf('occupation', {}, person.role);
  element.close();
}

function writeProfileDesc(header: TeiWriter, edition: Edition): void {
  const profile = header.element('profileDesc');
  if (edition.creation) {
    const creation = profile.element('creation');
    const text = edition.dateLine?.when === edition.creation.when ? edition.dateLine.text : edition.creation.when;
    creation.leaf('date', { when: edition.creation.when, resp: edition.creation.fromManifest && edition.editor ? `#${EDITION_IDS.editor}` : undefined }, text);
    creation.close();
  }
  if (edition.language) {
    const usage = profile.element('langUsage');
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(edition.language) ?? edition.language;
    usage.leaf('language', { ident: edition.language }, name);
    usage.close();
  }
  if (edition.abstract) {
    const abstract = profile.element('abstract', { source: `#${EDITION_IDS.onlineRecord}` });
    abstract.leaf('p', {}, edition.abstract.content);
    abstract.close();
  }
  if (edition.subject) {
    const textClass = profile.element('textClass');
    const keywords = textClass.element('keywords');
    keywords.leaf('term', { type: 'subject' }, edition.subject);
    keywords.close();
    textClass.close();
  }
  if (edition.groups.length) {
    const partic = profile.element('particDesc');
    const all = partic.element('listPerson');
    for (const group of edition.groups) {
      const list = all.element('listPerson', { 'xml:id': group.id, type: group.type });
      if (group.label) list.leaf('head', {}, group.label);
      const description = GROUP_DESCRIPTIONS[group.type];
      if (description) list.leaf('desc', {}, description);
      for (const person of group.persons) writePerson(list, person);
      list.close();
    }
    all.close();
    partic.close();
  }
  if (edition.hands.length) {
    const notes = profile.element('handNotes');
    for (const hand of edition.hands) notes.leaf('handNote', { 'xml:id': hand.id }, hand.description);
    notes.close();
  }
  profile.close();
}

function writeParagraph(parent: TeiWriter, paragraph: Paragraph): void {
  parent.leaf('p', { 'xml:id': paragraph.id, n: String(paragraph.n), rend: paragraph.align ? `align(${paragraph.align})` : undefined }, paragraph.content);
}

function writeSpeech(parent: TeiWriter, item: Speech): void {
  const speech = parent.element('sp', { 'xml:id': item.id, n: String(item.n), who: `#${item.who}` });
  if (item.label !== undefined) speech.leaf('speaker', { rend: item.labelStands }, item.label);
  for (const paragraph of item.paragraphs) writeParagraph(speech, paragraph);
  speech.close();
}

/**
 * The body. Letters (from a salutation to the close) and enclosures are divisions; text after
 * a division that has closed goes into a division of its own, as TEI allows no paragraph after
 * a <div> at the same level.
 */
function writeBody(text: TeiWriter, edition: Edition): void {
  const body = text.element('body');
  if (edition.subtitle) body.leaf('head', {}, edition.subtitle);
  let enclosure: TeiWriter | undefined;
  let division: TeiWriter | undefined;
  const parentsWithDivisions = new Set<TeiWriter>();
  const openDivision = (type: string, attributes: Attributes = {}): TeiWriter => {
    division?.close();
    const parent = enclosure ?? body;
    parentsWithDivisions.add(parent);
    division = parent.element('div', { type, ...attributes });
    return division;
  };
  const container = (): TeiWriter => {
    if (division) return division;
    const parent = enclosure ?? body;
    return parentsWithDivisions.has(parent) ? openDivision('continuation') : parent;
  };
  for (const item of edition.body) {
    switch (item.kind) {
      case 'p':
        writeParagraph(container(), item);
        break;
      case 'sp':
        writeSpeech(container(), item);
        break;
      case 'pb':
        container().empty('pb', { n: item.n });
        break;
      case 'fw':
        container().leaf('fw', { type: item.furniture.kind }, item.furniture.text);
        break;
      case 'gap': {
        const gap = container().element('gap', { reason: 'omitted' });
        gap.leaf('desc', {}, item.mark);
        gap.close();
        break;
      }
      case 'enclosure':
        division?.close();
        division = undefined;
        enclosure?.close();
        parentsWithDivisions.add(body);
        enclosure = body.element('div', { type: 'enclosure', n: item.n });
        enclosure.leaf('head', {}, item.head);
        break;
      case 'opener': {
        const letter = openDivision('letter');
        if (item.salute === undefined) break;
        const opener = letter.element('opener');
        opener.leaf('salute', {}, item.salute);
        opener.close();
        break;
      }
      case 'closer': {
        const closer = container().element('closer');
        closer.leaf('salute', {}, item.salute);
        if (item.signed !== undefined) closer.leaf('signed', {}, item.signed);
        closer.close();
        division?.close();
        division = undefined;
        break;
      }
      default:
        unreachable(item);
    }
  }
  division?.close();
  enclosure?.close();
  if (edition.body.length === 0) body.leaf('p', {}, '');
  body.close();
}

export interface SerializeOptions {
  /**
   * Where teikit.rng and teikit.sch are, relative to the TEI file or as a URL, for the
   * xml-model instructions that let XML editors validate the file on open. The default fits
   * an edition folder of a teikit project: editions/ID/ID.xml beside schema/.
   */
  schemaBase?: string;
}

export const DEFAULT_SCHEMA_BASE = '../../schema/';

/** xml-model processing instructions (ISO/IEC 19757-11) for our RELAX NG schema and Schematron rules. */
function xmlModelInstructions(schemaBase: string): string {
  const base = schemaBase === '' || schemaBase.endsWith('/') ? schemaBase : `${schemaBase}/`;
  // Characters a URI cannot hold are percent-encoded: a ">" after "?" would end the instruction
  // (and let a crafted --schema-base write markup, a DOCTYPE, into the TEI).
  const href = (name: string): string =>
    `${base}${name}`.replace(/[\s<>"{}|\\^`\p{Cc}]/gu, (character) => encodeURIComponent(character)).replace(/&/g, '&amp;');
  return (
    `<?xml-model href="${href('teikit.rng')}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n` +
    `<?xml-model href="${href('teikit.sch')}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n`
  );
}

/** Serialize an edition as a TEI P5 document (UTF-8, LF line ends, final newline). */
export function serializeTei(edition: Edition, options: SerializeOptions = {}): string {
  const root = create().ele(TEI_NS, 'TEI');
  setAttributes(root, { 'xml:lang': edition.language });
  const tei = new TeiWriter(root, 0, { ...(edition.translator ? { translatorRef: `#${edition.translator.id}` } : {}), commentedSics: { count: 0 } });

  const header = tei.element('teiHeader');
  const fileDesc = header.element('fileDesc');
  writeTitleStmt(fileDesc, edition);
  writePublicationStmt(fileDesc, edition);
  writeSourceDesc(fileDesc, edition);
  fileDesc.close();
  writeEncodingDesc(header, edition);
  writeProfileDesc(header, edition);
  const revision = header.element('revisionDesc');
  const change = `Converted by teikit ${TEIKIT_VERSION} from the source text (layout: ${edition.layout}).`;
  revision.leaf('change', { when: edition.publication.date, who: edition.editor ? `#${EDITION_IDS.editor}` : undefined }, change);
  revision.close();
  header.close();

  const text = tei.element('text');
  if (edition.front.length > 0) {
    // The source's own header, verbatim and in order (the teiHeader holds what was read from it).
    const front = text.element('front');
    const header = front.element('div', { type: 'source-header' });
    for (const part of edition.front) header.leaf('ab', { type: part.type }, part.content);
    header.close();
    front.close();
  } else if (edition.dateLine || edition.title) {
    const front = text.element('front');
    if (edition.dateLine) front.leaf('docDate', { when: edition.dateLine.when }, edition.dateLine.text);
    if (edition.title) {
      const docTitle = front.element('docTitle');
      docTitle.leaf('titlePart', { type: 'main' }, edition.title);
      docTitle.close();
    }
    front.close();
  }
  writeBody(text, edition);
  if (edition.footnotes.length > 0) {
    const back = text.element('back');
    const notes = back.element('div', { type: 'notes' });
    for (const footnote of edition.footnotes) notes.leaf('note', { 'xml:id': footnote.id, n: footnote.n, type: 'footnote' }, footnote.content);
    notes.close();
    back.close();
  }
  text.close();
  tei.close();
  const instructions = xmlModelInstructions(options.schemaBase ?? DEFAULT_SCHEMA_BASE);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${instructions}${root.end({ headless: true })}\n`;
}
