/**
 * Persons: reading the attendance sentence into groups, giving persons stable ids, and
 * finding their names in the text (longest name first, so "Kim Il Sung" is never "Kim Il").
 */
import { groupId, isReservedId } from '../ids.js';
import { isLeaf, type Inline, type Person, type PersonGroup } from '../model.js';
import { firstSentence } from './sentences.js';
import { alternation, HONORIFICS, LIST_HEADINGS, PROSE_STARTS, RANK_ABBREVIATIONS, ROLE_NOUNS, TITLE_WORDS } from './vocabulary.js';

/** A list entry: a name with its titles and a role after a comma. */
const MAX_ENTRY_LENGTH = 200;
/** A person's name in a list has a few words ("Kim Il Sung", "Qiao Xiaoguang"), not a clause. */
const MAX_NAME_WORDS = 6;

/** Forms of address that stand before a name in this genre, as a pattern. */
export const HONORIFIC = `(?:${alternation(HONORIFICS)})`;

/**
 * The sentence that says who was present ("…, were present at the presidium meeting."). The list
 * ends on a non-space, so that inside a run of spaces the search goes on at once (with a list
 * ending anywhere, \s+ read the rest of the run again at every space: 20,000 spaces took 0.5 s).
 */
const ATTENDANCE = /^(?<list>[\s\S]*?\S),?\s+(?:were|was) present\b/;

const slug = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** A valid, unused xml:id derived from a name. */
export function personId(name: string, taken: ReadonlySet<string>): string {
  let base = slug(name) || 'person';
  if (!/^[a-z]/.test(base) || isReservedId(base)) base = `person-${base}`;
  if (!taken.has(base)) return base;
  // Ids are only ever added to `taken`, so the search for "base-N" goes on where it stopped
  // (a list of thousands of one name would otherwise be quadratic).
  const counters = suffixCounters.get(taken) ?? new Map<string, number>();
  suffixCounters.set(taken, counters);
  let counter = counters.get(base) ?? 2;
  while (taken.has(`${base}-${counter}`)) counter++;
  counters.set(base, counter);
  return `${base}-${counter}`;
}
const suffixCounters = new WeakMap<ReadonlySet<string>, Map<string, number>>();

/** "Nie [Rongzhen]" → "Nie Rongzhen": the translator's brackets are not part of the name. */
export const displayName = (written: string): string => written.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();

export interface AttendanceEntry {
  /** The group description as written, when the entry starts a group. */
  groupLabel?: string;
  name?: string;
}

const isDescriptorToken = (token: string): boolean =>
  /^\p{Ll}/u.test(token) || /^\p{Lu}{2,}$/u.test(token) || ROLE_NOUNS.has(token);

/** Split one list item into a group description and a name. */
function readItem(item: string): AttendanceEntry {
  const honorific = item.match(new RegExp(`^(?<label>.*?)\\s*${HONORIFIC}\\s+(?<name>.+)$`));
  if (honorific?.groups) {
    const label = honorific.groups.label?.trim();
    return { ...(label ? { groupLabel: label } : {}), name: honorific.groups.name?.trim() ?? '' };
  }
  const tokens = item.split(/\s+/);
  let lastDescriptor = -1;
  tokens.forEach((token, index) => {
    if (isDescriptorToken(token.replace(/[[\]]/g, ''))) lastDescriptor = index;
  });
  if (lastDescriptor < 0) return { name: item };
  const label = tokens.slice(0, lastDescriptor + 1).join(' ');
  const name = tokens.slice(lastDescriptor + 1).join(' ');
  return { groupLabel: label, ...(name ? { name } : {}) };
}

/**
 * Read an attendance sentence into its entries in order. Returns undefined when the text
 * is not an attendance sentence.
 */
export function readAttendance(text: string): AttendanceEntry[] | undefined {
  const list = text.match(ATTENDANCE)?.groups?.list;
  // A list of names is one sentence: in running prose (a flattened export) "… was present"
  // ends a sentence that began long before, and its capitalised words are not persons.
  if (!list || firstSentence(list) !== list || PROSE_STARTS.has(list.trim().split(/\s+/)[0] ?? '')) return undefined;
  const items = list
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const entries = items.map(readItem);
  if (entries.some((entry) => (entry.name?.split(/\s+/).length ?? 0) > MAX_NAME_WORDS)) return undefined;
  return entries.some((entry) => entry.name) ? entries : undefined;
}

