/**
 * The header pass: the edition's skeleton from what the layout read (title, dates, the source's
 * own header lines with their note references, the header facts) and from the manifest
 * (publication, language).
 */
import type { SourceFile } from '../diagnostics.js';
import { EDITION_IDS, footnoteId } from '../ids.js';
import { findNoteReference, findTitleNoteReference } from '../conventions/notes.js';
import { parseDate } from '../conventions/dates.js';
import { flat } from '../layouts/blocks.js';
import type { HeaderFacts, SourceRecord } from '../layouts/index.js';
import type { LoadedManifest } from '../manifest/index.js';
import type { Edition, Inline } from '../model.js';

export function readHeader(record: SourceRecord, file: SourceFile, id: string, loaded: LoadedManifest | undefined): { edition: Edition; frontNotes: FrontNoteReference[] } {
  const manifest = loaded?.manifest;
  const frontNotes = frontNoteReferences(record);
  const titleNote = frontNotes.find((reference) => reference.part.type === 'title');
  const edition: Edition = {
    id,
    layout: record.layout,
    // The number of a note glued to the title is not part of the title.
    title: record.title ? flat(record.title).slice(0, titleNote ? flat(record.title).trimEnd().length - titleNote.footnote.n.length : undefined).trimEnd() : '',
    ...(record.description ? { subtitle: record.description.text } : {}),
    publication: {
      idno: id,
      ...(manifest?.edition?.publisher ? { publisher: manifest.edition.publisher } : {}),
      ...(manifest?.edition?.date ? { date: manifest.edition.date } : {}),
      ...(manifest?.edition?.licence ? { licence: manifest.edition.licence } : {}),
      ...(manifest?.edition?.baseUrl ? { url: `${manifest.edition.baseUrl}${id}` } : {}),
    },
    ...(manifest?.edition?.editor ? { editor: manifest.edition.editor } : {}),
    record: { fields: [] },
    rights: [],
    ...(manifest?.language ? { language: manifest.language } : {}),
    groups: [],
    hands: [],
    pageArtefacts: record.pageArtefacts.map((block) => block.text),
    body: [],
    front: record.front.map((part) =>
      ({ type: part.type, content: frontContent(part.block.text, frontNotes.find((reference) => reference.part === part)) }),
    ),
    footnotes: [],
    method: [],
    decisions: [],
  };
  for (const block of record.pageArtefacts) {
    file.report({
      source: 'teikit:layout',
      severity: 'info',
      ruleId: 'layout/page-artefact',
      reason: `"${block.text}" is web-page scaffolding, not part of the record; it is kept in the header, not in the text.`,
      place: file.place(block.start, block.end),
    });
  }
  if (!record.title) {
    file.report({
      source: 'teikit:header',
      severity: 'warning',
      ruleId: 'header/no-title',
      reason: 'The source has no title; the TEI title stays empty.',
    });
  }
  if (record.dateLine) edition.dateLine = parseDate(flat(record.dateLine));
  else if (record.documentDate) edition.dateLine = record.documentDate;
  const sourceDate = edition.dateLine?.when;
  if (sourceDate) edition.creation = { when: sourceDate, fromManifest: false };
  else if (manifest?.date) edition.creation = { when: manifest.date, fromManifest: true };

  copyHeaderFacts(record.header, edition);
  // The note on the title is the document's source note ("Copy transmitted … in despatch No. 134"):
  // the header's description of the source carries it too.
  const sourceNote = titleNote ? flat(titleNote.footnote.block).replace(/^\d+[a-z]?\.\s*/, '') : '';
  if (sourceNote) edition.record.fields.push({ heading: 'Source note', value: sourceNote });
  if (manifest?.recordUrl) edition.record.url = manifest.recordUrl;
  if (!edition.originalLanguage && manifest?.originalLanguage) {
    edition.originalLanguage = { ident: manifest.originalLanguage.ident, text: manifest.originalLanguage.name };
  }
  return { edition, frontNotes };
}

/** The facts the layout read for the header, copied into the edition. */
function copyHeaderFacts(facts: HeaderFacts, edition: Edition): void {
  if (facts.source !== undefined) edition.record.source = facts.source;
  if (facts.translator) edition.translator = { id: EDITION_IDS.translator, name: facts.translator };
  if (facts.archival) edition.archival = facts.archival;
  if (facts.recordId !== undefined) edition.record.id = facts.recordId;
  if (facts.recordUrl !== undefined) edition.record.url = facts.recordUrl;
  if (facts.uploaded) edition.record.uploaded = facts.uploaded;
  if (facts.originalLanguage) edition.originalLanguage = { text: facts.originalLanguage };
  if (facts.rights) edition.rights = facts.rights;
  if (facts.summary) edition.abstract = { id: EDITION_IDS.abstract, n: 0, block: facts.summary.block, content: [{ type: 'text', value: facts.summary.text }] };
  edition.record.fields.push(...facts.fields);
}

export type SourceFootnote = SourceRecord['footnotes'][number];

/** A note referred to in the source's own header: the part, and where its number stands in the part's text. */
export interface FrontNoteReference {
  part: SourceRecord['front'][number];
  footnote: SourceFootnote;
  at: number;
}

/**
 * Notes referred to in the source's own header: the number glued to the title ("…(Service)14",
 * the FRUS source note, or after a space in a scrape), or in another part ("[Extracts]8").
 */
function frontNoteReferences(record: SourceRecord): FrontNoteReference[] {
  return record.front.flatMap((part) => {
    for (const footnote of record.footnotes) {
      const at = part.type === 'title' ? findTitleNoteReference(part.block.text, footnote.n) : findNoteReference(part.block.text, footnote.n);
      if (at !== undefined) return [{ part, footnote, at }];
    }
    return [];
  });
}

/** A front part's text with its note reference, if it has one. */
function frontContent(text: string, reference: FrontNoteReference | undefined): Inline[] {
  if (!reference) return [{ type: 'text', value: text }];
  const { footnote, at } = reference;
  const after = text.slice(at + footnote.n.length);
  return [{ type: 'text', value: text.slice(0, at) }, { type: 'noteRef', n: footnote.n, target: footnoteId(footnote.n) }, ...(after ? [{ type: 'text' as const, value: after }] : [])];
}
