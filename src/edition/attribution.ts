/** Who speaks each block: the attribution rules, as data, tried in order on each block; and the manifest's overrides checked. */
import type { SourceFile } from '../diagnostics.js';
import type { PersonRegistry } from './persons.js';
import { flat } from '../layouts/blocks.js';
import type { SourceRecord } from '../layouts/index.js';
import { reportManifestError, type LoadedManifest } from '../manifest/index.js';
import {
  isFirstPerson,
  narrativeCue,
  readSpeakerLabel,
  recurringLabels,
  type AttributionRuleId,
  type NarrativeCue,
  type SpeakerLabel,
} from '../conventions/speakers.js';
import type { BlockOverride } from '../manifest/index.js';
import { findDate } from '../conventions/dates.js';
import { FURNITURE_DECLARATION, readFurniture } from '../conventions/furniture.js';
import { editDistance } from '../conventions/persons.js';
import { alternation, COMPLIMENTARY_CLOSES, SALUTATIONS, VOCATIVE_OFFICES } from '../conventions/vocabulary.js';
import type { AttributionDecision, Block, Person, Role } from '../model.js';

/** A block that holds nothing but page markers or form feeds. */
// The spaces between markers exclude the form feed, which only the marker branch takes: with
// `\s*\f` both could take it, and a run of form feeds backtracked exponentially.
const PAGE_ONLY = /^(?:[^\S\f]*(?:\[Page\s+[\dIVXLC]+\]|\f))+[^\S\f]*$/i;

/** "[Enclosure 1]" alone in its block. */
export const ENCLOSURE = /^\s*\[(?:Enclosure|Attachment|Annex|Appendix)(?:\s+(\d+))?\]\s*$/i;
/** A salutation opening a letter's first paragraph. */
const SALUTE = new RegExp(`^\\s*(?:${alternation(SALUTATIONS)}|(?:My )?[Dd]ear [^:\\n]{1,60}):(?=\\s|$)`);
/** "Mr. Secretary:", "Madam President:": a salutation where it opens the text (see VOCATIVE_OFFICES). */
const VOCATIVE_SALUTE = new RegExp(`^\\s*((?:Mr\\.|Madam|Madame) (?:${alternation(VOCATIVE_OFFICES)})):(?=\\s|$)`);