/** Group attendance entries: a group description starts a new group. */
export function groupAttendance(entries: readonly AttendanceEntry[], taken: Set<string>): PersonGroup[] {
  const groups: PersonGroup[] = [];
  let current: PersonGroup | undefined;
  for (const entry of entries) {
    if (entry.groupLabel !== undefined || !current) {
      current = {
        id: groupId(groups.length + 1),
        ...(entry.groupLabel !== undefined ? { label: entry.groupLabel } : {}),
        type: 'attendance',
        persons: [],
      };
      groups.push(current);
    }
    if (!entry.name) continue;
    const name = displayName(entry.name);
    const id = personId(name, taken);
    taken.add(id);
    current.persons.push({
      id,
      name,
      aliases: [],
      variants: [],
      origin: 'attendance',
    });
  }
  return groups.filter((group) => group.persons.length > 0);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The same name with another case after a hyphen ("Chou En-Lai", "Chou En-lai") is one name:
 * the key a form is known by, and the pattern that finds it either way.
 */
const formKey = (form: string): string => form.replace(/-(\p{Lu})/gu, (_, letter: string) => `-${letter.toLowerCase()}`);
const formPattern = (form: string): string =>
  escapeRegExp(form).replace(/-(\p{L})/gu, (_, letter: string) => `-[${letter.toLowerCase()}${letter.toUpperCase()}]`);

export interface NameMatch {
  start: number;
  end: number;
  person: Person;
  /** The form that matched, when it is a spelling variant. */
  variant?: string;
}

/** Finds known persons' names in text; the longest name wins where names overlap. */
export class PersonIndex {
  readonly #byForm = new Map<string, { person: Person; variant: boolean }>();
  readonly #pattern: RegExp | undefined;
  readonly #sticky: RegExp | undefined;

  /** `labels`: also match the forms that name a person only as a speaker label. */
  constructor(persons: readonly Person[], { labels = false } = {}) {
    for (const person of persons) {
      for (const form of [person.name, ...person.aliases, ...(labels ? (person.labels ?? []) : [])]) {
        if (!this.#byForm.has(formKey(form))) this.#byForm.set(formKey(form), { person, variant: false });
      }
      for (const form of person.variants) {
        if (!this.#byForm.has(formKey(form))) this.#byForm.set(formKey(form), { person, variant: true });
      }
    }
    const forms = [...this.#byForm.keys()].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.#pattern = forms.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(formPattern).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu')
      : undefined;
    this.#sticky = this.#pattern ? new RegExp(this.#pattern.source, 'uy') : undefined;
  }

  /** The known name that `text` starts with (longest first), if any. */
  matchAt(text: string, index: number): NameMatch | undefined {
    if (!this.#sticky) return undefined;
    this.#sticky.lastIndex = index;
    const match = this.#sticky.exec(text);
    return match ? this.#toMatch(match) : undefined;
  }

  findAll(text: string): NameMatch[] {
    if (!this.#pattern) return [];
    return [...text.matchAll(this.#pattern)].map((match) => this.#toMatch(match));
  }

  #toMatch(match: RegExpExecArray | RegExpMatchArray): NameMatch {
    const entry = this.#byForm.get(formKey(match[0]))!;
    const start = match.index ?? 0;
    return {
      start,
      end: start + match[0].length,
      person: entry.person,
      ...(entry.variant ? { variant: match[0] } : {}),
    };
  }
}

/** Text content of inline nodes, as a reader sees it (brackets removed). */
function plain(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : isLeaf(node) ? '' : plain(node.children))).join('');
}

/**
 * Wrap mentions of known persons in `persName` nodes. A name may cross node boundaries
 * ("Nie [Rongzhen]") as long as it does not cut into a bracketed node; names inside a
 * bracketed node ("[inserted by hand: Li Lisan]") are found inside it. The translator's
 * notes on original forms are left alone.
 */
export function markMentions(nodes: readonly Inline[], index: PersonIndex, onVariant?: (match: NameMatch) => void): Inline[] {
  const spans: { start: number; end: number; node: Inline }[] = [];
  let length = 0;
  for (const node of nodes) {
    const size = node.type === 'text' ? node.value.length : isLeaf(node) ? 0 : plain(node.children).length;
    spans.push({ start: length, end: length + size, node });
    length += size;
  }
  const bracketed = spans.filter((span) => span.node.type !== 'text');
  // Spans are sorted and disjoint: binary search for the bracketed span holding `point`.
  const bracketAt = (point: number): { start: number; end: number } | undefined => {
    let low = 0;
    let high = bracketed.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const span = bracketed[middle]!;
      if (point < span.start) high = middle - 1;
      else if (point >= span.end) low = middle + 1;
      else return span;
    }
    return undefined;
  };
  const cutsIntoBracket = (point: number): boolean => (bracketAt(point)?.start ?? point) < point;
  // A name wholly inside one bracketed node is marked inside it, when recursing below.
  const insideOneBracket = (match: NameMatch): boolean => {
    const span = bracketAt(match.start);
    return span !== undefined && match.end <= span.end;
  };
  const matches = index
    .findAll(plain(nodes))
    .filter((match) => !insideOneBracket(match) && !cutsIntoBracket(match.start) && !cutsIntoBracket(match.end));
  if (matches.length === 0 && nodes.every((node) => node.type === 'text')) return [...nodes];

  // Cut text nodes at match boundaries, so that every match covers whole pieces.
  const cuts = matches.flatMap((match) => [match.start, match.end]);
  const pieces: { start: number; end: number; node: Inline }[] = [];
  let cutIndex = 0;
  for (const span of spans) {
    while (cutIndex < cuts.length && cuts[cutIndex]! <= span.start) cutIndex++;
    if (span.node.type !== 'text') {
      pieces.push(span);
      continue;
    }
    const value = span.node.value;
    let from = span.start;
    while (from < span.end) {
      const cut = cutIndex < cuts.length && cuts[cutIndex]! < span.end ? cuts[cutIndex++]! : span.end;
      if (cut > from) pieces.push({ start: from, end: cut, node: { type: 'text', value: value.slice(from - span.start, cut - span.start) } });
      from = cut;
    }
  }

  const result: Inline[] = [];
  let matchIndex = 0;
  for (let pieceIndex = 0; pieceIndex < pieces.length; ) {
    const piece = pieces[pieceIndex]!;
    const match = matches[matchIndex];
    if (match && piece.start === match.start) {
      const children: Inline[] = [];
      while (pieceIndex < pieces.length && pieces[pieceIndex]!.end <= match.end) children.push(pieces[pieceIndex++]!.node);
      if (match.variant) onVariant?.(match);
      result.push({ type: 'persName', ref: match.person.id, children });
      matchIndex++;
      continue;
    }
    const node = piece.node;
    result.push(
      isLeaf(node) || node.type === 'originalForm' || node.type === 'persName'
        ? node
        : { ...node, children: markMentions(node.children, index, onVariant) },
    );
    pieceIndex++;
  }
  return result;
}

/** Headings of participant lists ("Participants:", "Present:", "Also present:", "Recorder:"), also alone on a line ("PRESENT"). */
const LIST_HEADING = new RegExp(`^[ \\t]*(${alternation(LIST_HEADINGS)})[ \\t]*:[ \\t]*|^[ \\t]*(Participants|Present|Also present)[ \\t]*$`, 'i');
/** A bullet before a list entry, as web pages and exports write lists. */
const BULLET = /^[ \t]*[•·◦▪\-–*][ \t]+/;
/** An entry of a list is a name: a few capitalised words, not a sentence. */
const NAME_ENTRY = /^[\p{Lu}[][\p{L}.'’\-\][ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:,[^,\n]{0,80})?$/u;

export interface ListedPerson {
  /** The entry as written ("Maj. Gen. Claire Lee Chennault"). */
  written: string;
  /** The name without titles ("Claire Lee Chennault"). */
  name: string;
  /** What follows a comma ("Assistant Secretary of State"). */
  role?: string;
}

export interface ParticipantList {
  /** Numbers of the blocks the list takes (heading and entries). */
  blocks: number[];
  groups: { label: string; persons: ListedPerson[] }[];
}

/** A name without the titles and ranks before it ("Gen. Marshall" → "Marshall"). */
export function withoutTitles(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  let first = 0;
  while (first < words.length - 1 && TITLE_WORDS.has(words[first] ?? '')) first++;
  return words.slice(first).join(' ');
}

/** Edit distance of two short strings (names), for spelling variants. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function readEntry(entry: string): ListedPerson | undefined {
  // "Mr. Zarechnak (Interp.)": the parenthesis is a role, like what follows a comma.
  const parenthesis = /\s*\(([^()]+)\)/.exec(entry);
  const written = parenthesis ? entry.replace(parenthesis[0], '') : entry;
  // A list's sentence period after the last entry ("Mr. Service.") is not part of the name (an initial's is).
  let [namePart = '', ...roleParts] = written.replace(/(\p{L}{3,})\.\s*$/u, '$1').split(',');
  // The office first, then the person: "The Minister of Foreign Affairs, Dr. Quo Tai-chi".
  const person = roleParts.findIndex((part) => new RegExp(`^\\s*${HONORIFIC}\\s+\\p{Lu}`, 'u').test(part));
  if (/^\s*The\s/.test(namePart) && person >= 0) [namePart, roleParts] = [roleParts[person] ?? '', [namePart, ...roleParts.filter((_, index) => index !== person)]];
  const name = displayName(withoutTitles(namePart.trim()));
  if (!name || !/^\p{Lu}/u.test(name) || namePart.trim().split(/\s+/).length > 8) return undefined;
  const role = [parenthesis?.[1], roleParts.join(',').trim()].filter(Boolean).join(', ');
  return { written: displayName(namePart), name, ...(role ? { role } : {}) };
}

/** Where the next entry of a list run together on one line starts: at its form of address ("… USSR Delegation Mr. Troyanowsky, …"). */
// (?<!\s): tried once per run of spaces, at its start (from every space, a long run was quadratic).
const ENTRY_START = new RegExp(`(?<!\\s)\\s+(?=(?:${alternation([...HONORIFICS, ...RANK_ABBREVIATIONS])})\\s+\\p{Lu})`, 'u');

/**
 * The entries of one line of a list ("Minister T. V. Soong and Maj. Gen. Patrick Hurley"), or of
 * a list run together on one line, each entry opened by its form of address ("Mr. Yakov Malik,
 * USSR Delegation Mr. Troyanowsky, USSR Delegation Mr. Dean Rusk, Assistant Secretary of State").
 */
function readLine(line: string): ListedPerson[] | undefined {
  const read = (items: readonly string[]): ListedPerson[] | undefined => {
    const entries: ListedPerson[] = [];
    for (const item of items) {
      // A name entry is short; the length check first keeps the pattern off long lines of prose.
      const entry = item.length <= MAX_ENTRY_LENGTH && NAME_ENTRY.test(item) ? readEntry(item) : undefined;
      if (!entry) return undefined;
      entries.push(entry);
    }
    return entries;
  };
  // Split at the separators, then trim: a pattern taking the spaces around them (\s*;\s*) read a
  // long run of spaces again from every space.
  const items = line.split(/;|(?<=\s)and(?=\s)/).map((item) => item.trim()).filter(Boolean);
  return read(items) ?? read(items.flatMap((item) => item.split(ENTRY_START)).filter(Boolean));
}

/**
 * Read the participant lists of a document: "Participants:" (or "Present:", "Also present:",
 * "Others present:", "Recorder:") and the names after it, on the same line, on the following
 * lines of the block, or, when the heading stands alone, in the short name-only blocks after it.
 * A block is taken only when every line of it reads as a heading or a name.
 */
export function readParticipantLists(blocks: readonly { number: number; text: string }[]): ParticipantList | undefined {
  const list: ParticipantList = { blocks: [], groups: [] };
  let open: { label: string; persons: ListedPerson[] } | undefined;
  let previous: number | undefined;
  for (const block of blocks) {
    const rawLines = block.text.split('\n').filter((line) => line.trim());
    const lines = rawLines.map((line) => line.replace(BULLET, '').trim());
    const bulleted = rawLines.every((line) => BULLET.test(line));
    const startsList = LIST_HEADING.test(block.text);
    const nameOnly = lines.length === 1 && !/[.:;!?]$/.test(lines[0] ?? '') && (lines[0] ?? '').split(/\s+/).length <= 6;
    const continuing = open !== undefined && previous !== undefined && list.blocks.at(-1) === previous && (nameOnly || bulleted);
    if (!startsList && !continuing) {
      open = undefined;
      previous = block.number;
      continue;
    }
    // Read the whole block first: it is taken only if every line reads.
    const groups: { label: string; persons: ListedPerson[] }[] = [];
    const additions: ListedPerson[] = [];
    let current = open;
    let readable = true;
    lines.forEach((line, index) => {
      if (!readable) return;
      const heading = LIST_HEADING.exec(line);
      const indent = (rawLines[index] ?? '').search(/\S/);
      const nextIndent = (rawLines[index + 1] ?? '').search(/\S/);
      if (heading || (bulleted && nextIndent > indent)) {
        // A heading, or an entry with entries indented under it ("U.S." over its delegation).
        current = { label: heading ? (heading[1] ?? heading[2] ?? '') : line, persons: [] };
        groups.push(current);
        if (!heading) return;
      }
      const rest = heading ? line.slice(heading[0].length) : line;
      const entries = rest ? readLine(rest) : [];
      if (!entries || !current) {
        readable = false;
        return;
      }
      if (current === open) additions.push(...entries);
      else current.persons.push(...entries);
    });
    if (readable) {
      open?.persons.push(...additions);
      list.groups.push(...groups);
      list.blocks.push(block.number);
      open = current;
    } else {
      open = undefined;
    }
    previous = block.number;
  }
  list.groups = list.groups.filter((group) => group.persons.length > 0);
  return list.groups.length > 0 ? list : undefined;
}

/** A legend of speaker abbreviations: "G—General Chang". */
const LEGEND = /^[ \t]*(\p{Lu}{1,3})[ \t]*[—–-][ \t]*(\p{Lu}[^\n]{1,60}?)[ \t]*$/u;

export function readLegend(text: string): { label: string; target: string } | undefined {
  const match = LEGEND.exec(text);
  return match ? { label: match[1] ?? '', target: displayName(match[2] ?? '') } : undefined;
}

/**
 * Persons of participant lists, one group per heading. Besides the name, a person is found in
 * the text by the form written in the list, by the surname (last word), and by a title with
 * the first or last word ("General Chang"): each only when no other person has it.
 */
export function listedGroups(lists: ParticipantList, taken: Set<string>, groupsBefore: number): PersonGroup[] {
  const groups: PersonGroup[] = lists.groups.map((group, index) => ({
    id: groupId(groupsBefore + index + 1),
    label: group.label,
    type: 'attendance',
    persons: group.persons.map((entry) => {
      const id = personId(entry.name, taken);
      taken.add(id);
      return { id, name: entry.name, aliases: [], variants: [], origin: 'attendance', ...(entry.role ? { role: entry.role } : {}) };
    }),
  }));
  const entries = lists.groups.flatMap((group) => group.persons);
  const persons = groups.flatMap((group) => group.persons);
  const candidates = persons.map((person, index) => {
    const written = entries[index]?.written ?? person.name;
    const words = person.name.split(/\s+/).filter((word) => !word.endsWith('.'));
    const titles = written.slice(0, Math.max(0, written.length - person.name.length)).trim().split(/\s+/).filter((word) => word && !word.endsWith('.'));
    const title = titles.at(-1);
    return [
      written,
      ...(words.length > 1 ? [words.at(-1) ?? ''] : []),
      ...(title ? [`${title} ${words[0] ?? ''}`, `${title} ${words.at(-1) ?? ''}`] : []),
    ].filter((form) => form && form !== person.name);
  });
  const owners = new Map<string, number>();
  for (const forms of candidates) for (const form of new Set(forms)) owners.set(form, (owners.get(form) ?? 0) + 1);
  const names = new Set(persons.map((person) => person.name));
  persons.forEach((person, index) => {
    person.aliases = [...new Set(candidates[index] ?? [])].filter((form) => owners.get(form) === 1 && !names.has(form));
  });
  return groups;
}
