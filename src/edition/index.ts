/**
 * The model stage: a layout's SourceRecord (+ manifest) → the Edition the TEI serializer writes.
 * Decides who speaks each block, reads the brackets, the attendance list and the metadata.
 */
import type { SourceFile } from '../diagnostics.js';
import { attribute, checkOverrides, ENCLOSURE, SUBJECT, type Decision } from './attribution.js';
import { methodStatements } from './method.js';
import { PersonRegistry } from './persons.js';
import { EDITION_IDS, footnoteId, groupId, paragraphId, speechId } from '../ids.js';
import { findNoteReference, findTitleNoteReference } from '../conventions/notes.js';
import { flat, foldLines } from '../layouts/blocks.js';
import type { HeaderFacts, SourceRecord } from '../layouts/index.js';
import type { LoadedManifest } from '../manifest/index.js';
import {
  parseBrackets,
  type BracketContext,
  type BracketConventionId,
} from '../conventions/brackets.js';
import { parseDate } from '../conventions/dates.js';
import {
  groupAttendance,
  listedGroups,
  markMentions,
  readAttendance,
  readLegend,
  readParticipantLists,
  type NameMatch,
} from '../conventions/persons.js';
import { type AttributionRuleId } from '../conventions/speakers.js';
import { readFurniture } from '../conventions/furniture.js';
import type { BodyItem, Edition, Furniture, Inline, PageBreak, Paragraph, PersonGroup, Speech } from '../model.js';

/** Attendance sentences are looked for among the first blocks of the document only. */
const ATTENDANCE_SEARCH_BLOCKS = 6;

export interface BuildResult {
  edition: Edition;
  /** How often each bracket convention applied. */
  bracketCounts: Map<BracketConventionId, number>;
}


