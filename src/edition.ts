/**
 * The model stage: a layout's SourceRecord (+ manifest) → the Edition the TEI serializer writes.
 * Decides who speaks each block, reads the brackets, the attendance list and the metadata.
 */
import type { SourceFile } from './diagnostics.js';
import { EDITION_IDS, footnoteId, groupId, isReservedId, paragraphId, speechId } from './ids.js';
import { findNoteReference } from './conventions/notes.js';
import { flat, foldLines } from './layouts/blocks.js';
import type { SourceRecord } from './layouts/index.js';
import { reportManifestError, type LoadedManifest, type ManifestPerson } from './manifest/index.js';
import { parseArchivalCitation, splitSourceField } from './conventions/archival-citation.js';
import { BRACKET_CONVENTIONS, parseBrackets, type BracketContext, type BracketConventionId } from './conventions/brackets.js';
import { parseDate } from './conventions/dates.js';
import {
  displayName,
  groupAttendance,
  listedGroups,
  markMentions,
  personId,
  PersonIndex,
  readAttendance,
  readLegend,
  readParticipantLists,
  type NameMatch,
} from './conventions/persons.js';
import {
  isFirstPerson,
  narrativeCue,
  readSpeakerLabel,
  recurringLabels,
  type AttributionRuleId,
} from './conventions/speakers.js';
import type {
  AttributionDecision,
  Block,
  BodyItem,
  Edition,
  Inline,
  Paragraph,
  Person,
  PersonGroup,
  Role,
  Speech,
} from './model.js';

/** A block that holds nothing but page markers or form feeds. */
const PAGE_ONLY = /^(?:\s*\[Page\s+[\dIVXLC]+\]|\s*\f)+\s*$/i;

/** "[Enclosure 1]" alone in its block. */
const ENCLOSURE = /^\s*\[Enclosure(?:\s+(\d+))?\]\s*$/i;
/** A salutation opening a letter's first paragraph. */
const SALUTE = /^\s*(?:Sir|Madam|Gentlemen|Your Excellency|Excellency|(?:My )?[Dd]ear [^:\n]{1,60}):(?=\s)/;
/** A complimentary close alone in its block. */
const COMPLIMENTARY_CLOSE = /^\s*(?:Respectfully yours|Yours respectfully|Sincerely yours|Yours sincerely|Yours faithfully|Faithfully yours|Very truly yours|Yours truly|Cordially yours|With (?:best|kind) regards)[,.]?\s*$/i;
/** A signature under a close is short. */
const SIGNATURE_MAX_LENGTH = 200;

/** Attendance sentences are looked for among the first blocks of the document only. */
const ATTENDANCE_SEARCH_BLOCKS = 6;

export interface BuildResult {
  edition: Edition;
  /** How often each bracket convention applied. */
  bracketCounts: Map<BracketConventionId, number>;
}

/** Persons of the edition: attendance groups plus everyone else, with one name index. */
class PersonRegistry {
  readonly groups: PersonGroup[];
  readonly others: Person[] = [];
  readonly speaking = new Set<string>();
  readonly #ids = new Set<string>();
  #index: PersonIndex | undefined;
  #labelIndex: PersonIndex | undefined;
  #participantIndex: PersonIndex | undefined;

  constructor(groups: PersonGroup[], ids: Set<string>) {
    this.groups = groups;
    for (const id of ids) this.#ids.add(id);
  }

  get all(): Person[] {
    return [...this.groups.flatMap((group) => group.persons), ...this.others];
  }

  get index(): PersonIndex {
    this.#index ??= new PersonIndex(this.all);
    return this.#index;
  }

  /** Names, aliases and label-only forms ("G" of a legend): for reading speaker labels. */
  get labelIndex(): PersonIndex {
    this.#labelIndex ??= new PersonIndex(this.all, { labels: true });
    return this.#labelIndex;
  }

  /** A legend entry: `label` names the person written `target` (found, or added). */
  addLabel(label: string, target: string): void {
    const person =
      this.all.find((candidate) => candidate.name === target || candidate.aliases.includes(target)) ??
      this.addSpeaker(target);
    person.labels = [...new Set([...(person.labels ?? []), label])];
    this.#labelIndex = undefined;
  }

