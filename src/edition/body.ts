/**
 * The body pass: blocks with their attribution → the body's items (paragraphs, speeches,
 * letters, enclosures, page breaks, page furniture) with their inline content (brackets, note
 * references, person mentions), and the notes listed at the end.
 */
import type { SourceFile } from '../diagnostics.js';
import { EDITION_IDS, footnoteId } from '../ids.js';
import { findNoteReference } from '../conventions/notes.js';
import { parseBrackets, type BracketContext, type BracketConventionId } from '../conventions/brackets.js';
import { readFurniture } from '../conventions/furniture.js';
import { markMentions, type NameMatch } from '../conventions/persons.js';
import type { SourceRecord } from '../layouts/index.js';
import type { Edition, Footnote, Furniture, Inline, PageBreak } from '../model.js';
import { ENCLOSURE, type Decision } from './attribution.js';
import type { FrontNoteReference, SourceFootnote } from './header.js';
import type { DraftBodyItem, DraftParagraph, DraftSpeech } from './numbering.js';
import type { PersonRegistry } from './persons.js';

export interface BodyResult {
  body: DraftBodyItem[];
  footnotes: Footnote[];
  /** How often each bracket convention applied. */
  bracketCounts: Map<BracketConventionId, number>;
}

/** `edition`: its abstract is the archive's summary where a block is (or the layout read one), with its mentions marked. */
export function buildBody(decisions: readonly Decision[], record: SourceRecord, registry: PersonRegistry, frontNotes: readonly FrontNoteReference[], edition: Edition, file: SourceFile): BodyResult {
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

  const body: DraftBodyItem[] = [];
  let open: DraftSpeech | undefined;
  const openedBy = new Map<DraftSpeech, Decision>();
  // Page breaks go at the end of the paragraph before them (the same point of the text) while
  // it is the last thing written; otherwise they wait, and open the next paragraph of the same
  // speech, or stand on their own before the next speech, division or close.
  let lastParagraph: DraftParagraph | undefined;
  let waiting: (PageBreak | Furniture)[] = [];
  const standAlone = (): void => {
    for (const node of waiting) body.push(node.type === 'pb' ? { kind: 'pb', ...(node.n !== undefined ? { n: node.n } : {}) } : { kind: 'fw', furniture: node });
    waiting = [];
  };
  // A salutation run on into the paragraph ("Sir: With reference …") stays at its head.
  const salutation = (decision: Decision): Inline[] => {
    if (decision.ruleId !== 'letter/salute-run-in') return [];
    const saluteStart = decision.source.text.length - decision.source.text.trimStart().length;
    const saluteEnd = saluteStart + (decision.salute ?? '').length;
    return [{ type: 'salute', children: inline({ ...decision, textStart: saluteStart }, true, saluteEnd) }];
  };
  const paragraph = (decision: Decision): DraftParagraph => {
    lastParagraph = {
      block: decision.block,
      content: [...waiting, ...salutation(decision), ...inline(decision, true)],
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
        if (decision.ruleId === 'letter/salute') {
          // A salutation alone in its block ("Dear Comrade Ivanov:") opens the letter and no more.
          boundary();
          body.push({ kind: 'opener', salute: decision.salute ?? '' });
          open = undefined;
          break;
        }
        if (decision.ruleId === 'letter/salute-run-in') {
          boundary();
          body.push({ kind: 'opener' });
        }
        body.push({ kind: 'p', ...paragraph(decision) });
        open = undefined;
        break;
      case 'omission':
        boundary();
        body.push({ kind: 'gap', mark: decision.source.text.trim() });
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
  const drafts = body.map((item): DraftBodyItem => {
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
  const footnotes = record.footnotes.map((footnote) => ({
    id: footnoteId(footnote.n),
    n: footnote.n,
    content: markMentions(parseBrackets(footnote.block.text, footnote.block.start, bracketContext), index) }));
  if (edition.abstract && record.header.summary) {
    edition.abstract.content = markMentions(edition.abstract.content, index);
  }
  return { body: drafts, footnotes, bracketCounts: bracketContext.counts };
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