export function buildEdition(record: SourceRecord, file: SourceFile, id: string, loaded?: LoadedManifest): BuildResult {
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
  if (!edition.originalLanguage && manifest?.originalLanguage) {
    edition.originalLanguage = { ident: manifest.originalLanguage.ident, text: manifest.originalLanguage.name };
  }

  // Persons: the attendance sentence first (unless the manifest places it), then the manifest.
  const overrideRoles = new Map((manifest?.blocks ?? []).map((override) => [override.block, override.as]));
  const attendanceCandidates = record.content.filter((block) =>
    overrideRoles.has(block.number) ? overrideRoles.get(block.number) === 'attendance' : block.number !== record.summaryCandidate,
  );
  const ids = new Set<string>();
  const attendanceBlocks = new Map<number, AttributionRuleId>();
  let groups: PersonGroup[] = [];
  for (const block of attendanceCandidates.slice(0, ATTENDANCE_SEARCH_BLOCKS)) {
    const entries = readAttendance(flat(block));
    if (entries) {
      attendanceBlocks.set(block.number, 'attendance/were-present');
      groups = groupAttendance(entries, ids);
      break;
    }
  }
  const lists = readParticipantLists(attendanceCandidates);
  if (lists) {
    for (const number of lists.blocks) attendanceBlocks.set(number, 'attendance/list');
    groups.push(...listedGroups(lists, ids, groups.length));
  }
  // One numbering for the groups of the attendance sentence and of the lists.
  groups.forEach((group, index) => {
    group.id = groupId(index + 1);
  });
  const registry = new PersonRegistry(groups, ids);
  // A legend of abbreviations ("G—General Chang") names who speaks under a one-letter label.
  for (const block of attendanceCandidates) {
    const legend = readLegend(block.text);
    if (!legend) continue;
    attendanceBlocks.set(block.number, 'attendance/legend');
    registry.addLabel(legend.label, legend.target);
  }
  if (loaded) {
    registry.applyManifest(manifest?.persons ?? [], loaded);
  }

  const decisions = attribute(file, record, registry, attendanceBlocks, loaded);
  if (loaded) checkOverrides(record, registry, loaded);

  const warned = new Set<string>();
  for (const decision of decisions) {
    if (!decision.speaker) continue;
    const person = registry.byId(decision.speaker);
    if (!person || warned.has(person.id)) continue;
    warned.add(person.id);
    if (!registry.isAttendee(person) && attendanceBlocks.size > 0) {
      // A person the manifest declares is known to the editor: worth a mention, not a warning.
      const declared = loaded !== undefined && (manifest?.persons ?? []).some((entry) => entry.id === person.id);
      file.report({
        source: 'teikit:speakers',
        severity: declared ? 'info' : 'warning',
        ruleId: 'speakers/not-in-attendance',
        reason: `${person.name} speaks but is not in the attendance list; added to the participants as an unlisted speaker${declared ? ' (declared in edition.json)' : ''}.`,
        place: file.place(decision.source.start, decision.source.start + decision.textStart),
        ...(declared ? {} : { note: 'If this is another spelling of a listed person, add it to that person\'s "variants" in edition.json; if it is another person, declare it in "persons" there.' }),
      });
    }
  }
  edition.groups = registry.finalGroups();

  // Inline content: brackets first, then person mentions over the result.
  const bracketContext: BracketContext = { file, hand: EDITION_IDS.handInsertions, counts: new Map() };
  const index = registry.index;
  const noteReferences = findNoteReferences(record, frontNotes);
  const inline = (decision: Decision, readBrackets: boolean, end = decision.source.text.length): Inline[] => {
    const { source, textStart } = decision;
    const text = source.text.slice(textStart, end);
    const from = source.start + textStart;
    // A note's number in the text becomes a reference to it; brackets are read between them.
    const nodes: Inline[] = [];
    let segmentStart = 0;
    const segment = (end: number): void => {
      const piece = text.slice(segmentStart, end);
      if (piece) nodes.push(...(readBrackets ? parseBrackets(piece, from + segmentStart, bracketContext) : [{ type: 'text' as const, value: piece }]));
    };
    for (const [offset, footnote] of noteReferences) {
      if (offset < from || offset >= from + text.length) continue;
      segment(offset - from);
      nodes.push({ type: 'noteRef', n: footnote.n, target: footnoteId(footnote.n) });
      segmentStart = offset - from + footnote.n.length;
    }
    segment(text.length);
    let searchFrom = textStart;
    return markMentions(nodes, index, (match: NameMatch) => {
      // Mentions come in text order, so the next occurrence of the variant is this one.
      const at = source.text.indexOf(match.variant ?? '', searchFrom);
      searchFrom = at < 0 ? searchFrom : at + 1;
      const start = source.start + Math.max(at, textStart);
      file.report({
        source: 'teikit:persons',
        severity: 'info',
        ruleId: 'persons/spelling-variant',
        reason: `"${match.variant}" is read as a spelling variant of ${match.person.name}.`,
        place: file.place(start, start + (at < 0 ? 0 : (match.variant ?? '').length)),
      });
    });
  };

  const body: BodyItem[] = [];
  let open: Speech | undefined;
  const openedBy = new Map<Speech, Decision>();
  // Page breaks go at the end of the paragraph before them (the same point of the text) while
  // it is the last thing written; otherwise they wait, and open the next paragraph of the same
  // speech, or stand on their own before the next speech, division or close.
  let lastParagraph: Paragraph | undefined;
  let waiting: (PageBreak | Furniture)[] = [];
  const standAlone = (): void => {
    for (const node of waiting) body.push(node.type === 'pb' ? { kind: 'pb', ...(node.n !== undefined ? { n: node.n } : {}) } : { kind: 'fw', furniture: node });
    waiting = [];
  };
  const paragraph = (decision: Decision): Paragraph => {
    lastParagraph = {
      id: '',
      n: 0,
      block: decision.block,
      content: [...waiting, ...inline(decision, true)],
      ...(record.alignments?.has(decision.block) ? { align: record.alignments.get(decision.block) } : {}),
    };
    waiting = [];
    return lastParagraph;
  };
  const boundary = (): void => {
    standAlone();
    lastParagraph = undefined;
  };
  // A page break or page furniture ends the paragraph before it while that is the last thing
  // written, or waits (a page's furniture does not interrupt a speech).
  const pageBreaks = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type !== 'pb' && node.type !== 'fw') continue;
      if (lastParagraph) lastParagraph.content.push(node);
      else waiting.push(node);
    }
  };
  for (const decision of decisions) {
    // Page markers before a label ("[Page 120] LBJ: …") come before the speech.
    if (decision.labelStart) pageBreaks(inline({ ...decision, textStart: 0 }, true, decision.labelStart));
    switch (decision.role) {
      case 'pagebreak':
        pageBreaks(inline(decision, true));
        break;
      case 'furniture':
        pageBreaks(readFurniture(decision.source.text) ?? []);
        break;
      case 'summary':
        edition.abstract = { id: EDITION_IDS.abstract, n: 0, block: decision.block, content: inline(decision, false) };
        open = undefined;
        break;
      case 'attendance':
      case 'narrative':
        if (decision.salute) {
          boundary();
          body.push({ kind: 'opener', salute: decision.salute });
          // A salutation alone in its block ("Dear Comrade Ivanov:") opens the letter and no more.
          if (decision.source.text.slice(decision.textStart).trim() === '') {
            open = undefined;
            break;
          }
        }
        body.push({ kind: 'p', ...paragraph(decision) });
        open = undefined;
        break;
      case 'enclosure':
        boundary();
        body.push({ kind: 'enclosure', head: decision.source.text.trim(), ...(ENCLOSURE.exec(decision.source.text)?.[1] ? { n: ENCLOSURE.exec(decision.source.text)?.[1] ?? '' } : {}) });
        open = undefined;
        break;
      case 'closer': {
        boundary();
        // A close with no salutation before it (in this enclosure) still ends a letter: the letter
        // is then all the text since the start of the body or of the enclosure.
        const scopeStart = body.findLastIndex((item) => item.kind === 'enclosure') + 1;
        if (!body.slice(scopeStart).some((item) => item.kind === 'opener')) body.splice(scopeStart, 0, { kind: 'opener' });
        body.push({ kind: 'closer', salute: decision.source.text.trim() });
        open = undefined;
        break;
      }
      case 'signed': {
        const closer = body.at(-1);
        if (closer?.kind === 'closer') closer.signed = decision.source.text.trim();
        break;
      }
      case 'label':
      case 'speech': {
        const continues = open && !decision.label && open.who === decision.speaker;
        if (!continues) {
          boundary();
          open = {
            kind: 'sp',
            id: '',
            n: 0,
            who: decision.speaker ?? '',
            paragraphs: [],
            ...(decision.label ? { label: decision.label, labelStands: decision.role === 'label' ? 'block' : 'inline' } : {}),
          };
          openedBy.set(open, decision);
          body.push(open);
        }
        if (decision.role === 'speech') open!.paragraphs.push(paragraph(decision));
        break;
      }
    }
  }
  standAlone();
  edition.body = body.map((item) => {
    if (item.kind === 'sp' && item.paragraphs.length === 0) {
      const decision = openedBy.get(item)!;
      file.report({
        source: 'teikit:speakers',
        severity: 'warning',
        ruleId: 'speakers/label-without-speech',
        reason: `The speaker label "${item.label}" is followed by no speech; it is kept as a paragraph.`,
        place: file.place(decision.source.start, decision.source.end),
      });
      return { kind: 'p', ...paragraph({ ...decision, textStart: 0 }) };
    }
    return item;
  });
  numberBody(edition.body);
  edition.footnotes = record.footnotes.map((footnote) => ({
    id: footnoteId(footnote.n),
    n: footnote.n,
    content: markMentions(parseBrackets(footnote.block.text, footnote.block.start, bracketContext), index) }));
  if (edition.abstract && record.header.summary) {
    edition.abstract.content = markMentions(edition.abstract.content, index);
  }

  if (bracketContext.counts.has('hand-insertion')) {
    edition.hands.push({
      id: EDITION_IDS.handInsertions,
      description: 'Handwritten insertions in the original document, reported by the translator as "[inserted by hand: …]". The writer is not identified in the source.',
    });
  }
  edition.decisions = decisions.map(({ block, firstWords: words, role, speaker, ruleId, override }) => ({
    block,
    firstWords: words,
    role,
    ...(speaker ? { speaker } : {}),
    ruleId,
    override }));
  const subject = decisions.find((decision) => decision.ruleId === 'header/subject');
  const subjectText = subject ? foldLines(SUBJECT.exec(subject.source.text)?.[1] ?? '') : '';
  if (subjectText) edition.subject = subjectText;
  edition.method = methodStatements(edition, record, new Set(bracketContext.counts.keys()));
  return { edition, bracketCounts: bracketContext.counts };
}

