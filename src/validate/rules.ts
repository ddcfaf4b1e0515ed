/**
 * The rules a schema cannot state: pointers that must resolve, unique ids, dates, declared hands,
 * a complete header. The same rules, with the same ids, are in schema/teikit.sch for XML editors;
 * test/validate-rules.test.ts runs both on the same documents and compares what they find.
 */
import type { Diagnostic, Severity, SourceFile } from '../diagnostics.js';
import { TEI_EXAMPLES_NS, TEI_NS, XML_NS } from '../namespaces.js';
import { attributeValue, descendants, findAttribute, textContent, type XmlAttribute, type XmlDocument, type XmlElement } from '../xml/parse.js';

/** Generic rules hold for any TEI P5 document; teikit rules for the editions teikit makes. */
export type RuleScope = 'generic' | 'teikit';

export interface RuleFailure {
  at: XmlElement | XmlAttribute;
  reason: string;
  note: string;
}

export interface TeiRule {
  id: string;
  scope: RuleScope;
  severity: Severity;
  /** One sentence, shown by `teikit validate --list-rules`. */
  description: string;
  check(index: DocumentIndex): Iterable<RuleFailure>;
}

/** Pointing attributes whose `#id` values must name an element of the same document. */
export const POINTER_ATTRIBUTES = ['who', 'ref', 'hand', 'corresp', 'resp', 'source'] as const;

/** ISO 8601 as TEI's @when allows it: a year, year-month, date, or date and time. */
const ISO_8601 = /^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?)?)?)?$/;
const DATE_ATTRIBUTES = ['when', 'notBefore', 'notAfter', 'from', 'to'] as const;
/** @from and @to are dates only on dating elements (on <locus> they are folios). */
const RANGE_DATED = new Set(['date', 'docDate', 'origDate', 'time']);
const isDateAttribute = (element: XmlElement, name: string): boolean => (name !== 'from' && name !== 'to') || RANGE_DATED.has(element.local);

/** What every rule needs to know of a document, computed once. */
export class DocumentIndex {
  readonly elements: XmlElement[];
  /** First element with each xml:id. */
  readonly ids = new Map<string, XmlElement>();
  readonly duplicateIds: { attribute: XmlAttribute; first: XmlElement }[] = [];

  constructor(
    readonly document: XmlDocument,
    readonly file: SourceFile,
  ) {
    // An example (<egXML>) is markup shown, not the document's own: its ids and pointers are not checked.
    this.elements = descendants(document.root, (element) => element.uri === TEI_EXAMPLES_NS && element.local === 'egXML');
    for (const element of this.elements) {
      const id = findAttribute(element, 'id', XML_NS);
      if (!id) continue;
      const first = this.ids.get(id.value);
      if (first) this.duplicateIds.push({ attribute: id, first });
      else this.ids.set(id.value, element);
    }
  }

  tei(local: string): XmlElement[] {
    return this.elements.filter((element) => element.uri === TEI_NS && element.local === local);
  }

  /** The first TEI element reached by a path of local names from the root (`teiHeader/fileDesc`). */
  path(steps: string): XmlElement | undefined {
    let current: XmlElement | undefined = this.document.root;
    for (const step of steps.split('/')) {
      current = current?.children.find((child): child is XmlElement => child.kind === 'element' && child.uri === TEI_NS && child.local === step);
    }
    return current;
  }

  where(element: XmlElement): string {
    const point = this.file.point(element.offset);
    return `line ${point.line}, column ${point.column}`;
  }
}

function* pointerFailures(index: DocumentIndex): Iterable<RuleFailure> {
  for (const element of index.elements) {
    for (const attribute of element.attributes) {
      if (attribute.uri !== '' || !(POINTER_ATTRIBUTES as readonly string[]).includes(attribute.local)) continue;
      for (const token of attribute.value.split(/\s+/)) {
        if (!token.startsWith('#') || index.ids.has(token.slice(1))) continue;
        yield {
          at: attribute,
          reason: `@${attribute.local}="${attribute.value}" points at "${token}", but no element has xml:id="${token.slice(1)}".`,
          note: `Add xml:id="${token.slice(1)}" to the element it means (a <person> in particDesc, a <handNote>, …) or correct the pointer.`,
        };
      }
    }
  }
}

