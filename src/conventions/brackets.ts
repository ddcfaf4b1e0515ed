/**
 * The translator's square brackets, as data: each convention says which bracket contents it
 * takes, what TEI it becomes, the sentence the edition's <editorialDecl> states for it, and
 * examples that the test suite runs. `[SIC]` → `<sic>` is the `sic-flag` entry below.
 */
import type { SourceFile } from '../diagnostics.js';
import type { Inline } from '../model.js';

export type BracketConventionId = 'hand-insertion' | 'original-form-sic' | 'sic-flag' | 'supplied';

export interface BracketConvention {
  id: BracketConventionId;
  /** Matches the text between the brackets; group `text`, when present, is the content kept. */
  pattern: RegExp;
  /** The TEI it becomes, in words. */
  tei: string;
  /** The sentence stated in the edition's editorialDecl. */
  editorialDecl: string;
  /** Source → TEI of the paragraph content; the test suite checks every example. */
  examples: { source: string; tei: string }[];
}

/** In order of precedence: the first whose pattern matches the bracket content wins. */
export const BRACKET_CONVENTIONS: readonly BracketConvention[] = [
  {
    id: 'hand-insertion',
    pattern: /^inserted by hand:\s*(?<text>[\s\S]*)$/i,
    tei: '<add hand="#…"> holding the inserted words; the hand is declared in profileDesc/handNotes',
    editorialDecl:
      'The translator\'s "[inserted by hand: …]" marks words written by hand into the original; they are encoded as <add> with @hand pointing to the hand declared in handNotes, and the phrase "inserted by hand" is not repeated in the text.',
    examples: [
      {
        source: 'this would [inserted by hand: not] solve the problem.',
        tei: 'this would <add hand="#hand-insertions">not</add> solve the problem.',
      },
    ],
  },
  {
    id: 'original-form-sic',
    pattern: /^(?<text>[^\]]+?)\s+-\s+SIC$/i,
    tei: '<note type="original-form"> holding <sic> with the original\'s word',
    editorialDecl:
      'The translator\'s "[word - SIC]" reports the form the original itself uses; it is encoded as a translator\'s <note type="original-form"> holding <sic>word</sic>.',
    examples: [
      {
        source: 'the CC Agitprop Department [agitprom - SIC], as',
        tei: 'the CC Agitprop Department <note type="original-form" resp="#translator"><sic>agitprom</sic></note>, as',
      },
    ],
  },
  {
    id: 'sic-flag',
    pattern: /^SIC$/i,
    tei: '<sic> around the word before the bracket',
    editorialDecl:
      'The translator\'s "[SIC]" flags the word immediately before it as reproduced as found; that word is encoded as <sic>, and the flag with the space before it is not repeated in the text.',
    examples: [
      {
        source: 'a member of the bureau [SIC] for several years',
        tei: 'a member of the <sic>bureau</sic> for several years',
      },
    ],
  },
  {
    id: 'supplied',
    pattern: /^(?<text>[\s\S]+)$/,
    tei: '<supplied reason="clarification" resp="#translator">',
    editorialDecl:
      'Any other square brackets in the text are the translator\'s additions for sense (including a letter inside a word, "organization[s]", and a supplied question mark, "[?]"); they are encoded as <supplied reason="clarification"> with @resp pointing to the translator.',
    examples: [
      { source: 'in [their] old posts', tei: 'in <supplied reason="clarification" resp="#translator">their</supplied> old posts' },
      {
        source: 'the Party organization[s] of Pyongyang',
        tei: 'the Party organization<supplied reason="clarification" resp="#translator">s</supplied> of Pyongyang',
      },
      { source: 'his proposal [?] For', tei: 'his proposal <supplied reason="clarification" resp="#translator">?</supplied> For' },
    ],
  },
];

export interface BracketContext {
  file: SourceFile;
  /** xml:id of the hand declared for "[inserted by hand: …]". */
  hand: string;
  /** How often each convention applied (for the report). */
  counts: Map<BracketConventionId, number>;
}

