/**
 * The catalogue's full-text search: an inverted index made at build time and split into parts,
 * so that a page for 10,000 editions loads only the part a query's words fall in.
 *
 * The functions marked "page" run in the browser too: the catalogue's script is built from their
 * source text (Function.prototype.toString), so the words the build indexes and the words a
 * query is cut into come from one tokenizer, and the engine is tested here in Node. They must
 * therefore use nothing but their parameters, each other and the language's built-ins.
 *
 * Index format. Each edition is a position (its place in the reading order). A term's postings
 * list, for every edition it occurs in, the gap to the previous position and which fields hold
 * it (title 4, persons 2, text 1), as one number `(gap - 1) * 8 + fields`, written in base-64
 * digits of 5 bits each plus a continuation bit: a term in consecutive editions costs one
 * character per edition. The sorted terms are cut into parts of about equal size; a query term
 * loads the parts holding the terms that begin with its first two characters, where its
 * prefixes and the typos the search forgives are.
 */

/** Page. The search terms of a text: accents folded, lower case, cut at spaces, punctuation, symbols and controls. */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[\s\p{Z}\p{P}\p{S}\p{C}]+/u)
    .filter((term) => term.length > 0);
}

/**
 * Page. The parts a query term needs, given the first term of each part (the parts divide the
 * sorted terms into runs): every part holding a term that begins with its first two characters
 * (where its prefixes and typos are), or for a one-letter term the part it would be in.
 */
export function partsFor(term: string, starts: readonly string[]): number[] {
  const partOf = (key: string): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= key) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const head = term.slice(0, 2);
  const first = partOf(term.length < 2 ? term : head);
  const last = term.length < 2 ? first : partOf(head + '\uffff');
  const needed: number[] = [];
  for (let part = first; part <= last; part++) needed.push(part);
  return needed;
}

/** Page. The digits of the postings, base64url's alphabet: safe in JSON, in a script and in a file name. */
export function postingDigits(): string {
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
}

/** Page. A postings string back to its editions: [position, fields, position, fields, …]. */
export function decodePostings(postings: string): number[] {
  const valueOf = new Int8Array(128);
  const digits = postingDigits();
  for (let digit = 0; digit < digits.length; digit++) valueOf[digits.charCodeAt(digit)] = digit;
  const decoded: number[] = [];
  let position = -1;
  let value = 0;
  let shift = 0;
  for (let index = 0; index < postings.length; index++) {
    const digit = valueOf[postings.charCodeAt(index)]!;
    value += (digit & 31) * 2 ** shift;
    if (digit >= 32) {
      shift += 5;
      continue;
    }
    position += Math.floor(value / 8) + 1;
    decoded.push(position, value % 8);
    value = 0;
    shift = 0;
  }
  return decoded;
}

/** Page. Whether two terms are at most `limit` single-character edits apart (Levenshtein, banded). */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

/** A part of the index as the page holds it: terms in order, and each term's postings. */
export interface SearchPart {
  terms: string[];
  postings: string[];
}

/**
 * Page. The terms of a part a query term matches, with how well: itself (1), a term it begins
 * (0.5, from two characters on), a term within a typo (0.3: one edit from five characters, two
 * from eight, sharing the first two characters; not for a term with a digit).
 */
