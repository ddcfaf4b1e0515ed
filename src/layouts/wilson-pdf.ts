import type { Block } from '../model.js';
import { parseArchivalCitation } from '../conventions/archival-citation.js';
import { findDate } from '../conventions/dates.js';
import { foldLines, splitAtLabels, splitBlocks } from './blocks.js';
import type { FrontPart, FrontPartType, HeaderFacts, SourceLayout } from './types.js';

/**
 * The export's banner: "Digital Archive", "International History Declassified" and the site's
 * name, in either order, on one or two lines, sometimes after a page number.
 */
const BANNER = /^\s*(?:\d+\s+)?Digital Archive\b(?:[^\n]*\n?){0,2}?[^\n]*?(?:International History Declassified|digitalarchive\.wilsoncenter\.org)(?:\s+(?:International History Declassified|digitalarchive\.wilsoncenter\.org))*/;
/** The export's field headings, in the order the export writes them. */
const FIELD_HEADINGS: { heading: string; type: FrontPartType }[] = [
  { heading: 'Citation:', type: 'citation' },
  { heading: 'Summary:', type: 'summary' },
  { heading: 'Credits:', type: 'credits' },
  { heading: 'Original Language:', type: 'original-language' },
  { heading: 'Contents:', type: 'contents' },
];
/** Fields follow each other closely; the summary, the longest, is a paragraph. */
const MAX_FIELD_DISTANCE = 6000;
/** What the "Contents:" field lists; the document itself starts after the last of them. */
const CONTENTS_ITEM = /^[ \t]*\n?[ \t]*(?:English Translation|English Transcript|Scan of Original Document|Original Document|Original Scan)\b/;

/**
 * How the export sets a block apart: every line indented far (a stamp, a signature, a centred
 * heading), reaching the right margin (right-aligned) or not (centred).
 */
const FAR_INDENT = 30;
const RIGHT_MARGIN = 90;
function alignment(text: string): 'right' | 'center' | undefined {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0 || !lines.every((line) => line.search(/\S/) >= FAR_INDENT)) return undefined;
  return lines.every((line) => line.trimEnd().length >= RIGHT_MARGIN) ? 'right' : 'center';
}

/** The editorialDecl's word on paragraphs made by the converter. */
const FLATTENED_PARAGRAPHING = 'The export has no line or paragraph breaks; its text is divided into paragraphs where a speaker label with a form of address starts ("… Comrade Mao Zedong: …"). This paragraphing is the converter\'s, not the source\'s.';

/** What the export's Citation, Summary, Credits and Original Language fields say. */
function readExportFields(front: readonly FrontPart[]): HeaderFacts {
  const facts: HeaderFacts = { fields: [] };
  for (const part of front) {
    const value = part.block.text.slice(part.valueStart).trim();
    switch (part.type) {
      case 'citation': {
        facts.source = value;
        const translator = value.match(/(?:Translated|[Tt]ranslation) by\s+([^\n]+?)\.?\s*(?:\n|$|(?=\s+https?:))/)?.[1];
        if (translator) facts.translator = foldLines(translator);
        const recordPage = /(https?:\/\/\S+\/(\d+))\s*$/.exec(value);
        if (recordPage) {
          facts.recordUrl = recordPage[1]!;
          facts.recordId = recordPage[2]!;
        }
        const archive = foldLines(value).match(/Digital Archive,\s*(.+?)\.?\s*(?:Translated by|[;,.]\s*[Tt]ranslation by|Reprinted in|https?:|$)/)?.[1];
        const archival = archive ? parseArchivalCitation(archive) : undefined;
        if (archival) facts.archival = archival;
        break;
      }
      case 'summary':
        facts.summary = { text: foldLines(value), block: part.block.number };
        break;
      case 'original-language':
        if (value) facts.originalLanguage = foldLines(value);
        break;
      case 'credits':
        if (value) facts.fields.push({ heading: 'Credits', value: foldLines(value) });
        break;
      default:
        break;
    }
  }
  return facts;
}

/**
 * The Wilson Center Digital Archive PDF export, as text: a banner, the date, a wrapped title,
 * Citation, Summary, Credits, Original Language and Contents fields, then the document with
 * hard-wrapped lines, indented paragraphs and form feeds. Also read when a mirror flattened it
 * to one line: the headings are found by position, not by line.
 */