/** Pair every `[` with its `]` in one pass; unmatched ones map to -1. */
function pairBrackets(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (const match of text.matchAll(/[[\]]/g)) {
    if (match[0] === '[') {
      open.push(match.index);
      pairs.set(match.index, -1);
    } else {
      const start = open.pop();
      if (start === undefined) pairs.set(match.index, -1);
      else pairs.set(start, match.index);
    }
  }
  return pairs;
}

function conventionFor(content: string): { convention: BracketConvention; text: string; textStart: number } {
  for (const convention of BRACKET_CONVENTIONS) {
    const match = content.match(convention.pattern);
    if (!match) continue;
    const text = match.groups?.text ?? '';
    return { convention, text, textStart: content.indexOf(text) };
  }
  // The `supplied` pattern matches any non-empty content; callers never pass empty content.
  throw new Error('no bracket convention matched: this is a bug in teikit');
}

/**
 * Read the translator's brackets in a paragraph's text into inline nodes. `offset` is the
 * text's position in the source (for diagnostics). Brackets that follow no convention
 * (unbalanced, nested, empty) stay in the text as written, with a warning.
 */
export function parseBrackets(text: string, offset: number, context: BracketContext): Inline[] {
  const pairs = pairBrackets(text);
  const warn = (ruleId: string, reason: string, start: number, end: number): void => {
    context.file.report({
      source: 'teikit:brackets',
      severity: 'warning',
      ruleId,
      reason,
      place: context.file.place(offset + start, offset + end),
      note: 'The brackets are kept in the text as written; correct the source or check the TEI by hand.',
    });
  };

  const read = (from: number, to: number): Inline[] => {
    const nodes: Inline[] = [];
    let pending = '';
    const flush = (): void => {
      if (pending) nodes.push({ type: 'text', value: pending });
      pending = '';
    };
    let cursor = from;
    const bracket = /[[\]]/g;
    while (cursor < to) {
      bracket.lastIndex = cursor;
      const at = bracket.exec(text)?.index ?? -1;
      if (at < 0 || at >= to) {
        pending += text.slice(cursor, to);
        break;
      }
      pending += text.slice(cursor, at);
      const close = pairs.get(at) ?? -1;
      if (text[at] === ']' || close < 0 || close >= to) {
        warn('brackets/unbalanced', `Unbalanced "${text[at]}" in the text.`, at, at + 1);
        pending += text[at];
        cursor = at + 1;
        continue;
      }
      const content = text.slice(at + 1, close);
      const literal = (): void => {
        pending += text.slice(at, close + 1);
      };
      cursor = close + 1;
      if (content.trim() === '') {
        warn('brackets/empty', 'Empty brackets in the text.', at, close + 1);
        literal();
        continue;
      }
      const { convention, text: kept, textStart } = conventionFor(content);
      if (content.includes('[') && convention.id !== 'hand-insertion') {
        warn('brackets/nested', 'Nested brackets in the text.', at, close + 1);
        literal();
        continue;
      }
      const keptFrom = at + 1 + textStart;
      const children = (): Inline[] => read(keptFrom, keptFrom + kept.length);
      switch (convention.id) {
        case 'hand-insertion':
          flush();
          nodes.push({ type: 'add', hand: context.hand, children: children() });
          break;
        case 'original-form-sic':
          flush();
          nodes.push({ type: 'originalForm', children: children() });
          break;
        case 'supplied':
          flush();
          nodes.push({ type: 'supplied', children: children() });
          break;
        case 'sic-flag': {
          const word = pending.match(/(\S+)\s*$/);
          const previous = nodes.at(-1);
          if (word) {
            pending = pending.slice(0, word.index);
            flush();
            nodes.push({ type: 'sic', children: [{ type: 'text', value: word[1] ?? '' }] });
          } else if (pending.trim() === '' && previous && previous.type !== 'text') {
            pending = '';
            nodes.pop();
            nodes.push({ type: 'sic', children: [previous] });
          } else {
            warn('brackets/sic-without-word', 'A [SIC] flag with no word before it.', at, close + 1);
            literal();
            continue;
          }
          break;
        }
      }
      context.counts.set(convention.id, (context.counts.get(convention.id) ?? 0) + 1);
    }
    flush();
    return nodes;
  };

  return read(0, text.length);
}
