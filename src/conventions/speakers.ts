/**
 * Speaker labels and the attribution rules that decide who speaks each block, as data: each
 * rule has an id (shown by `--report`), the sentence the edition's editorialDecl states for
 * it, and examples that the test suite runs.
 */
import { HONORIFIC, RANKS, TITLE_WORDS, type PersonIndex } from './persons.js';
import type { Person } from '../model.js';

export type AttributionRuleId =
  | 'manifest/override'
  | 'summary/last-before-metadata'
  | 'attendance/were-present'
  | 'attendance/list'
  | 'attendance/legend'
  | 'page/marker'
  | 'letter/salute'
  | 'letter/closer'
  | 'letter/signed'
  | 'letter/enclosure'
  | 'label/inline'
  | 'label/alone'
  | 'narrative/reported-speech'
  | 'narrative/meeting-event'
  | 'speech/first-person-after-report'
  | 'speech/continuation'
  | 'narrative/default';

export interface AttributionRule {
  id: AttributionRuleId;
  editorialDecl: string;
}

/** In the order the converter tries them on each block. */
export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  { id: 'manifest/override', editorialDecl: 'Where the edition manifest (edition.json) attributes a block, the manifest decides; every such block is listed by teikit convert --report.' },
  { id: 'summary/last-before-metadata', editorialDecl: 'The last block before the "Document Information" section is the archive\'s summary; it is encoded as the abstract, not as part of the text.' },
  { id: 'attendance/were-present', editorialDecl: 'A paragraph saying who "were present" is kept in the text and also read into the list of participants, each description ("representatives of the CPSU CC") opening a group.' },
  { id: 'attendance/list', editorialDecl: 'Participant lists ("Participants:", "Present:", "Also present:", "Others present:", "Recorder:", with names on the same line, on the following lines, or in short blocks after a heading standing alone) are kept in the text and read into the list of participants, one group per heading; titles ("Maj. Gen.", "General", "Mr.") are not part of the name, a comma starts the role; a person is also recognised by the surname and by title and first or last word ("General Chang") when no other participant shares that form.' },
  { id: 'attendance/legend', editorialDecl: 'A legend of speaker abbreviations ("G—General Chang") is kept in the text; the abbreviation then names that participant as a speaker label ("G:") but is not tagged elsewhere in the text.' },
  { id: 'page/marker', editorialDecl: 'A block holding only a page marker ("[Page 267]") or a form feed is not a paragraph: its <pb/> ends the paragraph before it (the same point of the text), or stands on its own where no paragraph precedes it (after an enclosure marker or a close).' },
  { id: 'letter/salute', editorialDecl: 'A paragraph opening with a salutation ("Sir:", "Dear Mr. President:", "Gentlemen:") starts a letter: the salutation is encoded as <opener><salute>, and the letter as a <div type="letter">.' },
  { id: 'letter/closer', editorialDecl: 'A block holding only a complimentary close ("Respectfully yours,", "Yours sincerely,") ends the letter as <closer><salute>.' },
  { id: 'letter/signed', editorialDecl: 'The short block right after a complimentary close is the signature, <signed> in the closer.' },
  { id: 'letter/enclosure', editorialDecl: 'A block "[Enclosure 1]" (or "[Attachment]", "[Annex 2]") starts an enclosed document, a <div type="enclosure"> with the marker as its <head>; it may hold its own participants and speeches.' },
  { id: 'label/inline', editorialDecl: 'A paragraph that starts with a participant\'s name (with or without "Cde."), optionally followed by lower-case words ("continued", "asks a question") and ending in a period or colon, starts a speech; the label is kept verbatim in <speaker>. A name not known from the attendance list needs "Cde."/"Mr." or a colon and at least two words; a one-word label ("President:", "Query:") counts where some label opens at least two blocks of the document (a dialogue). A rank before a known name ("Gen. Chennault:") belongs to the label; a label one letter off a known name of six letters or more is read as that person\'s spelling variant, with a warning.' },
  { id: 'label/alone', editorialDecl: 'A paragraph holding only a speaker label ("Cde. Peng Dehuai", "Cde. Choe Yong-geon (a second time)") starts a speech that the following paragraphs continue.' },
  { id: 'narrative/reported-speech', editorialDecl: 'A paragraph whose first sentence reports, in the third person, a participant or someone named with a form of address or rank ("Cde. Kim Il Sung said that …", "General Marshall opened the meeting …") and has no first-person pronoun is narrative, outside any speech; persons only mentioned in the text do not count, since speakers tell of them.' },
  { id: 'narrative/meeting-event', editorialDecl: 'A paragraph that opens with the course of the meeting ("The meeting ended …", "Opening the meeting, …") is narrative.' },
  { id: 'speech/first-person-after-report', editorialDecl: 'A first-person paragraph right after a narrative paragraph that reports what a participant said continues that participant\'s words as a speech without a label.' },
  { id: 'speech/continuation', editorialDecl: 'An unlabeled paragraph after a speech continues it.' },
  { id: 'narrative/default', editorialDecl: 'Any other paragraph is narrative.' },
];