export const wilsonPdfExport: SourceLayout = {
  name: 'wilson-pdf',
  description: 'Wilson Center Digital Archive PDF export (banner, date, title, Citation, Summary, Original Language, Contents, then the text)',
  headerDecl: 'The PDF export\'s own header (banner, date, title, Citation, Summary, Original Language, Contents) is kept verbatim in the front of the text; the facts read from it (title, date, archival citation, translator, summary, original language) are also in the teiHeader.',

  detect(blocks) {
    // The banner may be missing or reworded; the Citation and Summary fields are the export's own.
    const head = blocks.slice(0, 10).map((block) => block.text).join('\n').slice(0, 8000);
    return /(?:^|\s)Citation:\s/.test(head) && /(?:^|\s)(?:Summary|Original Language|Contents):\s/.test(head);
  },

  read(_blocks, file) {
    const { text } = file;
    const front: FrontPart[] = [];
    let number = 0;
    const part = (type: FrontPartType, start: number, end: number, valueStart = start): void => {
      const from = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
      const to = from + text.slice(from, end).trimEnd().length;
      if (to <= from) return;
      number++;
      front.push({ type, block: { number, text: text.slice(from, to), start: from, end: to }, valueStart: Math.max(0, valueStart - from) });
    };

    const banner = BANNER.exec(text);
    let cursor = 0;
    if (banner) {
      part('banner', 0, banner[0].length);
      cursor = banner[0].length;
    }
    // Field headings, each looked for after the previous one (a flattened export has no lines).
    const headings: { type: FrontPartType; start: number; valueStart: number }[] = [];
    let searchFrom = cursor;
    for (const { heading, type } of FIELD_HEADINGS) {
      const at = text.indexOf(heading, searchFrom);
      // A heading far below the previous one is the document's own text, not the export's field.
      if (at < 0 || at - searchFrom > MAX_FIELD_DISTANCE) continue;
      headings.push({ type, start: at, valueStart: at + heading.length });
      searchFrom = at + heading.length;
    }
    const firstHeading = headings[0]?.start ?? cursor;
    // Between the banner and the first heading: the date, then the (wrapped) title.
    const date = findDate(text.slice(cursor, firstHeading));
    if (date && text.slice(cursor, cursor + date.index).trim() === '') {
      part('date', cursor, cursor + date.index + date.text.length);
      cursor += date.index + date.text.length;
    }
    part('title', cursor, firstHeading);

    let bodyStart = firstHeading;
    headings.forEach((heading, index) => {
      const next = headings[index + 1]?.start;
      // The last field ends with its block when no "Contents:" list closes the header.
      const valueFrom = heading.valueStart + Math.max(0, text.slice(heading.valueStart).search(/\S/));
      const blockEnd = /\n[ \t\u00A0]*\n/.exec(text.slice(valueFrom));
      let end = next ?? (blockEnd ? valueFrom + blockEnd.index : text.length);
      if (heading.type === 'contents') {
        // The listed items end the header; what follows on the same line or block is the text.
        let position = heading.valueStart;
        for (let item = CONTENTS_ITEM.exec(text.slice(position)); item; item = CONTENTS_ITEM.exec(text.slice(position))) {
          position += item[0].length;
        }
        end = position;
      }
      part(heading.type, heading.start, end, heading.valueStart);
      bodyStart = end;
    });

    let content: Block[] = splitBlocks(text.slice(bodyStart)).map((block) => ({
      number: ++number,
      text: block.text,
      start: block.start + bodyStart,
      end: block.end + bodyStart,
    }));
    const flattened = content.length > 0 && !text.trimEnd().includes('\n');
    if (flattened) {
      // No paragraph breaks: the text is divided where a speaker label certainly starts.
      content = content.flatMap((block) => splitAtLabels(block, block.number));
      content.forEach((block, index) => (block.number = (content[0]?.number ?? 0) + index));
      file.report({
        source: 'teikit:layout',
        severity: 'warning',
        ruleId: 'layout/no-paragraph-breaks',
        reason: `The document's text has no line or paragraph breaks (the export was flattened); ${content.length > 1 ? `it is divided into ${content.length} paragraphs where a speaker label with a form of address starts, which is not the source's paragraphing` : 'it is kept whole as one paragraph'}.`,
        place: file.place(content[0]!.start, content[0]!.start),
        note: 'If the original export with its line breaks is available, convert that instead.',
      });
    }
    if (headings.length === 0) {
      file.report({
        source: 'teikit:layout',
        severity: 'warning',
        ruleId: 'layout/no-fields',
        reason: 'The PDF export has none of its Citation, Summary, Original Language or Contents fields.',
      });
    }
    const dateBlock = front.find((candidate) => candidate.type === 'date')?.block;
    const titleBlock = front.find((candidate) => candidate.type === 'title')?.block;
    return {
      layout: this.name,
      headerDecl: this.headerDecl,
      pageArtefacts: [],
      ...(dateBlock ? { dateLine: dateBlock } : {}),
      ...(titleBlock ? { title: titleBlock } : {}),
      content,
      ...(flattened && content.length > 1 ? { paragraphing: FLATTENED_PARAGRAPHING } : {}),
      header: readExportFields(front),
      alignments: new Map(content.flatMap((block) => {
        const align = alignment(block.text);
        return align ? [[block.number, align] as const] : [];
      })),
      front,
      footnotes: [],
    };
  },
};
