/**
 * Speaker labels and the cues of narrative: what the attribution rules (edition/attribution.ts)
 * read in a block.
 */
import { HONORIFIC, type PersonIndex } from './persons.js';
import { firstSentence } from './sentences.js';
import { alternation, ANSWER_LABELS, NOT_NAME_WORDS, QUESTION_LABELS, RANK_ABBREVIATIONS, RANKS, ROLE_NOUNS, TITLE_QUALIFIERS, TITLE_WORDS } from './vocabulary.js';
import type { Person } from '../model.js';

export type AttributionRuleId =
  | 'manifest/override'
  | 'summary/last-before-metadata'
  | 'attendance/were-present'
  | 'attendance/list'
  | 'attendance/legend'
  | 'page/marker'
  | 'page/furniture'
  | 'page/omission'
  | 'letter/salute'
  | 'letter/salute-run-in'
  | 'letter/closer'
  | 'letter/signed'
  | 'letter/enclosure'
  | 'header/subject'
  | 'label/inline'
  | 'label/alone'
  | 'narrative/signature'
  | 'narrative/dateline'
  | 'narrative/reported-speech'
  | 'narrative/meeting-event'
  | 'speech/first-person-after-report'
  | 'speech/continuation'
  | 'narrative/default';

export interface SpeakerLabel {
  /** The label exactly as written, including its final period or colon. */
  label: string;
  /** The name as written in the label. */
  name: string;
  person?: Person;
  /** Offset in the block's text where the label starts (after indentation and page markers before it). */
  start: number;
  /** Offset in the block's text where the speech starts (text.length for a label alone). */
  speechStart: number;
  alone: boolean;
}

const HONORIFIC_AT = new RegExp(`${HONORIFIC}\\s+`, 'uy');
/** Titles before a name, an office's "of …" included ("Gen.", "Maj. Gen.", "Secretary of State", "Minister of Foreign Affairs"). */
const TITLES_AT = new RegExp(`(?:(?:${alternation([...TITLE_WORDS])})(?:[ \\t]+of(?:[ \\t]+the)?(?:[ \\t]+\\p{Lu}\\p{L}+){1,3})?\\s+)+`, 'uy');
/** "Q." / "A." / "Question:" / "Answer:" / "1. Query:" opening a block. */
const QUESTION_ANSWER = new RegExp(`^[ \\t]*(?:\\d{1,3}\\.[ \\t]+)?(${alternation([...QUESTION_LABELS, ...ANSWER_LABELS])})[ \\t]*[.:][ \\t]+\\S`, 'u');

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
  const asks = [...questionAnswer].some((name) => (QUESTION_LABELS as readonly string[]).includes(name));
  const answers = [...questionAnswer].some((name) => (ANSWER_LABELS as readonly string[]).includes(name));
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
// A note's number may be glued to a label's colon ("S:61 I will interpret …"): the number starts the speech.
const TERMINATOR = /[ \t]*([.:])(?:\s+|$|(?<=:)(?=\d{1,3}[a-z]?\s))/y;
const ONLY_SPACE = /\s*$/y;