  /** Persons who take part in the meeting: the attendance list and whoever has spoken so far. */
  get participantIndex(): PersonIndex {
    this.#participantIndex ??= new PersonIndex(this.all.filter((person) => this.isAttendee(person) || this.speaking.has(person.id)));
    return this.#participantIndex;
  }

  markSpeaking(id: string): void {
    if (this.speaking.has(id)) return;
    this.speaking.add(id);
    this.#participantIndex = undefined;
  }

  byId(id: string): Person | undefined {
    return this.all.find((person) => person.id === id);
  }

  isAttendee(person: Person): boolean {
    return this.groups.some((group) => group.persons.includes(person));
  }

  /** Merge what the manifest says into the persons found; unknown ones are added. */
  applyManifest(persons: readonly ManifestPerson[], loaded: LoadedManifest): void {
    persons.forEach((entry, position) => {
      const forms = new Set([entry.name, ...(entry.aliases ?? []), ...(entry.variants ?? [])]);
      const found = this.all.find(
        (person) => person.id === entry.id || forms.has(person.name) || person.aliases.some((alias) => forms.has(alias)),
      );
      if (isReservedId(entry.id) || (found?.id !== entry.id && this.#ids.has(entry.id))) {
        reportManifestError(
          loaded,
          `/persons/${position}/id`,
          `The id "${entry.id}" is already used ${isReservedId(entry.id) ? 'by the edition itself' : 'by another person'}.`,
          'Choose another id for this person.',
        );
        return;
      }
      const person: Person = found ?? { id: entry.id, name: entry.name, aliases: [], variants: [], origin: 'manifest' };
      if (found) {
        this.#ids.delete(found.id);
        if (found.name !== entry.name) person.aliases.push(found.name);
      } else {
        this.others.push(person);
      }
      person.id = entry.id;
      person.name = entry.name;
      person.aliases = [...new Set([...person.aliases, ...(entry.aliases ?? [])])].filter((alias) => alias !== entry.name);
      person.variants = [...new Set([...person.variants, ...(entry.variants ?? [])])];
      if (entry.role) person.role = entry.role;
      this.#ids.add(entry.id);
    });
    this.#index = undefined;
    this.#labelIndex = undefined;
    this.#participantIndex = undefined;
  }

  /** A speaker whose label names nobody known yet. */
  addSpeaker(writtenName: string): Person {
    const name = displayName(writtenName);
    const existing = this.others.find((person) => person.name === name);
    if (existing) return existing;
    const person: Person = { id: personId(name, this.#ids), name, aliases: [], variants: [], origin: 'speaker' };
    this.#ids.add(person.id);
    this.others.push(person);
    this.#index = undefined;
    this.#labelIndex = undefined;
    return person;
  }

  finalGroups(): PersonGroup[] {
    const unlisted = this.others.filter((person) => this.speaking.has(person.id));
    const mentioned = this.others.filter((person) => !this.speaking.has(person.id));
    return [
      ...this.groups,
      ...(unlisted.length ? [{ id: EDITION_IDS.unlistedSpeakers, type: 'unlisted-speakers' as const, persons: unlisted }] : []),
      ...(mentioned.length ? [{ id: EDITION_IDS.mentioned, type: 'mentioned' as const, persons: mentioned }] : []),
    ];
  }
}

interface Decision extends AttributionDecision {
  source: Block;
  /** The salutation a letter's first paragraph opens with ("Sir:"). */
  salute?: string;
  /** Offset in the block's text where the paragraph text starts (after an inline label). */
  textStart: number;
  label?: string;
}

const firstWords = (text: string): string => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 ? ' …' : '');
};

/** Decide the role and speaker of every content block (see ATTRIBUTION_RULES). */
function attribute(
  record: SourceRecord,
  registry: PersonRegistry,
  attendanceRules: ReadonlyMap<number, AttributionRuleId>,
  loaded: LoadedManifest | undefined,
): Decision[] {
  const attendanceBlocks = new Set(attendanceRules.keys());
  const recurring = recurringLabels(record.content.map((block) => block.text));
  const overrides = new Map((loaded?.manifest.blocks ?? []).map((override) => [override.block, override]));
  const decisions: Decision[] = [];
  let openSpeaker: string | undefined;
  let reported: Person | undefined;

  for (const block of record.content) {
    const text = block.text;
    let nextReported: Person | undefined;
    const decide = (role: Role, ruleId: AttributionRuleId, extra: Partial<Decision> = {}): Decision => ({
      block: block.number,
      firstWords: firstWords(text),
      role,
      ruleId,
      override: false,
      source: block,
      textStart: 0,
      ...extra,
    });
    let decision: Decision;
    const override = overrides.get(block.number);
    const label = readSpeakerLabel(text, registry.labelIndex, recurring);
    if (override) {
      const speaker = override.speaker;
      const keepLabel = override.as === 'speech' && label && (!label.person || label.person.id === speaker);
      decision = decide(override.as, 'manifest/override', {
        override: true,
        ...(speaker ? { speaker } : {}),
        ...(keepLabel ? { label: label.label, textStart: label.speechStart, role: label.alone ? 'label' : 'speech' } : {}),
      });
    } else if (block.number === record.summaryCandidate) {
      decision = decide('summary', 'summary/last-before-metadata');
    } else if (attendanceBlocks.has(block.number)) {
      decision = decide('attendance', attendanceRules.get(block.number) ?? 'attendance/were-present');
    } else if (PAGE_ONLY.test(text)) {
      decision = decide('pagebreak', 'page/marker');
    } else if (ENCLOSURE.test(text)) {
      decision = decide('enclosure', 'letter/enclosure');
    } else if (COMPLIMENTARY_CLOSE.test(text)) {
      decision = decide('closer', 'letter/closer');
    } else if (decisions.at(-1)?.role === 'closer' && text.trim().length <= SIGNATURE_MAX_LENGTH) {
      decision = decide('signed', 'letter/signed');
    } else if (SALUTE.test(text)) {
      const salute = SALUTE.exec(text)?.[0] ?? '';
      decision = decide('narrative', 'letter/salute', { salute: salute.trim(), textStart: salute.length });
    } else if (label) {
      const person = label.person ?? registry.addSpeaker(label.name);
      decision = decide(label.alone ? 'label' : 'speech', label.alone ? 'label/alone' : 'label/inline', {
        speaker: person.id,
        label: label.label,
        textStart: label.speechStart,
      });
    } else {
      // The record-taker reports what participants do; others are only talked about.
      const cue = narrativeCue(text, registry.participantIndex);
      if (cue) {
        decision = decide('narrative', cue.ruleId);
      } else if (reported && isFirstPerson(text)) {
        decision = decide('speech', 'speech/first-person-after-report', { speaker: reported.id });
      } else if (openSpeaker) {
        decision = decide('speech', 'speech/continuation', { speaker: openSpeaker });
      } else {
        decision = decide('narrative', 'narrative/default');
      }
      if (cue?.ruleId === 'narrative/reported-speech' && cue.speechVerb) nextReported = cue.person;
    }
    reported = nextReported;
    if (decision.speaker) registry.markSpeaking(decision.speaker);
    // A page break does not interrupt a speech.
    if (decision.role !== 'pagebreak') openSpeaker = decision.role === 'speech' || decision.role === 'label' ? decision.speaker : undefined;
    decisions.push(decision);
  }
  return decisions;
}

/** Check the manifest's block overrides against the source; errors go on the manifest file. */
function checkOverrides(record: SourceRecord, registry: PersonRegistry, loaded: LoadedManifest): void {
  const content = new Map(record.content.map((block) => [block.number, block]));
  (loaded.manifest.blocks ?? []).forEach((override, position) => {
    const block = content.get(override.block);
    if (!block) {
      reportManifestError(
        loaded,
        `/blocks/${position}/block`,
        `Block ${override.block} is not a block of the document's text.`,
        'Run `teikit convert SOURCE --report` to see the block numbers.',
      );
      return;
    }
    if (override.expect !== undefined && !flat(block).startsWith(override.expect)) {
      reportManifestError(
        loaded,
        `/blocks/${position}/expect`,
        `Block ${override.block} starts "${firstWords(block.text)}", not "${override.expect}".`,
        'The source changed: check the block numbers with `teikit convert SOURCE --report`.',
      );
    }
    if (override.speaker !== undefined && !registry.byId(override.speaker)) {
      reportManifestError(
        loaded,
        `/blocks/${position}/speaker`,
        `No person has the id "${override.speaker}".`,
        'Use an id from "persons" in the manifest or from the --report output.',
      );
    }
  });
}

/** Read the "Document Information" fields into the edition. */
function readFields(record: SourceRecord, edition: Edition, file: SourceFile): void {
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
function readFrontParts(record: SourceRecord, edition: Edition): void {
  for (const part of record.front) {
    const value = part.block.text.slice(part.valueStart).trim();
    switch (part.type) {
      case 'citation': {
        edition.record.source = value;
        const translator = value.match(/Translated by\s+([^\n]+?)\.?\s*(?:\n|$)/)?.[1];
        if (translator) edition.translator = { id: EDITION_IDS.translator, name: foldLines(translator) };
        const recordId = value.match(/https?:\/\/\S+\/(\d+)\s*$/)?.[1];
        if (recordId) edition.record.id = recordId;
        const archive = foldLines(value).match(/Digital Archive,\s*(.+?)\.?\s*(?:Translated by|Reprinted in|https?:|$)/)?.[1];
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

export function buildEdition(record: SourceRecord, file: SourceFile, id: string, loaded?: LoadedManifest): BuildResult {
  const manifest = loaded?.manifest;
  const edition: Edition = {
    id,
    layout: record.layout,
    title: record.title ? flat(record.title) : '',
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
    front: record.front.map((part) => ({ type: part.type, text: part.block.text })),
    footnotes: [],
    bracketConventions: [],
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
  if (record.dateLine) {
    edition.dateLine = parseDate(flat(record.dateLine));
  }
  const sourceDate = edition.dateLine?.when ?? record.documentDate?.when;
  if (sourceDate) edition.creation = { when: sourceDate, fromManifest: false };
  else if (manifest?.date) edition.creation = { when: manifest.date, fromManifest: true };

  readFields(record, edition, file);
  readFrontParts(record, edition);
  if (!edition.originalLanguage && manifest?.originalLanguage) {
    edition.originalLanguage = { ident: manifest.originalLanguage.ident, text: manifest.originalLanguage.name };
  }
  for (const missing of ['Source', 'Rights', 'Record ID'].filter(
    (heading) => record.layout === 'wilson-web' && !record.fields.some((field) => flat(field.heading) === heading),
  )) {
    file.report({
      source: 'teikit:header',
      severity: 'warning',
      ruleId: 'header/missing-field',
      reason: `The record's "${missing}" field is missing.`,
    });
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

  const decisions = attribute(record, registry, attendanceBlocks, loaded);
  if (loaded) checkOverrides(record, registry, loaded);

  const warned = new Set<string>();
  for (const decision of decisions) {
    if (!decision.speaker) continue;
    const person = registry.byId(decision.speaker);
    if (!person || warned.has(person.id)) continue;
    warned.add(person.id);
    if (!registry.isAttendee(person) && attendanceBlocks.size > 0) {
      file.report({
        source: 'teikit:speakers',
        severity: 'warning',
        ruleId: 'speakers/not-in-attendance',
        reason: `${person.name} speaks but is not in the attendance list; added to the participants as an unlisted speaker.`,
        place: file.place(decision.source.start, decision.source.start + decision.textStart),
        note: 'If this is another spelling of a listed person, add it to that person\'s "variants" in edition.json.',
      });
    }
  }
  edition.groups = registry.finalGroups();

  // Inline content: brackets first, then person mentions over the result.
  const bracketContext: BracketContext = { file, hand: EDITION_IDS.handInsertions, counts: new Map() };
  const index = registry.index;
  const noteReferences = findNoteReferences(record);
  const inline = (decision: Decision, readBrackets: boolean): Inline[] => {
    const { source, textStart } = decision;
    const text = source.text.slice(textStart);
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
  // Page breaks that stand alone before any paragraph wait for the first one.
  let pageBreaks: Inline[] = [];
  let lastParagraph: Paragraph | undefined;
  const paragraph = (decision: Decision): Paragraph => {
    const made: Paragraph = { id: '', n: 0, block: decision.block, content: [...pageBreaks, ...inline(decision, true)] };
    pageBreaks = [];
    lastParagraph = made;
    return made;
  };
  for (const decision of decisions) {
    switch (decision.role) {
      case 'pagebreak': {
        // At the end of the paragraph before it (the same point of the text), else the next one.
        const breaks = inline(decision, true).filter((node) => node.type === 'pb');
        if (lastParagraph) lastParagraph.content.push(...breaks);
        else pageBreaks.push(...breaks);
        break;
      }
      case 'summary':
        edition.abstract = { id: EDITION_IDS.abstract, n: 0, block: decision.block, content: inline(decision, false) };
        open = undefined;
        break;
      case 'attendance':
      case 'narrative':
        if (decision.salute) body.push({ kind: 'opener', salute: decision.salute });
        body.push({ kind: 'p', ...paragraph(decision) });
        open = undefined;
        break;
      case 'enclosure':
        body.push({ kind: 'enclosure', head: decision.source.text.trim(), ...(ENCLOSURE.exec(decision.source.text)?.[1] ? { n: ENCLOSURE.exec(decision.source.text)?.[1] ?? '' } : {}) });
        open = undefined;
        break;
      case 'closer':
        body.push({ kind: 'closer', salute: decision.source.text.trim() });
        open = undefined;
        break;
      case 'signed': {
        const closer = body.at(-1);
        if (closer?.kind === 'closer') closer.signed = decision.source.text.trim();
        break;
      }
      case 'label':
      case 'speech': {
        const continues = open && !decision.label && open.who === decision.speaker;
        if (!continues) {
          open = { kind: 'sp', id: '', n: 0, who: decision.speaker ?? '', paragraphs: [], ...(decision.label ? { label: decision.label } : {}) };
          openedBy.set(open, decision);
          body.push(open);
        }
        if (decision.role === 'speech') open!.paragraphs.push(paragraph(decision));
        break;
      }
    }
  }
  // Page breaks with no paragraph to stand in still stand in the text.
  if (pageBreaks.length > 0) body.push({ kind: 'p', id: '', n: 0, block: decisions.at(-1)?.block ?? 0, content: pageBreaks });
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
    content: markMentions(parseBrackets(footnote.block.text, footnote.block.start, bracketContext), index),
  }));
  if (edition.abstract && record.front.some((part) => part.type === 'summary')) {
    edition.abstract.content = markMentions(edition.abstract.content, index);
  }

  if (bracketContext.counts.has('hand-insertion')) {
    edition.hands.push({
      id: EDITION_IDS.handInsertions,
      description: 'Handwritten insertions in the original document, reported by the translator as "[inserted by hand: …]". The writer is not identified in the source.',
    });
  }
  edition.bracketConventions = BRACKET_CONVENTIONS.map((convention) => convention.id).filter((id) => bracketContext.counts.has(id));
  edition.decisions = decisions.map(({ block, firstWords: words, role, speaker, ruleId, override }) => ({
    block,
    firstWords: words,
    role,
    ...(speaker ? { speaker } : {}),
    ruleId,
    override,
  }));
  return { edition, bracketCounts: bracketContext.counts };
}

/** Where each listed note's number stands in the text (offset in the source → the note). */
function findNoteReferences(record: SourceRecord): Map<number, SourceRecord['footnotes'][number]> {
  const references = new Map<number, SourceRecord['footnotes'][number]>();
  for (const footnote of record.footnotes) {
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