/** The facts the layout read for the header, copied into the edition. */
function copyHeaderFacts(facts: HeaderFacts, edition: Edition): void {
  if (facts.source !== undefined) edition.record.source = facts.source;
  if (facts.translator) edition.translator = { id: EDITION_IDS.translator, name: facts.translator };
  if (facts.archival) edition.archival = facts.archival;
  if (facts.recordId !== undefined) edition.record.id = facts.recordId;
  if (facts.uploaded) edition.record.uploaded = facts.uploaded;
  if (facts.originalLanguage) edition.originalLanguage = { text: facts.originalLanguage };
  if (facts.rights) edition.rights = facts.rights;
  if (facts.summary) edition.abstract = { id: EDITION_IDS.abstract, n: 0, block: facts.summary.block, content: [{ type: 'text', value: facts.summary.text }] };
  edition.record.fields.push(...facts.fields);
}

type SourceFootnote = SourceRecord['footnotes'][number];

/** A note referred to in the source's own header: the part, and where its number stands in the part's text. */
interface FrontNoteReference {
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

/** Where each listed note's number stands in the text (offset in the source → the note); a note of the header is referred to there. */
function findNoteReferences(record: SourceRecord, inFront: readonly FrontNoteReference[]): Map<number, SourceFootnote> {
  const references = new Map<number, SourceFootnote>();
  for (const footnote of record.footnotes) {
    if (inFront.some((reference) => reference.footnote === footnote)) continue;
    for (const block of record.content) {
      const at = findNoteReference(block.text, footnote.n);
      if (at === undefined) continue;
      references.set(block.start + at, footnote);
      break;
    }
  }
  return new Map([...references].sort(([a], [b]) => a - b));
}

/** Stable ids and numbers in document order: p1…pN for paragraphs, sp1…spN for speeches. */
function numberBody(body: BodyItem[]): void {
  let paragraphs = 0;
  let speeches = 0;
  const number = (paragraph: Paragraph): void => {
    paragraphs++;
    paragraph.n = paragraphs;
    paragraph.id = paragraphId(paragraphs);
  };
  for (const item of body) {
    if (item.kind === 'p') {
      number(item);
    } else if (item.kind === 'sp') {
      speeches++;
      item.n = speeches;
      item.id = speechId(speeches);
      item.paragraphs.forEach(number);
    }
  }
}