export interface SpeakerLabel {
  /** The label exactly as written, including its final period or colon. */
  label: string;
  /** The name as written in the label. */
  name: string;
  person?: Person;
  /** Offset in the block's text where the speech starts (text.length for a label alone). */
  speechStart: number;
  alone: boolean;
}

const HONORIFIC_AT = new RegExp(`${HONORIFIC}\\s+`, 'uy');
const TITLES_AT = new RegExp(`(?:(?:${[...TITLE_WORDS].map((word) => word.replace('.', '\\.')).join('|')})\\s+)+`, 'uy');
/**
 * Capitalised words that head metadata fields and headings ("Original Language:", "Summary:"),
 * never a person: an unknown name holding one of them is not a speaker label.
 */
const NOT_NAME_WORDS = new Set([
  'Language', 'Original', 'Summary', 'Citation', 'Credits', 'Contents', 'Source', 'Date', 'Subject',
  'Participants', 'Present', 'Also', 'Note', 'Notes', 'Translator', 'Translation', 'Enclosure', 'Record',
  'Document', 'Information', 'Rights', 'Title', 'Page', 'Footnote', 'Attachment', 'Classification', 'Copy',
  'Time', 'Place', 'Recorder', 'Interpreter', 'Others', 'Sir', 'Dear', 'Gentlemen', 'Memorandum', 'Minutes', 'Top', 'Secret',
]);

/** "Q." / "A." / "Question:" / "Answer:" opening a block. */
const QUESTION_ANSWER = /^[ \t]*(Q|A|Question|Answer)[ \t]*[.:][ \t]+\S/u;

/** "Name:" at the start of a block: a candidate label for the recurring-label rule. */
const COLON_LABEL = /^[ \t]*(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2})[ \t]*:[ \t]+\S/u;

/**
 * Labels of one or two words that open at least two blocks ("President:", "Query:"): in a
 * record of this genre a form that recurs at block starts is a speaker label, even when it
 * names nobody known.
 */