export function termMatches(part: SearchPart, term: string): [number, number][] {
  const terms = part.terms;
  const firstFrom = (prefix: string): number => {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const matches: [number, number][] = [];
  const start = firstFrom(term);
  if (term.length < 2) {
    if (terms[start] === term) matches.push([start, 1]);
  } else {
    for (let index = start; index < terms.length && terms[index]!.startsWith(term); index++) matches.push([index, terms[index]!.length === term.length ? 1 : 0.5]);
  }
  // Typos are forgiven in words, not in numbers: 1956 is not 1957.
  if (term.length >= 5 && !/\d/.test(term)) {
    const limit = term.length >= 8 ? 2 : 1;
    const head = term.slice(0, 2);
    for (let index = firstFrom(head); index < terms.length && terms[index]!.startsWith(head); index++) {
      if (!terms[index]!.startsWith(term) && withinEdits(terms[index]!, term, limit)) matches.push([index, 0.3]);
    }
  }
  return matches;
}

/**
 * Page. The editions every query term matches (in some field, exactly, as a prefix or within a
 * typo), each with a score: per term its best match, weighted by field (title 3, persons 2,
 * text 1) and by rarity (idf), summed over the terms. `partsOf` gives a term's loaded parts.
 */
export function rankEditions(terms: readonly string[], partsOf: (term: string) => SearchPart[], editions: number): Map<number, number> {
  let scores: Map<number, number> | undefined;
  for (const term of terms) {
    const termScores = new Map<number, number>();
    for (const part of partsOf(term)) for (const [index, quality] of termMatches(part, term)) {
      const postings = decodePostings(part.postings[index]!);
      const rarity = Math.log(1 + editions / (postings.length / 2));
      for (let at = 0; at < postings.length; at += 2) {
        const fields = postings[at + 1]!;
        const weight = (fields & 4 ? 3 : 0) + (fields & 2 ? 2 : 0) + (fields & 1 ? 1 : 0);
        const score = quality * rarity * weight;
        if (score > (termScores.get(postings[at]!) ?? 0)) termScores.set(postings[at]!, score);
      }
    }
    if (!scores) {
      scores = termScores;
      continue;
    }
    const both = new Map<number, number>();
    for (const [position, score] of scores) {
      const more = termScores.get(position);
      if (more !== undefined) both.set(position, score + more);
    }
    scores = both;
  }
  return scores ?? new Map();
}

/** The search terms of an edition, by field (each from searchTerms). */
export interface IndexedEdition {
  title: readonly string[];
  persons: readonly string[];
  text: readonly string[];
}

const FIELD_BITS: Record<keyof IndexedEdition, number> = { title: 4, persons: 2, text: 1 };

/** A term's postings while the index is built: the digits (0–63) so far, and the last position. */
interface Postings {
  term: string;
  digits: Uint8Array;
  length: number;
  last: number;
  /** The fields it is in at the edition being added. */
  fields: number;
}

/** Characters a part aims at: a query loads the one or two parts its words fall in. */
export const PART_TARGET = 64 * 1024;

/** The index in parts, each a run of the sorted terms; `starts` holds each part's first term ("" for the first). */
export interface SearchIndex {
  starts: string[];
  parts: SearchPart[];
}

/** Builds the index one edition at a time, in reading order; memory holds the compact postings only. */
export class SearchIndexBuilder {
  readonly #postings = new Map<string, Postings>();

  /** Index the edition at `position`; positions must come in increasing order. */
  add(position: number, edition: IndexedEdition): void {
    const touched: Postings[] = [];
    for (const field of Object.keys(FIELD_BITS) as (keyof IndexedEdition)[]) {
      const bit = FIELD_BITS[field];
      for (const term of edition[field]) {
        let postings = this.#postings.get(term);
        if (!postings) {
          postings = { term, digits: new Uint8Array(4), length: 0, last: -1, fields: 0 };
          this.#postings.set(term, postings);
        }
        if (postings.fields === 0) touched.push(postings);
        postings.fields |= bit;
      }
    }
    for (const postings of touched) {
      let value = (position - postings.last - 1) * 8 + postings.fields;
      postings.last = position;
      postings.fields = 0;
      // At most 7 digits for any position a corpus can have; grow before writing them.
      if (postings.length + 7 > postings.digits.length) {
        const grown = new Uint8Array(postings.digits.length * 2 + 7);
        grown.set(postings.digits);
        postings.digits = grown;
      }
      while (value >= 32) {
        postings.digits[postings.length++] = 32 + (value % 32);
        value = Math.floor(value / 32);
      }
      postings.digits[postings.length++] = value;
    }
  }

  /** The index in runs of sorted terms of about PART_TARGET characters each. */
  index(): SearchIndex {
    const codes = Buffer.from(postingDigits(), 'latin1');
    const all = [...this.#postings.values()].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    if (all.length === 0) return { starts: [''], parts: [{ terms: [], postings: [] }] };
    const index: SearchIndex = { starts: [], parts: [] };
    let size = PART_TARGET;
    for (const postings of all) {
      if (size >= PART_TARGET) {
        index.starts.push(index.parts.length === 0 ? '' : postings.term);
        index.parts.push({ terms: [], postings: [] });
        size = 0;
      }
      const encoded = Buffer.allocUnsafe(postings.length);
      for (let at = 0; at < postings.length; at++) encoded[at] = codes[postings.digits[at]!]!;
      index.parts.at(-1)!.terms.push(postings.term);
      index.parts.at(-1)!.postings.push(encoded.toString('latin1'));
      size += postings.term.length + postings.length + 4;
    }
    return index;
  }
}

/** The source of the page functions above, for the catalogue's script. */
export const SEARCH_ENGINE_SOURCE = [searchTerms, partsFor, postingDigits, decodePostings, withinEdits, termMatches, rankEditions].map(String).join('\n');