function hasChildText(element: XmlElement | undefined): boolean {
  return element !== undefined && textContent(element).trim() !== '';
}

/**
 * A rule that a header part exists and has a child for which `holds` is true; a failure is
 * reported at the deepest existing element on the path, so the place to add it is plain.
 */
function headerRule(spec: {
  id: string;
  severity: Severity;
  description: string;
  path: string;
  holds: (child: XmlElement) => boolean;
  /** Documents the rule is about; all when absent. */
  appliesTo?: (index: DocumentIndex) => boolean;
  reason: string;
  note: string;
}): TeiRule {
  return {
    id: spec.id,
    scope: 'teikit',
    severity: spec.severity,
    description: spec.description,
    *check(index) {
      if (spec.appliesTo && !spec.appliesTo(index)) return;
      const steps = spec.path.split('/');
      const part = index.path(spec.path);
      if (part?.children.some((child) => child.kind === 'element' && spec.holds(child))) return;
      let at: XmlElement = index.document.root;
      for (let depth = steps.length - 1; depth > 0; depth--) {
        const found = index.path(steps.slice(0, depth + 1).join('/'));
        if (found) {
          at = found;
          break;
        }
      }
      yield { at, reason: spec.reason, note: spec.note };
    },
  };
}

/** The header says the text is in the language its source was written in (langUsage = textLang). */
function inOriginalLanguage(index: DocumentIndex): boolean {
  const original = index.tei('textLang').map((element) => attributeValue(element, 'mainLang'));
  const text = index.tei('language').filter((element) => element.parent?.local === 'langUsage').map((element) => attributeValue(element, 'ident'));
  return original.length > 0 && original.every((language) => language !== undefined && text.includes(language));
}