export function recurringLabels(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  const questionAnswer = new Set<string>();
  for (const text of texts) {
    const asked = QUESTION_ANSWER.exec(text)?.[1];
    if (asked) questionAnswer.add(asked);
    const name = COLON_LABEL.exec(text)?.[1];
    if (!name || name.split(/\s+/).some((word) => NOT_NAME_WORDS.has(word))) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const labels = new Set([...counts].filter(([, count]) => count >= 2).map(([name]) => name));
  // "Q." and "A." (or "Question:" and "Answer:") both opening blocks: a question-and-answer record.
  const asks = [...questionAnswer].some((name) => name.startsWith('Q'));
  const answers = [...questionAnswer].some((name) => name.startsWith('A'));
  if (asks && answers) for (const name of questionAnswer) labels.add(name);
  return labels;
}
/** A name set in capitals, initials allowed: "A.I. MIKOYAN", "O. DORTICOS", "MAO ZEDONG". */
const CAPITALS_NAME = /(?:\p{Lu}\.[ \t]?){0,3}\p{Lu}{2,}[\p{Lu}'’-]*(?:[ \t]+\p{Lu}{2,}[\p{Lu}'’-]*){0,2}(?![\p{Ll}])/uy;
/** A name not (yet) known: capitalised words, hyphenated parts allowed. */
const UNKNOWN_NAME = /\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*){0,3}/uy;
/** Lower-case words after the name ("continued", "asks a question"). */
const SUFFIX = /(?:[ \t]+\p{Ll}+){1,4}(?=[ \t]*[:(])/uy;
const PARENTHESIS = /[ \t]*\([^()\n]{1,40}\)/y;
const TERMINATOR = /[ \t]*([.:])(?:\s+|$)/y;
const ONLY_SPACE = /\s*$/y;

function stickyMatch(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** Read the speaker label a block starts with, if it has one. */
export function readSpeakerLabel(text: string, persons: PersonIndex, recurring: ReadonlySet<string> = new Set()): SpeakerLabel | undefined {
  // Indentation before a label (hard-wrapped exports indent paragraphs) is not part of it.
  const labelStart = text.length - text.trimStart().length;
  const honorific = stickyMatch(HONORIFIC_AT, text, labelStart);
  let position = labelStart + (honorific ? honorific[0].length : 0);
  // A rank before a known name ("Gen. Chennault:", "Ambassador Ivanov.") belongs to the label.
  const rank = stickyMatch(TITLES_AT, text, position);
  const ranked = rank ? persons.matchAt(text, position + rank[0].length) : undefined;
  if (ranked && rank) position += rank[0].length;
  const known = ranked ?? persons.matchAt(text, position);
  let nameEnd: number;
  if (known) {
    nameEnd = known.end;
  } else {
    const unknown = stickyMatch(CAPITALS_NAME, text, position) ?? stickyMatch(UNKNOWN_NAME, text, position);
    if (!unknown || unknown[0].split(/\s+/).some((word) => NOT_NAME_WORDS.has(word))) return undefined;
    nameEnd = position + unknown[0].length;
  }
  const name = text.slice(position, nameEnd);
  position = nameEnd;
  const suffix = stickyMatch(SUFFIX, text, position);
  if (suffix) position += suffix[0].length;
  const parenthesis = stickyMatch(PARENTHESIS, text, position);
  if (parenthesis) position += parenthesis[0].length;

  // An unknown name must look like a label, not like the start of a sentence.
  const unknownAllowed = (terminator: string | undefined): boolean =>
    // A surname in capitals ("O. DORTICOS.") is how records of conversation set a label.
    honorific !== null ||
    new RegExp(`^${CAPITALS_NAME.source}$`, 'u').test(name) ||
    // In a dialogue (some label recurs), a one-word "Name:" opening a block is a label too.
    (terminator === ':' && (name.trim().split(/\s+/).length >= 2 || recurring.size > 0)) ||
    // A recurring label is one whatever ends it ("Q." and "A." of a question-and-answer record).
    recurring.has(name.trim());
  const person = known?.person;

  if (stickyMatch(ONLY_SPACE, text, position)) {
    if (!known && !honorific) return undefined;
    return { label: text.slice(labelStart, position).trimEnd(), name, ...(person ? { person } : {}), speechStart: text.length, alone: true };
  }
  const terminator = stickyMatch(TERMINATOR, text, position);
  if (!terminator) return undefined;
  // "Cde. X agreed." is a sentence; a label with words after the name ends in a colon.
  if (terminator[1] === '.' && suffix) return undefined;
  if (!known && !unknownAllowed(terminator[1])) return undefined;
  const labelEnd = position + terminator[0].indexOf(terminator[1] ?? '') + 1;
  return {
    label: text.slice(labelStart, labelEnd),
    name,
    ...(person ? { person } : {}),
    speechStart: position + terminator[0].length,
    alone: false,
  };
}

const ABBREVIATION_BEFORE_STOP = /(?:\b(?:Cdes?|Mr|Mrs|Ms|Messrs|Dr|St|Gen|Col|No|vs|etc|cf)|\b\p{Lu})$/u;

/** The first sentence of a text (abbreviations such as "Cde." do not end it). */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?](?=\s+[\p{Lu}[\d"“]|\s*$)/gu)) {
    if (!ABBREVIATION_BEFORE_STOP.test(text.slice(0, match.index))) return text.slice(0, match.index + 1);
  }
  return text;
}

const FIRST_PERSON = /\b(?:I|we|We|me|us|our|Our|my|My)\b/;
const MEETING_EVENT = /^(?:(?:The|This) (?:meeting|session|conversation|discussion) (?:ended|closed|opened|began|adjourned|was (?:closed|opened|adjourned|ended))|(?:Opening|Closing) the (?:meeting|session))\b/;
const REPORTING_VERB = /^(?:,[^,.]{1,80},)?\s+(?:again\s+)?(said|says|stated|states|declared|noted|replied|answered|added|remarked|continued|asked|asks|proposed|suggested|addressed|turned to|took the floor|spoke|objected|agreed|announced|emphasized|stressed|informed|opened|closed|explained|expressed)\b/;
/** Verbs after which the next first-person paragraph is the reported person's own words. */
const SPEECH_VERBS = new Set(['said', 'says', 'stated', 'states', 'declared', 'noted', 'replied', 'answered', 'added', 'remarked', 'continued']);

export type NarrativeCue =
  | { ruleId: 'narrative/meeting-event' }
  | { ruleId: 'narrative/reported-speech'; person?: Person; speechVerb: boolean };

/** Someone not (yet) known, named with a form of address or a rank ("General Marshall"). */
const TITLED_NAME = new RegExp(
  `(?:${HONORIFIC}|\\b(?:${RANKS.join('|')}))\\s+\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*)*`,
  'gu',
);

/** Whether a block reads as the record-taker's narrative, and why. */
export function narrativeCue(text: string, participants: PersonIndex): NarrativeCue | undefined {
  const sentence = firstSentence(text);
  if (!FIRST_PERSON.test(sentence)) {
    const mentions: { end: number; person?: Person }[] = [
      ...participants.findAll(sentence),
      ...[...sentence.matchAll(TITLED_NAME)].map((match) => ({ end: match.index + match[0].length })),
    ].sort((a, b) => a.end - b.end);
    for (const mention of mentions) {
      const verb = sentence.slice(mention.end).match(REPORTING_VERB);
      if (verb) {
        return {
          ruleId: 'narrative/reported-speech',
          ...(mention.person ? { person: mention.person } : {}),
          speechVerb: SPEECH_VERBS.has(verb[1] ?? ''),
        };
      }
    }
  }
  return MEETING_EVENT.test(text) ? { ruleId: 'narrative/meeting-event' } : undefined;
}

export function isFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(firstSentence(text));
}
