/**
 * Persons: reading the attendance sentence into groups, giving persons stable ids, and
 * finding their names in the text (longest name first, so "Kim Il Sung" is never "Kim Il").
 */
import { groupId, isReservedId } from '../ids.js';
import type { Inline, Person, PersonGroup } from '../model.js';

/** Forms of address that stand before a name in this genre. */
export const HONORIFIC = String.raw`(?:Cdes?\.|Comrades?|Mr\.|Mrs\.|Ms\.|Messrs\.|Dr\.)`;
/** Ranks and offices that stand right before a name ("General Marshall", "Ambassador Ivanov"). */
export const RANKS = [
  'General', 'Colonel', 'Marshal', 'Admiral', 'Ambassador', 'President', 'Premier', 'Chairman',
  'Minister', 'Secretary', 'Generalissimo',
] as const;
/** Nouns that end a role description before a name ("Soviet Ambassador to the DPRK Ivanov"). */
const ROLE_NOUNS: ReadonlySet<string> = new Set([...RANKS, 'Consul', 'Counsellor', 'Counselor', 'Attaché', 'Attache', 'Deputy']);

/** The sentence that says who was present ("…, were present at the presidium meeting."). */
const ATTENDANCE = /^(?<list>[\s\S]+?),?\s+(?:were|was) present\b/;

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
  let id = base;
  for (let counter = 2; taken.has(id); counter++) id = `${base}-${counter}`;
  return id;
}

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
  if (!list) return undefined;
  const items = list
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((item) => item.trim())
    .filter(Boolean);
  const entries = items.map(readItem);
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

  constructor(persons: readonly Person[]) {
    for (const person of persons) {
      for (const form of [person.name, ...person.aliases]) {
        if (!this.#byForm.has(form)) this.#byForm.set(form, { person, variant: false });
      }
      for (const form of person.variants) {
        if (!this.#byForm.has(form)) this.#byForm.set(form, { person, variant: true });
      }
    }
    const forms = [...this.#byForm.keys()].filter(Boolean).sort((a, b) => b.length - a.length || a.localeCompare(b));
    this.#pattern = forms.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu')
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
    const entry = this.#byForm.get(match[0])!;
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
  return nodes.map((node) => (node.type === 'text' ? node.value : plain(node.children))).join('');
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
    const size = node.type === 'text' ? node.value.length : plain(node.children).length;
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
      node.type === 'text' || node.type === 'originalForm' || node.type === 'persName'
        ? node
        : { ...node, children: markMentions(node.children, index, onVariant) },
    );
    pieceIndex++;
  }
  return result;
}
