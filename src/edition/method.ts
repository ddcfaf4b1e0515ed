/**
 * What the edition says about its method (editorialDecl), made from the rules that fired for
 * this document and nothing else, so that it cannot state a convention the text does not use.
 */
import { BRACKET_CONVENTIONS } from '../conventions/brackets.js';
import type { SourceRecord } from '../layouts/index.js';
import type { Edition, MethodStatement } from '../model.js';
import { ATTRIBUTION_RULES } from './attribution.js';

const WHITESPACE: MethodStatement = {
  n: 'whitespace',
  text: 'The text of each paragraph is kept exactly as in the source, including line breaks and doubled spaces; blocks are separated in the source by empty lines or lines holding only a no-break space.',
};
const PERSONS: MethodStatement = {
  n: 'persons',
  text: 'Names of persons known from the attendance list, from speaker labels or from the edition manifest are tagged <persName ref> wherever they occur; where names overlap ("Kim Il" and "Kim Il Sung") the longest is taken. A spelling variant is linked to its person where the manifest declares it, or where a speaker label is one letter off a known name of six letters or more (reported to the editor).',
};
const ALIGNED: MethodStatement = {
  n: 'layout/aligned',
  text: 'Paragraphs whose every line is indented far in the source (stamps, signatures, headings of a PDF export) have rend="align(right)" when they reach the right margin and rend="align(center)" otherwise; their spaces are kept.',
};

/** The editorialDecl of an edition: bracket conventions used, attribution rules that decided a block (in the order they are tried), and the layout's own statement. */
export function methodStatements(edition: Edition, record: SourceRecord, bracketsUsed: ReadonlySet<string>): MethodStatement[] {
  const rulesUsed = new Set(edition.decisions.map((decision) => decision.ruleId));
  const paragraphs = edition.body.flatMap((item) => (item.kind === 'p' ? [item] : item.kind === 'sp' ? item.paragraphs : []));
  const tagged = edition.groups.some((group) => group.persons.length > 0);
  return [
    ...BRACKET_CONVENTIONS.filter((convention) => bracketsUsed.has(convention.id)).map((convention) => ({ n: `brackets/${convention.id}`, text: convention.editorialDecl })),
    ...ATTRIBUTION_RULES.filter((rule) => rulesUsed.has(rule.id)).map((rule) => ({ n: rule.id, text: rule.editorialDecl })),
    WHITESPACE,
    ...(tagged ? [PERSONS] : []),
    { n: `header/${record.layout}`, text: record.headerDecl },
    ...(record.paragraphing ? [{ n: 'layout/paragraphing', text: record.paragraphing }] : []),
    ...(paragraphs.some((paragraph) => paragraph.align) ? [ALIGNED] : []),
  ];
}