function stickyMatch(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

const NUMBER_PREFIX = /\d{1,3}\.[ \t]+/y;
const PAGE_PREFIX = /(?:\[Page\s+[\dIVXLC]+\][ \t]*\n?[ \t]*)+/y;

/** The longer of a name in capitals ("LBJ", "MAO ZEDONG") and one in capitalised words ("CIA Director Helms") at a point. */
function longestName(text: string, index: number): string | undefined {
  const capitals = stickyMatch(CAPITALS_NAME, text, index)?.[0];
  const words = stickyMatch(UNKNOWN_NAME, text, index)?.[0];
  if (capitals === undefined) return words;
  return words !== undefined && words.length > capitals.length ? words : capitals;
}

/** Read the speaker label a block starts with, if it has one. */
export function readSpeakerLabel(text: string, persons: PersonIndex, recurring: ReadonlySet<string> = new Set()): SpeakerLabel | undefined {
  // Indentation before a label (hard-wrapped exports indent paragraphs) is not part of it, nor
  // is a page marker ("[Page 120] LBJ: …"), which the edition places before the speech.
  const indented = text.length - text.trimStart().length;
  const labelStart = indented + (stickyMatch(PAGE_PREFIX, text, indented)?.[0].length ?? 0);
  let position = labelStart;
  // A number before a question-and-answer label ("1. Query:") belongs to the label.
  const numbered = stickyMatch(NUMBER_PREFIX, text, position);
  if (numbered && recurring.has(stickyMatch(UNKNOWN_NAME, text, position + numbered[0].length)?.[0] ?? '')) position += numbered[0].length;
  const honorific = stickyMatch(HONORIFIC_AT, text, position);
  position += honorific ? honorific[0].length : 0;
  // A rank or title before a name ("Gen. Chennault:", "Ambassador Ivanov.", "Secretary Rusk:") belongs to the label, not to the name.
  const rank = stickyMatch(TITLES_AT, text, position);
  const ranked = rank ? persons.matchAt(text, position + rank[0].length) : undefined;
  const rankedUnknown = rank && !ranked ? longestName(text, position + rank[0].length) : undefined;
  if (rank && (ranked || rankedUnknown)) position += rank[0].length;
  const titled = rank !== null && (ranked !== undefined || rankedUnknown !== undefined);
  const known = ranked ?? persons.matchAt(text, position);
  let nameEnd: number;
  if (known) {
    nameEnd = known.end;
  } else {
    const unknown = rankedUnknown ?? longestName(text, position);
    if (!unknown || unknown.split(/\s+/).some((word) => NOT_NAME_WORDS.has(word))) return undefined;
    nameEnd = position + unknown.length;
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
    // A rank or title before a name set off by a colon ("Gen. Marshall:").
    (titled && terminator === ':') ||
    new RegExp(`^${CAPITALS_NAME.source}$`, 'u').test(name) ||
    // In a dialogue (some label recurs), a one-word "Name:" opening a block is a label too.
    (terminator === ':' && (name.trim().split(/\s+/).length >= 2 || recurring.size > 0)) ||
    // A recurring label is one whatever ends it ("Q." and "A." of a question-and-answer record).
    recurring.has(name.trim());
  const person = known?.person;

  if (stickyMatch(ONLY_SPACE, text, position)) {
    if (!known && !honorific) return undefined;
    return { label: text.slice(labelStart, position).trimEnd(), name, ...(person ? { person } : {}), start: labelStart, speechStart: text.length, alone: true };
  }
  const terminator = stickyMatch(TERMINATOR, text, position);
  if (!terminator) return undefined;
  // "Cde. X agreed." is a sentence; a label with words after the name ends in a colon.
  if (terminator[1] === '.' && suffix) return undefined;
  // Words after an office ("The Ambassador inquired as to: …") make a sentence; after a name they
  // may be part of the label ("Nam Il continued:").
  if (!known && suffix && /^The\s/.test(name)) return undefined;
  if (!known && !unknownAllowed(terminator[1])) return undefined;
  const labelEnd = position + terminator[0].indexOf(terminator[1] ?? '') + 1;
  // A label alone in its block with its colon or period ("Cde. Mikoyan:") opens a speech that the next blocks hold.
  if (stickyMatch(ONLY_SPACE, text, labelEnd)) {
    if (!known && !honorific) return undefined;
    return { label: text.slice(labelStart, labelEnd), name, ...(person ? { person } : {}), start: labelStart, speechStart: text.length, alone: true };
  }
  return {
    label: text.slice(labelStart, labelEnd),
    name,
    ...(person ? { person } : {}),
    start: labelStart,
    speechStart: position + terminator[0].length,
    alone: false,
  };
}

const FIRST_PERSON = /\b(?:I|we|We|me|us|our|Our|my|My)\b/;
const MEETING_EVENT = /^(?:(?:The|This) (?:meeting|session|conversation|discussion) (?:ended|closed|opened|began|adjourned|was (?:closed|opened|adjourned|ended))|(?:Opening|Closing) the (?:meeting|session))\b/;
const REPORTING_VERB = /^(?:,[^,.]{1,80},)?\s+(?:(?:again|then|also|further|later|next|finally)\s+)?(said|referred to|reported|mentioned|inquired|observed|commented|pointed out|indicated|urged|insisted|repeated|says|stated|states|declared|noted|replied|answered|added|remarked|continued|asked|asks|proposed|suggested|addressed|turned to|took the floor|spoke|objected|agreed|announced|emphasized|stressed|informed|opened|closed|explained|expressed)\b/;
/** Verbs after which the next first-person paragraph is the reported person's own words. */
const SPEECH_VERBS = new Set(['said', 'says', 'stated', 'states', 'declared', 'noted', 'replied', 'answered', 'added', 'remarked', 'continued']);

export type NarrativeCue =
  | { ruleId: 'narrative/meeting-event' }
  | { ruleId: 'narrative/reported-speech'; person?: Person; speechVerb: boolean };

/**
 * Someone not (yet) known, named with a form of address or a rank ("General Marshall", "Maj. Gen.
 * Chennault", "Dr. Tong"), or an office with "the" ("The Ambassador", "the Foreign Minister").
 */
const TITLED_NAME = new RegExp(
  `(?:(?:${HONORIFIC}|(?:${alternation(RANK_ABBREVIATIONS)})|\\b(?:${alternation(RANKS)}))\\s+)+\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*)*` +
    `|\\b[Tt]he (?:(?:${alternation(TITLE_QUALIFIERS)}) )?(?:${alternation([...ROLE_NOUNS])})\\b`,
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
