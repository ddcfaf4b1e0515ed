/**
 * The translator's square brackets, as data: each convention says which bracket contents it
 * takes, what TEI it becomes, the sentence the edition's <editorialDecl> states for it, and
 * examples that the test suite runs. `[SIC]` → `<sic>` is the `sic-flag` entry below.
 */
import type { SourceFile } from '../diagnostics.js';
import type { Inline } from '../model.js';

export type BracketConventionId =
  | 'hand-insertion'
  | 'page'
  | 'gap'
  | 'translator-note'
  | 'marginal-note'
  | 'signature'
  | 'stamp'
  | 'original-form-sic'
  | 'sic-flag'
  | 'sic-comment'
  | 'uncertain'
  | 'supplied';

export interface BracketConvention {
  id: BracketConventionId;
  /** Matches the text between the brackets; group `text`, when present, is the content kept. */
  pattern: RegExp;
  /** The TEI it becomes, in words. */
  tei: string;
  /** The sentence stated in the edition's editorialDecl. */
  editorialDecl: string;
  /**
   * How the diplomatic text writes the TEI back as the source had it: `%s` stands for the
   * content, `%n` for the element's @n (a page number, a flag as written). The stylesheets
   * use these forms (scripts/generate-diplomatic-xsl.mjs writes them into xslt/common/diplomatic.xsl).
   */
  diplomatic: string;
  /** Source → TEI of the paragraph content; the test suite checks every example. */
  examples: { source: string; tei: string }[];
}