export const TEI_RULES: readonly TeiRule[] = [
  {
    id: 'tei/id-unique',
    scope: 'generic',
    severity: 'error',
    description: 'Every @xml:id is unique in the document.',
    *check(index) {
      for (const { attribute, first } of index.duplicateIds) {
        yield {
          at: attribute,
          reason: `xml:id="${attribute.value}" is used again; it is already the id of <${first.name}> at ${index.where(first)}.`,
          note: 'Give one of the two elements another id, and update the pointers that meant it.',
        };
      }
    },
  },
  {
    id: 'tei/pointer-resolves',
    scope: 'generic',
    severity: 'error',
    description: `Every local pointer ("#id") in ${POINTER_ATTRIBUTES.map((name) => `@${name}`).join(', ')} names an element of the document.`,
    check: pointerFailures,
  },
  {
    id: 'tei/date-iso',
    scope: 'generic',
    severity: 'error',
    description: `${DATE_ATTRIBUTES.map((name) => `@${name}`).join(', ')} (the last two on <date>, <docDate>, <origDate>, <time>) are ISO 8601 dates (YYYY, YYYY-MM, YYYY-MM-DD, or a date and time).`,
    *check(index) {
      for (const element of index.elements) {
        if (element.uri !== TEI_NS) continue;
        for (const name of DATE_ATTRIBUTES) {
          const attribute = findAttribute(element, name);
          if (attribute && isDateAttribute(element, name) && !ISO_8601.test(attribute.value)) {
            yield {
              at: attribute,
              reason: `@${name}="${attribute.value}" is not an ISO 8601 date.`,
              note: 'Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. when="1956-09-20"; keep the date as written in the element\'s text.',
            };
          }
        }
      }
    },
  },
  {
    id: 'teikit/sp-who',
    scope: 'teikit',
    severity: 'error',
    description: 'Every speech (<sp>) says who speaks (@who).',
    *check(index) {
      for (const speech of index.tei('sp')) {
        if (attributeValue(speech, 'who') === undefined) {
          yield { at: speech, reason: '<sp> has no @who: the speaker of this turn is not identified.', note: 'Add who="#person-id" pointing at a <person> in particDesc (declare the person if needed).' };
        }
      }
    },
  },
  {
    id: 'teikit/add-hand-declared',
    scope: 'teikit',
    severity: 'error',
    description: 'Every handwritten addition (<add>) names its hand (@hand), declared as a <handNote> in handNotes.',
    *check(index) {
      for (const addition of index.tei('add')) {
        const hand = attributeValue(addition, 'hand');
        const target = hand?.startsWith('#') ? index.ids.get(hand.slice(1)) : undefined;
        if (target?.uri === TEI_NS && target.local === 'handNote' && target.parent?.local === 'handNotes') continue;
        yield {
          at: addition,
          reason: hand === undefined ? '<add> has no @hand.' : `<add hand="${hand}"> does not point at a <handNote> in handNotes.`,
          note: 'Declare the hand in teiHeader/profileDesc/handNotes (<handNote xml:id="hand-1">…</handNote>) and point at it: hand="#hand-1".',
        };
      }
    },
  },
  headerRule({
    id: 'teikit/header-translator',
    severity: 'warning',
    description: 'A translation names its translator (titleStmt/respStmt with a <persName> or <name>); a text the header declares to be in its original language (textLang of the source = langUsage) is not a translation.',
    path: 'teiHeader/fileDesc/titleStmt',
    appliesTo: (index) => !inOriginalLanguage(index),
    holds: (child) => child.local === 'respStmt' && /transl/i.test(textContent(child)) && child.children.some((part) => part.kind === 'element' && (part.local === 'persName' || part.local === 'name' || part.local === 'orgName')),
    reason: 'The header does not name the translator.',
    note: 'Add <respStmt><resp>Translated by</resp><persName xml:id="translator">…</persName></respStmt> to titleStmt (for teikit convert: the source\'s "Translated by" line).',
  }),
  headerRule({
    id: 'teikit/header-source',
    severity: 'error',
    description: 'The header describes the source (sourceDesc with a <bibl> or <msDesc> that is not empty).',
    path: 'teiHeader/fileDesc/sourceDesc',
    holds: (child) => (child.local === 'bibl' || child.local === 'msDesc') && hasChildText(child),
    reason: 'The header does not describe the source of the edition.',
    note: 'Add to sourceDesc a <bibl> (the archive record: title, idno, source) or an <msDesc> (repository and shelfmark).',
  }),
  headerRule({
    id: 'teikit/header-availability',
    severity: 'error',
    description: 'The header states the rights: publicationStmt/availability with a <licence> or a <p>.',
    path: 'teiHeader/fileDesc/publicationStmt/availability',
    holds: (child) => (child.local === 'licence' || child.local === 'p') && hasChildText(child),
    reason: 'The header does not state the rights of the edition.',
    note: 'Add <availability><licence target="…">…</licence></availability> to publicationStmt (for teikit convert: "edition.licence" in edition.json).',
  }),
];

/**
 * Run the rules of the given scopes; each failure is a diagnostic at its element or attribute.
 * `advisory`: errors are reported as warnings (another project's TEI, whose pointers may lead
 * into files not given: the schema's verdict decides).
 */
export function checkRules(document: XmlDocument, file: SourceFile, scopes: readonly RuleScope[], advisory = false): Diagnostic[] {
  const index = new DocumentIndex(document, file);
  const diagnostics: Diagnostic[] = [];
  for (const rule of TEI_RULES) {
    if (!scopes.includes(rule.scope)) continue;
    for (const failure of rule.check(index)) {
      diagnostics.push(
        file.report({ source: 'teikit:rules', severity: advisory && rule.severity === 'error' ? 'warning' : rule.severity, ruleId: rule.id, reason: failure.reason, note: failure.note, place: file.place(failure.at.offset) }),
      );
    }
  }
  return diagnostics;
}
