import type { SourceFile } from '../diagnostics.js';
import type { Block } from '../model.js';
import { parseDate } from '../conventions/dates.js';
import { HONORIFIC } from '../conventions/persons.js';
import { flat } from './blocks.js';
import { readSourceField, type HeaderFacts, type SourceLayout, type SourceRecord } from './types.js';

/** Web-page scaffolding a copy of the page may start with. */
const PAGE_ARTEFACT = /^(skip to (main )?content|back to top|print|share)$/i;
const SECTION_HEADING = 'Document Information';
/** Headings of the record's "Document Information" section. */
export const WILSON_FIELD_HEADINGS = [
  'Source',
  'Rights',
  'Original Uploaded Date',
  'Language',
  'Record ID',
  'Original Archive',
  'Original Language',
  'Document Type',
  'Subjects',
  'Keywords',
  'Theme',
  'Authors',
];
const isHeading = (block: Block): boolean => WILSON_FIELD_HEADINGS.includes(flat(block));
/** Fields every record has; a missing one is reported. */
const EXPECTED_FIELDS = ['Source', 'Rights', 'Record ID'];
/** The Digital Archive's page of a record, from its numeric "Record ID" (the address its exports cite). */
const RECORD_PAGE = (id: string): string | undefined => (/^\d+$/.test(id) ? `https://digitalarchive.wilsoncenter.org/document/${id}` : undefined);

/** A heading/value pair of the record's metadata section ("Source" → "GARF, Fond …"). */
interface RecordField {
  heading: Block;
  value: Block[];
}

/** The "Document Information" fields, read into header facts. */
function readDocumentInformation(fields: readonly RecordField[], file: SourceFile): HeaderFacts {
  const facts: HeaderFacts = { fields: [] };
  for (const field of fields) {
    const heading = flat(field.heading);
    const value = field.value.map((block) => block.text);
    const joined = value.join('\n\n');
    switch (heading) {
      case 'Source':
        Object.assign(facts, readSourceField(joined));
        break;
      case 'Rights':
        facts.rights = value;
        for (const block of field.value) {
          for (const match of block.text.matchAll(/\[email[\s\u00A0]protected\]/g)) {
            file.report({
              source: 'teikit:header',
              severity: 'info',
              ruleId: 'header/web-artefact',
              reason: 'The rights text holds "[email protected]", left by the web page\'s e-mail protection; it is kept verbatim.',
              place: file.place(block.start + match.index, block.start + match.index + match[0].length),
            });
          }
        }
        break;
      case 'Original Uploaded Date':
        if (joined) facts.uploaded = parseDate(joined);
        break;
      case 'Language':
      case 'Original Language':
        if (joined) facts.originalLanguage = joined;
        break;
      case 'Record ID':
        if (joined) {
          facts.recordId = joined.trim();
          const page = RECORD_PAGE(facts.recordId);
          if (page) facts.recordUrl = page;
        }
        break;
      default:
        facts.fields.push({ heading, value: joined });
    }
  }
  for (const missing of EXPECTED_FIELDS.filter((heading) => !fields.some((field) => flat(field.heading) === heading))) {
    file.report({ source: 'teikit:header', severity: 'warning', ruleId: 'header/missing-field', reason: `The record's "${missing}" field is missing.` });
  }
  return facts;
}

/** A description line is one short line that is not a sentence of the document. */
function looksLikeDescription(block: Block): boolean {
  // "Cde. Peng Dehuai" alone after the title is a speaker label, not a description.
  return !block.text.includes('\n') && block.text.length < 300 && !/[.!?:]$/.test(block.text.trim()) && !HONORIFIC_START.test(block.text);
}
const HONORIFIC_START = new RegExp(`^\\s*${HONORIFIC}\\s`);

/**
 * The Wilson Center Digital Archive web record as copied from its page: date line, title,
 * description line, the document, the archive's summary, then "Document Information" with
 * heading/value pairs.
 */
export const wilsonWebRecord: SourceLayout = {
  name: 'wilson-web',
  description: 'Wilson Center Digital Archive web record (date, title, description, text, summary, Document Information)',
  headerDecl: 'The title, description line and date line of the record are kept in the front matter and the head of the text; the archive\'s summary is the abstract; the record\'s "Document Information" fields are in the header (sourceDesc and availability) verbatim, with the archival signature also read into its parts.',

  detect(blocks) {
    const section = blocks.findIndex((block) => flat(block) === SECTION_HEADING);
    return section > 0 && blocks.slice(section + 1).some(isHeading);
  },

  read(blocks, file: SourceFile) {
    const record: SourceRecord = {
      layout: this.name,
      headerDecl: this.headerDecl,
      pageArtefacts: [],
      content: [],
      header: { fields: [] },
      front: [],
      footnotes: [],
    };
    let index = 0;
    while (index < blocks.length && PAGE_ARTEFACT.test(flat(blocks[index]!))) {
      record.pageArtefacts.push(blocks[index]!);
      index++;
    }
    const first = blocks[index];
    if (first && parseDate(flat(first)).when) {
      record.dateLine = first;
      index++;
    } else {
      file.report({
        source: 'teikit:layout',
        severity: 'warning',
        ruleId: 'layout/no-date-line',
        reason: 'The record does not start with a date line; the document date stays undeclared.',
        ...(first ? { place: file.place(first.start, first.end) } : {}),
        note: 'Add the date to edition.json ("date") if you know it.',
      });
    }
    const found = blocks.findIndex((block) => flat(block) === SECTION_HEADING);
    const section = found >= 0 ? found : blocks.length;
    if (found < 0) {
      file.report({
        source: 'teikit:layout',
        severity: 'warning',
        ruleId: 'layout/no-document-information',
        reason: `The record has no "${SECTION_HEADING}" block: no source, rights or record id can be read.`,
        note: 'Restore the block from the archive page, or give the facts in edition.json.',
      });
    }
    record.title = blocks[index];
    index++;
    const candidate = blocks[index];
    if (candidate && index < section && looksLikeDescription(candidate)) {
      record.description = candidate;
      index++;
    }
    record.content = blocks.slice(index, section);
    record.summaryCandidate = record.content.at(-1)?.number;
    const fields: RecordField[] = [];
    let field: RecordField | undefined;
    for (const block of blocks.slice(section + 1)) {
      if (isHeading(block)) {
        field = { heading: block, value: [] };
        fields.push(field);
      } else if (field) {
        field.value.push(block);
      }
    }
    record.header = readDocumentInformation(fields, file);
    return record;
  },
};