/** In order of precedence: the first whose pattern matches the bracket content wins. */
export const BRACKET_CONVENTIONS: readonly BracketConvention[] = [
  {
    id: 'hand-insertion',
    diplomatic: '[inserted by hand: %s]',
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
    id: 'page',
    diplomatic: '[Page %n]',
    pattern: /^Page\s+(?<text>[\dIVXLC]+)$/i,
    tei: '<pb n="…"/> (also a form feed of a PDF export, as <pb/>)',
    editorialDecl:
      'A page marker "[Page 521]" is encoded as <pb n="521"/> where it stands, also mid-sentence; a form feed of a PDF export is encoded as <pb/>.',
    examples: [{ source: 'training the Chinese military forces in the use of our [Page 521] equipment', tei: 'training the Chinese military forces in the use of our <pb n="521"/> equipment' }],
  },
  {
    id: 'gap',
    diplomatic: '[%s]',
    pattern: /^(?<text>\.{3}|…|(?:(?:one|two|three|four|five|several|a few|\d+)\s+)?(?:words?|lines?|letters?|text)\s+(?:missing|illegible|omitted|not legible)|illegible|not legible|omitted)$/i,
    tei: '<gap reason="omitted" resp="#translator"><desc>…</desc></gap>',
    editorialDecl:
      'The translator\'s marks of text left out or lost ("[...]", "[…]", "[one word missing]", "[illegible]") are encoded as <gap> holding the mark\'s words in <desc>.',
    examples: [{ source: 'the following telegram: [...] Filippov', tei: 'the following telegram: <gap reason="omitted" resp="#translator"><desc>...</desc></gap> Filippov' }],
  },
  {
    id: 'translator-note',
    diplomatic: '[%s]',
    pattern: /^(?<text>Translator['’]s\s+note\b[\s\S]*)$/i,
    tei: '<note type="translator" place="inline" resp="#translator"> holding the note as written',
    editorialDecl: 'A translator\'s note in brackets ("[Translator\'s note: …]") is encoded as <note type="translator" place="inline"> holding its words as written.',
    examples: [{ source: 'restrictions [Translator\'s note: circled in colored pencil]', tei: 'restrictions <note type="translator" place="inline" resp="#translator">Translator\'s note: circled in colored pencil</note>' }],
  },
  {
    id: 'marginal-note',
    diplomatic: '[%s]',
    pattern: /^(?<text>handwritten\b[\s\S]*)$/i,
    tei: '<note type="marginal" place="inline" resp="#translator"> holding the translator\'s description and the handwritten words',
    editorialDecl:
      'The translator\'s reports of handwriting in the margins or across the page ("[handwritten in the left margin: …]") are encoded as <note type="marginal" place="inline"> holding the report as written, the handwritten words included.',
    examples: [
      {
        source: 'a new treaty. [handwritten in the left margin: "Yes!"]',
        tei: 'a new treaty. <note type="marginal" place="inline" resp="#translator">handwritten in the left margin: "Yes!"</note>',
      },
    ],
  },
  {
    id: 'signature',
    diplomatic: '[%s]',
    pattern: /^(?<text>(?:[\p{L}\s]*\s)?signature\b[\s\S]*)$/iu,
    tei: '<note type="signature" place="inline" resp="#translator">',
    editorialDecl: 'The translator\'s descriptions of signatures ("[signature illegible]", "[Chinese signature]") are encoded as <note type="signature" place="inline">.',
    examples: [{ source: '[signature illegible 31/XII]', tei: '<note type="signature" place="inline" resp="#translator">signature illegible 31/XII</note>' }],
  },
  {
    id: 'stamp',
    diplomatic: '[%s]',
    pattern: /^(?<text>(?:Classification\b|[\s\S]*\b[Ss]tamp(?:ed)?\b)[\s\S]*)$/,
    tei: '<note type="stamp" place="inline" resp="#translator">',
    editorialDecl: 'The translator\'s descriptions of stamps and classification marks ("[Classification level blacked out: …]") are encoded as <note type="stamp" place="inline">.',
    examples: [{ source: '[Classification level blacked out: "NOT SECRET" Stamped]', tei: '<note type="stamp" place="inline" resp="#translator">Classification level blacked out: "NOT SECRET" Stamped</note>' }],
  },
  {
    id: 'original-form-sic',
    diplomatic: '[%s - SIC]',
    // The word ends on a non-space, so a run of spaces is not read again from each of its characters.
    pattern: /^(?<text>[^\]]*?[^\]\s])\s+-\s+SIC$/i,
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
    // %n: the flag as written where it is not "SIC" (<sic n="sic">); renderers pass "SIC" otherwise.
    diplomatic: '%s [%n]',
    pattern: /^SIC$/i,
    tei: '<sic> around the word before the bracket',
    editorialDecl:
      'The translator\'s "[SIC]" flags the word immediately before it as reproduced as found; that word is encoded as <sic>, and the flag with the space before it is not repeated in the text (a flag written otherwise, "[sic]", is kept as the <sic>\'s @n).',
    examples: [
      {
        source: 'a member of the bureau [SIC] for several years',
        tei: 'a member of the <sic>bureau</sic> for several years',
      },
      {
        source: 'it would not [sic] be done',
        tei: 'it would <sic n="sic">not</sic> be done',
      },
    ],
  },
  {
    id: 'sic-comment',
    diplomatic: '[%n, %s]',
    pattern: /^SIC,\s*(?<text>[\s\S]+)$/i,
    tei: '<sic xml:id> around the word before the bracket, then <note type="translator" place="inline" target n> with the comment, pointing at the word and keeping the flag as written; a correction in quotes ("probably \\"can\\"") makes it <choice><sic/><corr/></choice>',
    editorialDecl:
      'A "[SIC, …]" flag with a comment marks the word before it as reproduced as found (<sic>) and keeps the comment as a translator\'s <note type="translator" place="inline">; where the comment proposes a reading in quotes, the word and the reading are a <choice> of <sic> and <corr>.',
    examples: [
      {
        source: 'these guidelines [SIC, plural]. This',
        tei: 'these <sic xml:id="sic-1">guidelines</sic> <note type="translator" place="inline" resp="#translator" target="#sic-1" n="SIC">plural</note>. This',
      },
      {
        source: 'we cen [sic, probably "can"] help',
        tei: 'we <choice><sic xml:id="sic-1">cen</sic><corr resp="#translator">can</corr></choice> <note type="translator" place="inline" resp="#translator" target="#sic-1" n="sic">probably "can"</note> help',
      },
    ],
  },
  {
    id: 'uncertain',
    diplomatic: '[%s?]',
    // A letter somewhere before the final '?' (looked for once: [^?]*\p{L}[^?]* tried every split of a long bracket).
    pattern: /^(?<text>(?=[^?]*\p{L})[^?]*)\?$/u,
    tei: '<supplied reason="clarification" resp="#translator" cert="low">',
    editorialDecl:
      'Words the translator supplies with a question mark inside a sentence ("[by?] the Committee") are encoded as <supplied cert="low">: the question mark is the doubt, not text. Where the next word starts a sentence ("weaken [it?] This"), the question mark ends a question and is kept as supplied text.',
    examples: [{ source: 'to be implemented [by?] the Committee', tei: 'to be implemented <supplied reason="clarification" resp="#translator" cert="low">by</supplied> the Committee' }],
  },
  {
    id: 'supplied',
    diplomatic: '[%s]',
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

const NOTE_TYPES = {
  'translator-note': 'translator',
  'marginal-note': 'marginal',
  signature: 'signature',
  stamp: 'stamp',
} as const;

const SUPPLIED = BRACKET_CONVENTIONS.find((convention) => convention.id === 'supplied')!;

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
      // A form feed (a page of a PDF export) is a page break, not a character of the text.
      pending.split('\f').forEach((piece, index) => {
        if (index > 0) nodes.push({ type: 'pb' });
        if (piece) nodes.push({ type: 'text', value: piece });
      });
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
      let { convention, text: kept, textStart } = conventionFor(content);
      // "[it?] This …": the question mark ends a question the translator completed, so the
      // words are supplied as they stand; "[by?] the" is a doubtful reading.
      if (convention.id === 'uncertain' && /^(?:\s+[\p{Lu}"“]|\s*$)/u.test(text.slice(close + 1, to))) {
        ({ convention, text: kept, textStart } = { convention: SUPPLIED, text: content, textStart: 0 });
      }
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
        case 'uncertain':
          flush();
          nodes.push({ type: 'supplied', ...(convention.id === 'uncertain' ? { uncertain: true } : {}), children: children() });
          break;
        case 'page':
          flush();
          nodes.push({ type: 'pb', n: kept });
          break;
        case 'gap':
          flush();
          nodes.push({ type: 'gap', description: kept });
          break;
        case 'translator-note':
        case 'marginal-note':
        case 'signature':
        case 'stamp':
          flush();
          nodes.push({ type: 'note', noteType: NOTE_TYPES[convention.id], children: children() });
          break;
        case 'sic-flag':
        case 'sic-comment': {
          const word = pending.match(/(\S+)\s*$/);
          const previous = nodes.at(-1);
          const comment = convention.id === 'sic-comment' ? kept : undefined;
          const correction = comment?.match(/^(?:probably|perhaps|possibly|should be|read|i\.e\.)\s*["“]([^"”]+)["”]\.?$/i)?.[1];
          const written = content.slice(0, textStart).replace(/[\s,]+$/, '').trim();
          // A plain flag keeps its form where it is not the usual "[SIC]" ("[sic]"), so the diplomatic view gives it back.
          const plainFlag = content.trim();
          const flag = (children: Inline[]): Inline => ({
            type: 'sic',
            children,
            ...(comment !== undefined ? { comment, flag: written } : plainFlag !== 'SIC' ? { flag: plainFlag } : {}),
            ...(correction !== undefined ? { correction } : {}),
          });
          if (word) {
            pending = pending.slice(0, word.index);
            flush();
            nodes.push(flag([{ type: 'text', value: word[1] ?? '' }]));
          } else if (pending.trim() === '' && previous && previous.type !== 'text' && previous.type !== 'sic') {
            // A flag after a bracket flags the bracket ("[we] [SIC]"); not after another flag.
            pending = '';
            nodes.pop();
            nodes.push(flag([previous]));
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
