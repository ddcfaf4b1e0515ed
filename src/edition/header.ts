/** What the source says about itself, read into the edition's header: web-record fields and the PDF/FRUS header parts. */
import type { SourceFile } from '../diagnostics.js';
import { EDITION_IDS } from '../ids.js';
import { flat, foldLines } from '../layouts/blocks.js';
import type { SourceRecord } from '../layouts/index.js';
import { parseArchivalCitation, splitSourceField } from '../conventions/archival-citation.js';
import { parseDate } from '../conventions/dates.js';
import type { Edition } from '../model.js';

export function readFields(record: SourceRecord, edition: Edition, file: SourceFile): void {
  for (const field of record.fields) {
    const heading = flat(field.heading);
    const value = field.value.map((block) => block.text);
    const joined = value.join('\n\n');
    switch (heading) {
      case 'Source': {
        edition.record.source = joined;
        const { citation, translator } = splitSourceField(foldLines(joined));
        if (translator) edition.translator = { id: EDITION_IDS.translator, name: translator };
        const archival = parseArchivalCitation(citation);
        if (archival) edition.archival = archival;
        break;
      }
      case 'Rights':
        edition.rights = value;
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
        if (joined) edition.record.uploaded = parseDate(joined);
        break;
      case 'Language':
      case 'Original Language':
        if (joined) edition.originalLanguage = { text: joined };
        break;
      case 'Record ID':
        if (joined) edition.record.id = joined.trim();
        break;
      default:
        edition.record.fields.push({ heading, value: joined });
    }
  }
}

/** What the PDF export's Citation, Summary, Credits and Original Language fields say. */
export function readFrontParts(record: SourceRecord, edition: Edition): void {
  for (const part of record.front) {
    const value = part.block.text.slice(part.valueStart).trim();
    switch (part.type) {
      case 'citation': {
        edition.record.source = value;
        const translator = value.match(/(?:Translated|[Tt]ranslation) by\s+([^\n]+?)\.?\s*(?:\n|$|(?=\s+https?:))/)?.[1];
        if (translator) edition.translator = { id: EDITION_IDS.translator, name: foldLines(translator) };
        const recordId = value.match(/https?:\/\/\S+\/(\d+)\s*$/)?.[1];
        if (recordId) edition.record.id = recordId;
        const archive = foldLines(value).match(/Digital Archive,\s*(.+?)\.?\s*(?:Translated by|[;,.]\s*[Tt]ranslation by|Reprinted in|https?:|$)/)?.[1];
        const archival = archive ? parseArchivalCitation(archive) : undefined;
        if (archival) edition.archival = archival;
        break;
      }
      case 'summary':
        edition.abstract = { id: EDITION_IDS.abstract, n: 0, block: part.block.number, content: [{ type: 'text', value: foldLines(value) }] };
        break;
      case 'original-language':
        if (value) edition.originalLanguage = { text: foldLines(value) };
        break;
      case 'credits':
        if (value) edition.record.fields.push({ heading: 'Credits', value: foldLines(value) });
        break;
      case 'reference':
        // FRUS: the file number of the State Department's central files ("893.24/5–1149").
        edition.record.source ??= foldLines(value);
        break;
      case 'document-number':
        edition.record.id = value.match(/\d+/)?.[0] ?? value;
        break;
      default:
        break;
    }
  }
}