/** The salutation a block opens with, as matched (with the space before it), if it has one. */
function readSalutation({ text, previous, recurring }: BlockContext): string | undefined {
  const salute = SALUTE.exec(text)?.[0];
  if (salute !== undefined) return salute;
  const vocative = VOCATIVE_SALUTE.exec(text);
  return vocative && previous === undefined && !recurring.has(vocative[1] ?? '') ? vocative[0] : undefined;
}
/** A complimentary close alone in its block. */
const COMPLIMENTARY_CLOSE = new RegExp(`^\\s*(?:${alternation(COMPLIMENTARY_CLOSES)}|(?:Accept|Believe me|I am|I have the honou?r to be)\\b[^\\n]{0,60}\\[etc\\.?\\])[,.]?\\s*$`, 'i');
/** A dateline: at most a place before a date, and nothing after it ("[Washington,] May 3, 1950.", "Moscow, 12 June 1949"). */
function isDateline(text: string): boolean {
  const line = text.trim();
  if (line.includes('\n') || line.length > DATELINE_MAX_LENGTH) return false;
  const date = findDate(line);
  if (!date) return false;
  const before = line.slice(0, date.index);
  const after = line.slice(date.index + date.text.length);
  return /^(?:\[?\p{Lu}[\p{L} .’'-]*,?\]?,?\s*)?$/u.test(before) && /^[\s.,—–-]*(?:\d{1,2}(?::\d{2})?\s*[ap]\.m\.?)?[\s.]*$/.test(after);
}
const DATELINE_MAX_LENGTH = 80;

/** A line of dots alone in its block: ". . . . . . .", "……". */
const OMISSION_MARK = /^[ \t]*(?:(?:\.[ \t]*){3,}|(?:…[ \t]*)+)$/;
/** The document's subject line ("Subject: Conversations of September 19, 1944 …"). */
export const SUBJECT = /^[ \t]*Subject[ \t]*:[ \t]*(\S[\s\S]*)$/;
/** A close of two or more words misspelt by at most two letters ("Respcetfully yours,"): the source's typing, still a close. */
function isMisspeltClose(text: string): boolean {
  const written = text.trim().replace(/[,.]$/, '');
  if (written.includes('\n') || written.split(/\s+/).length < 2 || written.length > 40) return false;
  return COMPLIMENTARY_CLOSES.some((close) => close.includes(' ') && editDistance(written.toLowerCase(), close.toLowerCase()) <= 2);
}
/** A signature under a close is short. */
const SIGNATURE_MAX_LENGTH = 200;


export interface Decision extends AttributionDecision {
  ruleId: AttributionRuleId;
  source: Block;
  /** The salutation a letter's first paragraph opens with ("Sir:"). */
  salute?: string;
  /** Offset in the block's text where the paragraph text starts (after an inline label). */
  textStart: number;
  label?: string;
  /** Where the label starts: page markers before it ("[Page 120] LBJ:") go before the speech. */
  labelStart?: number;
}

export const firstWords = (text: string): string => {
  // Eight words are in the block's first few hundred characters; a block may be megabytes long.
  const start = text.trimStart().slice(0, 400);
  const words = start.replace(/\s+/g, ' ').trim().split(' ');
  return words.slice(0, 8).join(' ') + (words.length > 8 || start.length < text.trim().length ? ' …' : '');
};

/** What a rule sees of a block and of the blocks before it. */
export interface BlockContext {
  block: Block;
  text: string;
  /** The speaker label the block starts with, if it has one. */
  label: SpeakerLabel | undefined;
  override: BlockOverride | undefined;
  /** The layout expects the archive's summary here. */
  summaryCandidate: boolean;
  /** The attendance rule that read this block into the participants, if one did. */
  attendance: AttributionRuleId | undefined;
  previous: Decision | undefined;
  /** The speaker whose speech is open (a page break does not close it). */
  openSpeaker: string | undefined;
  /** The participant the previous block reported as speaking ("Kim Il Sung said that …"). */
  reported: Person | undefined;
  /** An earlier narrative block is in the first person: the record's author writes "I" and "we". */
  narratorFirstPerson: boolean;
  /** The last block of the text. */
  last: boolean;
  /** Labels that open two or more blocks (a dialogue), or both a question and an answer label. */
  recurring: ReadonlySet<string>;
  /** Whether the block reads as the record-taker's narrative, and why (read once, for the rules that ask). */
  narrative(): NarrativeCue | undefined;
  registry: PersonRegistry;
  file: SourceFile;
}

/** A rule's verdict on a block. */
export interface Verdict {
  role: Role;
  speaker?: string;
  label?: string;
  labelStart?: number;
  textStart?: number;
  salute?: string;
  override?: boolean;
  /** A participant whose own words the next first-person block may be. */
  reports?: Person;
}

/** A source and one of its blocks, with the verdict the rule must give (run by the tests). */
export interface RuleExample {
  source: string;
  manifest?: object;
  /** The first words of the block. */
  block: string;
  role: Role;
  speaker?: string;
}

export interface AttributionRule {
  id: AttributionRuleId;
  /** What the edition's editorialDecl says when the rule decided at least one block. */
  editorialDecl: string;
  examples: readonly RuleExample[];
  decide(context: BlockContext): Verdict | undefined;
}

const attendanceRule = (id: AttributionRuleId, editorialDecl: string, examples: RuleExample[]): AttributionRule => ({
  id,
  editorialDecl,
  examples,
  decide: (context) => (context.attendance === id ? { role: 'attendance' } : undefined),
});

/** A short block holding only a name or initials: a signature ("Gauss", "J[ohn] S[tewart] S[ervice]", "Atcheson"). */
const SIGNATURE_ONLY = /^[ \t]*(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\[[\p{Ll}]+\]\.?)(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\[[\p{Ll}]+\]\.?)){0,3}[ \t]*$/u;

/** The attribution rules, in the order they are tried on each block: the first verdict decides. */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  {
    id: 'manifest/override',
    editorialDecl: 'Where the edition manifest (edition.json) attributes a block, the manifest decides; every such block is listed by teikit convert --report.',
    examples: [{ source: 'A Record\n\nThe meeting went on.\n', manifest: { id: 'x', blocks: [{ block: 2, as: 'narrative' }] }, block: 'The meeting went on.', role: 'narrative' }],
    decide({ override, label }) {
      if (!override) return undefined;
      const speaker = override.speaker;
      const keepLabel = override.as === 'speech' && label && (!label.person || label.person.id === speaker);
      return {
        role: keepLabel ? (label.alone ? 'label' : 'speech') : override.as,
        override: true,
        ...(speaker ? { speaker } : {}),
        ...(keepLabel ? { label: label.label, labelStart: label.start, textStart: label.speechStart } : {}),
      };
    },
  },
  {
    id: 'summary/last-before-metadata',
    editorialDecl: 'The last block before the "Document Information" section is the archive\'s summary; it is encoded as the abstract, not as part of the text.',
    examples: [],
    decide: ({ summaryCandidate }) => (summaryCandidate ? { role: 'summary' } : undefined),
  },
  attendanceRule(
    'attendance/were-present',
    'A paragraph saying who "were present" is kept in the text and also read into the list of participants, each description ("representatives of the CPSU CC") opening a group.',
    [{ source: 'A Record\n\nCdes. Kim Il Sung and Pak Jeong-ae were present.\n\nCde. Kim Il Sung: We agree.\n', block: 'Cdes. Kim Il Sung and', role: 'attendance' }],
  ),
  attendanceRule(
    'attendance/list',
    'Participant lists ("Participants:", "Present:", "Also present:", "Others present:", "Recorder:", with names on the same line, on the following lines, or in short blocks after a heading standing alone) are kept in the text and read into the list of participants, one group per heading; titles ("Maj. Gen.", "General", "Mr.") are not part of the name, a comma starts the role; a person is also recognised by the surname and by title and first or last word ("General Chang") when no other participant shares that form.',
    [{ source: 'A Record\n\nParticipants: Mr. Dean Rusk\nMr. Philip Sprouse\n\nRusk: Good morning.\n', block: 'Participants: Mr. Dean Rusk', role: 'attendance' }],
  ),
  attendanceRule(
    'attendance/legend',
    'A legend of speaker abbreviations ("G—General Chang") is kept in the text; the abbreviation then names that participant as a speaker label ("G:") but is not tagged elsewhere in the text.',
    [{ source: 'Minutes\n\nPresent: General Chang\nGeneral Marshall\n\nG—General Chang\n\nM—General Marshall\n\nG: We agree.\n\nM: So do we.\n', block: 'G—General Chang', role: 'attendance' }],
  ),
  {
    id: 'page/marker',
    editorialDecl: 'A block holding only a page marker ("[Page 267]") or a form feed is not a paragraph: its <pb/> ends the paragraph before it (the same point of the text), or stands on its own where no paragraph precedes it (after an enclosure marker or a close).',
    examples: [{ source: 'A Record\n\nThe talks began.\n\n[Page 267]\n\nThey went on.\n', block: '[Page 267]', role: 'pagebreak' }],
    decide: ({ text }) => (PAGE_ONLY.test(text) ? { role: 'pagebreak' } : undefined),
  },
  {
    id: 'page/furniture',
    editorialDecl: FURNITURE_DECLARATION,
    examples: [
      { source: 'A Record\n\nCde. Mikoyan: We agree.\n\nApproved for Release: 2019/04/02 C02002001\n\nThis is our view.\n', block: 'Approved for Release:', role: 'furniture' },
      { source: 'A Record\n\nTOP SECRET\n\n- 2 -\n\nThe talks began.\n', block: 'TOP SECRET', role: 'furniture' },
    ],
    decide: ({ text }) => (readFurniture(text) ? { role: 'furniture' } : undefined),
  },
  {
    id: 'page/omission',
    editorialDecl: 'A block holding only a line of dots (". . . . . . .") is the editors\' mark of an omitted passage: <gap reason="omitted"> with the mark as written in its <desc>, between paragraphs.',
    examples: [{ source: 'Minutes\n\nThe talks began.\n\n. . . . . . . . . . . . . .\n\nThe talks ended.\n', block: '. . . .', role: 'omission' }],
    decide: ({ text }) => (OMISSION_MARK.test(text) ? { role: 'omission' } : undefined),
  },
  {
    id: 'letter/enclosure',
    editorialDecl: 'A block "[Enclosure 1]" (or "[Attachment]", "[Annex 2]") starts an enclosed document, a <div type="enclosure"> with the marker as its <head>; it may hold its own participants and speeches.',
    examples: [{ source: 'A Despatch\n\nI enclose the record.\n\n[Enclosure 1]\n\nThe record.\n', block: '[Enclosure 1]', role: 'enclosure' }],
    decide: ({ text }) => (ENCLOSURE.test(text) ? { role: 'enclosure' } : undefined),
  },
  {
    id: 'letter/closer',
    editorialDecl: 'A block holding only a complimentary close ("Respectfully yours,", "Yours sincerely,", "Accept [etc.]", also misspelt by a letter or two: "Respcetfully yours,") ends the letter as <closer><salute>, kept as written.',
    examples: [
      { source: 'A Letter\n\nSir: I write to you.\n\nRespectfully yours,\n\nC. E. Gauss\n', block: 'Respectfully yours,', role: 'closer' },
      { source: 'A Letter\n\nSir: I write to you.\n\nRespcetfully yours,\n\nC. E. Gauss\n', block: 'Respcetfully yours,', role: 'closer' },
    ],
    decide: ({ text }) => (COMPLIMENTARY_CLOSE.test(text) || isMisspeltClose(text) ? { role: 'closer' } : undefined),
  },
  {
    id: 'letter/signed',
    editorialDecl: 'The short block right after a complimentary close is the signature, <signed> in the closer.',
    examples: [{ source: 'A Letter\n\nSir: I write to you.\n\nRespectfully yours,\n\nC. E. Gauss\n', block: 'C. E. Gauss', role: 'signed' }],
    decide: ({ text, previous }) => (previous?.role === 'closer' && text.trim().length <= SIGNATURE_MAX_LENGTH ? { role: 'signed' } : undefined),
  },
  {
    id: 'letter/salute',
    editorialDecl: 'A block holding only a salutation ("Sir:", "Dear Mr. President:", "Gentlemen:") starts a letter: the salutation is encoded as <opener><salute>, and the letter as a <div type="letter">.',
    examples: [{ source: 'A Letter\n\nSir:\n\nI write to you.\n', block: 'Sir:', role: 'narrative' }],
    decide(context) {
      const salute = readSalutation(context);
      return salute === undefined || context.text.slice(salute.length).trim() !== '' ? undefined : { role: 'narrative', salute: salute.trim(), textStart: salute.length };
    },
  },
  {
    id: 'letter/salute-run-in',
    editorialDecl: 'A paragraph opening with a salutation ("Sir: With reference to …"; an office in the vocative, "Mr. Secretary: We feel …", where it opens the text and no other block) starts a letter, a <div type="letter">; the salutation stays at the head of its paragraph as <seg type="salute">, so the source\'s paragraphing is kept.',
    examples: [
      { source: 'A Letter\n\nSir: I write to you.\n', block: 'Sir: I write', role: 'narrative' },
      { source: 'A Memorandum\n\nMr. Secretary: We feel that the plan is sound.\n\nM. M. H.\n', block: 'Mr. Secretary: We feel', role: 'narrative' },
    ],
    decide(context) {
      const salute = readSalutation(context);
      return salute === undefined ? undefined : { role: 'narrative', salute: salute.trim(), textStart: salute.length };
    },
  },
  {
    id: 'header/subject',
    editorialDecl: 'A paragraph "Subject: …" is kept in the text, and its subject is also read into the header (textClass/keywords).',
    examples: [{ source: 'A Memorandum\n\nSubject: Korea\n\nThe Ambassador called.\n', block: 'Subject: Korea', role: 'narrative' }],
    decide: ({ text }) => (SUBJECT.test(text) ? { role: 'narrative' } : undefined),
  },
  {
    id: 'label/inline',
    editorialDecl: 'A paragraph that starts with a speaker label starts a speech; the label is kept verbatim in <speaker>. A label is a participant\'s name (with or without "Cde.", a rank or a title: "Gen. Chennault:", "Secretary Rusk:", "Secretary of State Acheson:"), optionally followed by lower-case words ("continued", "asks a question") and ending in a period or colon; a name not known from the attendance list needs a form of address, a rank or title and a colon, a colon and at least two words, or capitals ("LBJ:"); a one-word label ("President:") counts where some label opens at least two blocks of the document (a dialogue), and "Q."/"A." (or "Question:"/"Answer:", "Query:"/"Reply:", also numbered: "1. Query:") where both a question and an answer label open blocks. A label one letter off a known name of six letters or more is read as that person\'s spelling variant, with a warning.',
    examples: [
      { source: 'A Record\n\nCde. Mikoyan: We agree with this.\n', block: 'Cde. Mikoyan: We agree', role: 'speech', speaker: 'mikoyan' },
      { source: 'A Record\n\nGen. Marshall: “We wait.”\n\nSecretary Rusk: “We cannot.”\n', block: 'Secretary Rusk:', role: 'speech', speaker: 'rusk' },
      { source: 'A Record\n\nQ. Will you go?\n\nA. Not yet.\n', block: 'A. Not yet.', role: 'speech', speaker: 'a' },
      { source: 'A Record\n\nSecretary of State Acheson: We wait.\n', block: 'Secretary of State Acheson:', role: 'speech', speaker: 'acheson' },
    ],
    decide: (context) => speakerVerdict(context, false),
  },
  {
    id: 'label/alone',
    editorialDecl: 'A paragraph holding only a speaker label ("Cde. Peng Dehuai", "Cde. Choe Yong-geon (a second time)", "Cde. Mikoyan:") starts a speech that the following paragraphs continue.',
    examples: [
      { source: 'A Record\n\nCde. Peng Dehuai\n\nWe have come to help.\n', block: 'Cde. Peng Dehuai', role: 'label', speaker: 'peng-dehuai' },
      { source: 'A Record\n\nCde. Mikoyan:\n\nWe agree with this.\n', block: 'Cde. Mikoyan:', role: 'label', speaker: 'mikoyan' },
    ],
    decide: (context) => speakerVerdict(context, true),
  },
  {
    id: 'narrative/signature',
    editorialDecl: 'A short block at the end of the text holding only a name or initials is the sender\'s signature: it does not continue a speech.',
    examples: [{ source: 'A Telegram\n\nQ. Will you go?\n\nA. Not yet.\n\nAtcheson\n', block: 'Atcheson', role: 'narrative' }],
    decide: ({ text, last, openSpeaker }) => (last && openSpeaker && SIGNATURE_ONLY.test(text) ? { role: 'narrative' } : undefined),
  },
  {
    id: 'narrative/dateline',
    editorialDecl: 'A short block holding only a place and a date ("Washington, May 3, 1950.") is a new dateline: it does not continue a speech.',
    examples: [{ source: 'A Record\n\nQ. Will you go?\n\nA. Not yet.\n\n[Washington,] May 3, 1950.\n\nThe second talk began.\n', block: '[Washington,] May 3,', role: 'narrative' }],
    decide: ({ text, openSpeaker }) => (openSpeaker && isDateline(text) ? { role: 'narrative' } : undefined),
  },
  {
    id: 'narrative/reported-speech',
    editorialDecl: 'A paragraph whose first sentence reports, in the third person, a participant, someone named with a form of address or rank ("Cde. Kim Il Sung said that …", "General Marshall opened the meeting …", "Dr. Tong then referred to …") or an office ("The Ambassador added …") and has no first-person pronoun is narrative, outside any speech; persons only mentioned in the text do not count, since speakers tell of them.',
    examples: [{ source: 'A Record\n\nCde. Mikoyan: We agree.\n\nMaj. Gen. Chennault said that the airline could carry it.\n', block: 'Maj. Gen. Chennault said', role: 'narrative' }],
    decide({ narrative }) {
      const cue = narrative();
      if (cue?.ruleId !== 'narrative/reported-speech') return undefined;
      return { role: 'narrative', ...(cue.speechVerb && cue.person ? { reports: cue.person } : {}) };
    },
  },
  {
    id: 'narrative/meeting-event',
    editorialDecl: 'A paragraph that opens with the course of the meeting ("The meeting ended …", "Opening the meeting, …") is narrative.',
    examples: [{ source: 'A Record\n\nCde. Mikoyan: We agree.\n\nThe meeting ended at 6 p.m.\n', block: 'The meeting ended', role: 'narrative' }],
    decide: ({ narrative }) => (narrative()?.ruleId === 'narrative/meeting-event' ? { role: 'narrative' } : undefined),
  },
  {
    id: 'speech/first-person-after-report',
    editorialDecl: 'A first-person paragraph right after a narrative paragraph that reports what a participant said continues that participant\'s words as a speech without a label, unless the record\'s author has written in the first person before (a memorandum by one of the participants: "I then stated …").',
    examples: [{ source: 'A Record\n\nCde. Kim Il Sung: We agree.\n\nCde. Kim Il Sung said that the party had erred.\n\nWe will correct it.\n', block: 'We will correct it.', role: 'speech', speaker: 'kim-il-sung' }],
    decide: ({ text, reported, narratorFirstPerson }) => (reported && !narratorFirstPerson && isFirstPerson(text) ? { role: 'speech', speaker: reported.id } : undefined),
  },
  {
    id: 'speech/continuation',
    editorialDecl: 'An unlabeled paragraph after a speech continues it.',
    examples: [{ source: 'A Record\n\nCde. Mikoyan: We agree.\n\nThis is our view.\n', block: 'This is our view.', role: 'speech', speaker: 'mikoyan' }],
    decide: ({ openSpeaker }) => (openSpeaker ? { role: 'speech', speaker: openSpeaker } : undefined),
  },
  {
    id: 'narrative/default',
    editorialDecl: 'Any other paragraph is narrative.',
    examples: [{ source: 'A Record\n\nThe talks took place in Beijing.\n', block: 'The talks took place', role: 'narrative' }],
    decide: () => ({ role: 'narrative' }),
  },
];

/** A label (inline or alone) names its speaker: a known person, a spelling variant of one, or a new speaker. */
function speakerVerdict({ label, registry, file, block }: BlockContext, alone: boolean): Verdict | undefined {
  if (!label || label.alone !== alone) return undefined;
  const variant = label.person ? undefined : registry.resolveVariant(label.name);
  if (variant?.how === 'spelling') {
    file.report({
      source: 'teikit:persons',
      severity: 'warning',
      ruleId: 'persons/label-spelling-variant',
      reason: `The speaker label "${label.name}" is read as a spelling variant of ${variant.person.name}.`,
      place: file.place(block.start, block.start + label.speechStart),
      note: 'If it is another person, declare both in edition.json ("persons").',
    });
  }
  const person = label.person ?? variant?.person ?? registry.addSpeaker(label.name);
  return { role: alone ? 'label' : 'speech', speaker: person.id, label: label.label, labelStart: label.start, textStart: label.speechStart };
}

/** Decide the role and speaker of every content block: the first rule of ATTRIBUTION_RULES that gives a verdict. */
export function attribute(
  file: SourceFile,
  record: SourceRecord,
  registry: PersonRegistry,
  attendanceRules: ReadonlyMap<number, AttributionRuleId>,
  loaded: LoadedManifest | undefined,
): Decision[] {
  const recurring = recurringLabels(record.content.map((block) => block.text));
  const overrides = new Map((loaded?.manifest.blocks ?? []).map((override) => [override.block, override]));
  const decisions: Decision[] = [];
  let openSpeaker: string | undefined;
  let reported: Person | undefined;
  let narratorFirstPerson = false;

  record.content.forEach((block, position) => {
    let cue: { value: NarrativeCue | undefined } | undefined;
    const context: BlockContext = {
      block,
      text: block.text,
      label: readSpeakerLabel(block.text, registry.labelIndex, recurring),
      override: overrides.get(block.number),
      summaryCandidate: block.number === record.summaryCandidate,
      attendance: attendanceRules.get(block.number),
      previous: decisions.at(-1),
      openSpeaker,
      reported,
      narratorFirstPerson,
      last: position === record.content.length - 1,
      recurring,
      narrative: () => (cue ??= { value: narrativeCue(block.text, registry.participantIndex) }).value,
      registry,
      file,
    };
    let decision: Decision | undefined;
    for (const rule of ATTRIBUTION_RULES) {
      const verdict = rule.decide(context);
      if (!verdict) continue;
      const { reports, ...rest } = verdict;
      decision = { block: block.number, firstWords: firstWords(block.text), ruleId: rule.id, override: false, source: block, textStart: 0, ...rest };
      reported = reports;
      break;
    }
    // narrative/default always decides.
    if (!decision) throw new Error(`No attribution rule decided block ${block.number}.`);
    if (decision.speaker) registry.markSpeaking(decision.speaker);
    if (decision.role === 'narrative' && !narratorFirstPerson) narratorFirstPerson = isFirstPerson(block.text.slice(decision.textStart));
    // A page break or the page's furniture does not interrupt a speech.
    if (decision.role !== 'pagebreak' && decision.role !== 'furniture') openSpeaker = decision.role === 'speech' || decision.role === 'label' ? decision.speaker : undefined;
    decisions.push(decision);
  });
  return decisions;
}

/** Check the manifest's block overrides against the source; errors go on the manifest file. */
export function checkOverrides(record: SourceRecord, registry: PersonRegistry, loaded: LoadedManifest): void {
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
