import type { SourceFile } from '../diagnostics.js';
import type { Block } from '../model.js';
import { findDate } from '../conventions/dates.js';
import { FIELD_HEADINGS } from '../conventions/vocabulary.js';
import { foldLines } from './blocks.js';
import { readSourceField, type FrontPart, type HeaderFacts, type SourceLayout } from './types.js';

/** "Heading: value" on a line of its own: a capitalised heading of a few words, then the value. */
const FIELD_LINE = /^[ \t]*(\p{Lu}[\p{L} ]{0,30}?)[ \t]*:[ \t]*(\S[^\n]*)?$/u;
/** Headings this layout reads into the header; any other field is kept verbatim. */
const KNOWN = new Set<string>(FIELD_HEADINGS.map((heading) => heading.toLowerCase()));
/** A header needs this many field lines, some with headings of the genre, so that a dialogue ("Mao Zedong: We agree.") is not one. */
const MIN_FIELDS = 3;
const MIN_KNOWN_FIELDS = 2;

interface FieldLine {
  heading: string;
  /** The line (a block of its own in the front). */
  line: Block;
  /** The value, as a block of the source (empty when the heading has no value). */
  value: Block;
}

/**
 * The leading blocks whose every line is a "Heading: value" field, and their fields: the first
 * block with any headings, later blocks (a field set off by blank lines) with headings of the
 * genre only, so that the first speech ("Mao Zedong: We agree.") is not read as a field.
 */
function leadingFields(blocks: readonly Block[]): { fields: FieldLine[]; blocks: number } {
  const fields: FieldLine[] = [];
  let count = 0;
  for (const block of blocks) {
    const lines: FieldLine[] = [];
    let offset = 0;
    for (const text of block.text.split('\n')) {
      const match = FIELD_LINE.exec(text);
      if (!match) return { fields, blocks: count };
      const start = block.start + offset;
      const valueText = (match[2] ?? '').trimEnd();
      // The value ends the line (trailing spaces aside).
      const valueStart = start + text.trimEnd().length - valueText.length;
      lines.push({
        heading: match[1] ?? '',
        line: { number: block.number, text, start, end: start + text.length },
        value: { number: block.number, text: valueText, start: valueStart, end: valueStart + valueText.length },
      });
      offset += text.length + 1;
    }
    if (count > 0 && !lines.every((line) => KNOWN.has(line.heading.toLowerCase()))) break;
    fields.push(...lines);
    count++;
  }
  return { fields, blocks: count };
}

/** The fields read into header facts: the known headings by meaning, the rest verbatim. */
function readFields(fields: readonly FieldLine[]): HeaderFacts {
  const facts: HeaderFacts = { fields: [] };
  for (const { heading, value } of fields) {
    const text = foldLines(value.text);
    switch (heading.toLowerCase()) {
      case 'source':
      case 'citation': {
        const { translator, ...source } = readSourceField(value.text);
        Object.assign(facts, source);
        // A "Translator:" field says it better than the source line.
        if (translator) facts.translator ??= translator;
        break;
      }
      case 'translator':
        if (text) facts.translator = text;
        break;
      case 'description':
      case 'summary':
        if (text) facts.summary = { text, block: value.number };
        break;
      case 'language':
      case 'original language':
        if (text) facts.originalLanguage = text;
        break;
      case 'record id':
        if (text) facts.recordId = text;
        break;
      case 'url':
      case 'record url':
        if (/^https?:\/\/\S+$/.test(text)) facts.recordUrl = text;
        else facts.fields.push({ heading, value: text });
        break;
      case 'rights':
        if (text) facts.rights = [value.text];
        break;
      default:
        if (heading.toLowerCase() !== 'title' && heading.toLowerCase() !== 'date') facts.fields.push({ heading, value: text });
    }
  }
  return facts;
}

/**
 * A document opened by a header of "Heading: value" lines, as compilations and databases export
 * them (Title:, Author:, Date:, Source:, Description:), then the text.
 */
export const fieldHeader: SourceLayout = {
  name: 'field-header',
  description: 'A header of "Heading: value" lines (Title:, Author:, Date:, Source:, Description:), then the text',
  headerDecl: 'The document\'s header of "Heading: value" lines (Title:, Date:, Source:, Description:, …) is kept verbatim in the front of the text; the title, the date, the source (with its translator and archival signature), the description as the abstract and the other fields are read into the teiHeader.',

  detect(blocks) {
    const { fields } = leadingFields(blocks.slice(0, 6));
    return fields.length >= MIN_FIELDS && fields.filter((field) => KNOWN.has(field.heading.toLowerCase())).length >= MIN_KNOWN_FIELDS && fields.some((field) => /^(?:title|date)$/i.test(field.heading));
  },

  read(blocks, file: SourceFile) {
    const { fields, blocks: headerBlocks } = leadingFields(blocks);
    const front: FrontPart[] = fields.map((field) => ({ type: 'field', block: field.line, valueStart: field.value.start - field.line.start }));
    const title = fields.find((field) => /^title$/i.test(field.heading) && field.value.text)?.value;
    const dateField = fields.find((field) => /^date$/i.test(field.heading))?.value;
    const date = dateField ? findDate(foldLines(dateField.text)) : undefined;
    if (!title) {
      file.report({ source: 'teikit:layout', severity: 'warning', ruleId: 'layout/no-title-field', reason: 'The header has no "Title:" field; the TEI title stays empty.', note: 'Give the title in edition.json, or add a "Title:" line.' });
    }
    return {
      layout: this.name,
      headerDecl: this.headerDecl,
      pageArtefacts: [],
      ...(title ? { title } : {}),
      ...(date ? { documentDate: { text: date.text, when: date.when } } : {}),
      content: blocks.slice(headerBlocks),
      header: readFields(fields),
      front,
      footnotes: [],
    };
  },
};
