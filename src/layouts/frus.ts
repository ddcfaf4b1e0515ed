import type { Block } from '../model.js';
import { findDate } from '../conventions/dates.js';
import { furnitureKind } from '../conventions/furniture.js';
import { findNoteReference, findTitleNoteReference } from '../conventions/notes.js';
import { flat, foldLines } from './blocks.js';
import type { Footnote, FrontPart, SourceLayout } from './types.js';

/** "[Document 550]", alone in its block or on the first line of the title's block. */
const DOCUMENT_NUMBER = /^\s*\[Document \d+\][ \t]*(?:\n|$)/;
/** A note at the end: "87. China National Aviation Corporation …". */
const NUMBERED_NOTE = /^\s*(\d{1,3})\.\s+\S/;
const NOTE_NUMBER_ALONE = /^\s*(\d{1,3})\s*$/;
/** The web page's numbered title: "136. Memorandum of Conversation". */
const NUMBERED_TITLE = /^\s*\d{1,4}\.\s+\p{Lu}[^\n]{3,200}$/u;
const PAGE_MARKER = /\[Page \d+\]/;
/** A dateline is short: "[Washington,] May 11, 1949." or "No. 3053 Chungking, October 12, 1944." */
const DATELINE_MAX_LENGTH = 160;
/** Lines a title may have before its dateline: "[Extract]", "[Extracts]8", "No. 45", "Telegram". */
const PREAMBLE = /^[ \t]*(?:\[[^\]\n]{1,40}\]\d{0,3}|No\. \d+[A-Za-z]?|[\p{L} ]{1,30})[ \t]*$/u;
const MAX_PREAMBLE_LINES = 2;
/** "[Received July 4—11:10 a.m.]" after a telegram's dateline. */
const RECEIVED = /^[ \t]*\[Received\b[^\]\n]*\][ \t]*$/;

/**
 * Trailing notes, from the end backwards: "N. text" blocks, or a block "N" then its text. A note
 * is referred to in the text or in the document's own header (the source note glued to the title:
 * "…(Service)14"; "[Extracts]8").
 */
function trailingNotes(blocks: readonly Block[], firstContent: number, fileText: string, front: readonly FrontPart[]): { footnotes: Footnote[]; contentEnd: number } {
  const found: Footnote[] = [];
  let index = blocks.length - 1;
  while (index >= firstContent) {
    const block = blocks[index]!;
    const numbered = NUMBERED_NOTE.exec(block.text);
    if (numbered) {
      found.unshift({ n: numbered[1] ?? '', block });
      index--;
      continue;
    }
    const previous = blocks[index - 1];
    const alone = previous && index - 1 >= firstContent ? NOTE_NUMBER_ALONE.exec(previous.text) : null;
    if (alone && previous) {
      const spanning: Block = { number: previous.number, text: fileText.slice(previous.start, block.end), start: previous.start, end: block.end };
      found.unshift({ n: alone[1] ?? '', block: spanning });
      index -= 2;
      continue;
    }
    break;
  }
  const body = blocks.slice(firstContent, index + 1).map((block) => block.text).join('\n');
  const refersTo = (n: string): boolean =>
    findNoteReference(body, n) !== undefined ||
    front.some((part) => (part.type === 'title' ? findTitleNoteReference(part.block.text, n) : findNoteReference(part.block.text, n)) !== undefined);
  // "72. a “Detention …" is note 72a (FRUS inserts lettered notes) where the text refers to "72a"
  // and not to "72" again.
  for (const [position, note] of found.entries()) {
    const letter = /^\s*\d{1,3}\.\s+([a-z])\s/.exec(note.block.text)?.[1];
    const lettered = `${note.n}${letter ?? ''}`;
    if (letter && refersTo(lettered) && (found[position - 1]?.n === note.n || !refersTo(note.n))) found[position] = { ...note, n: lettered };
  }
  // A numbered list that ends the document is not notes: every note must be referred to.
  let keep = found.length;
  while (keep > 0 && !refersTo(found[found.length - keep]!.n)) keep--;
  const footnotes = found.slice(found.length - keep);
  const contentEnd = footnotes.length > 0 ? blocks.findIndex((block) => block.start >= footnotes[0]!.block.start) : blocks.length;
  return { footnotes, contentEnd: contentEnd < 0 ? blocks.length : contentEnd };
}

/**
 * A document of the Foreign Relations of the United States as text from history.state.gov: a
 * file number, "[Document N]", the title, a dateline, then the text with "[Page N]" markers,
 * and the notes listed at the end.
 */
export const frusDocument: SourceLayout = {
  name: 'frus',
  description: 'FRUS document (file number, [Document N], title, dateline, text with [Page N], notes at the end)',
  headerDecl: 'The FRUS document\'s own header (file number, "[Document N]", title, dateline) is kept verbatim in the front of the text; the title (without the number of a note glued to it) and the date of the dateline are read into the teiHeader, the file number as the source\'s reference; the notes listed at the end are the notes of the back, each anchored where its number stands in the text or the title.',

  detect(blocks) {
    // "[Document N]" near the top; or, in a copy from the web page, the numbered title
    // ("136. Memorandum of Conversation") followed somewhere by FRUS page markers.
    if (blocks.slice(0, 6).some((block) => DOCUMENT_NUMBER.test(block.text))) return true;
    const first = blocks[0]?.text ?? '';
    return NUMBERED_TITLE.test(first) && blocks.some((block) => PAGE_MARKER.test(block.text));
  },

  read(blocks, file) {
    const documentIndex = blocks.findIndex((block) => DOCUMENT_NUMBER.test(block.text));
    const front: FrontPart[] = blocks.slice(0, Math.max(documentIndex, 0)).map((block) => ({ type: 'reference', block, valueStart: 0 }));
    let index = documentIndex + 1;
    let title: Block | undefined;
    const marker = blocks[documentIndex];
    if (marker) {
      const markerLength = DOCUMENT_NUMBER.exec(marker.text)?.[0].trimEnd().length ?? marker.text.length;
      front.push({ type: 'document-number', block: { ...marker, text: marker.text.slice(0, markerLength), end: marker.start + markerLength }, valueStart: 0 });
      // A scrape may run the title on into the marker's block.
      const rest = marker.text.slice(markerLength);
      const restStart = marker.start + markerLength + (rest.length - rest.trimStart().length);
      title = rest.trim() ? { number: marker.number, text: rest.trim(), start: restStart, end: marker.end } : blocks[index++];
    } else {
      // The web page's own form: the numbered title first ("136. Memorandum of Conversation").
      index = 0;
      title = blocks[index++];
    }
    if (title) front.push({ type: 'title', block: title, valueStart: 0 });
    const datelineAt = (at: number) => {
      const block = blocks[at];
      return block && flat(block).length <= DATELINE_MAX_LENGTH ? findDate(flat(block)) : undefined;
    };
    // The dateline follows the title, or a line or two such as "[Extract]" or a despatch's "No. 45".
    let preamble = 0;
    while (preamble < MAX_PREAMBLE_LINES && !datelineAt(index + preamble) && PREAMBLE.test(blocks[index + preamble]?.text ?? '\n')) preamble++;
    const date = datelineAt(index + preamble);
    const dateline = blocks[index + preamble];
    if (dateline && date) {
      for (const block of blocks.slice(index, index + preamble)) {
        front.push({ type: furnitureKind(block.text) === 'classification' ? 'classification' : 'preamble', block, valueStart: 0 });
      }
      front.push({ type: 'dateline', block: dateline, valueStart: 0 });
      index += preamble + 1;
      const received = blocks[index];
      if (received && RECEIVED.test(received.text)) {
        front.push({ type: 'received', block: received, valueStart: 0 });
        index++;
      }
    } else {
      file.report({
        source: 'teikit:layout',
        severity: 'info',
        ruleId: 'layout/no-dateline',
        reason: 'No dateline after the title: the document date is taken from the title or the closing lines, if they have one.',
        ...(dateline ? { place: file.place(dateline.start, dateline.start) } : {}),
      });
    }
    const { footnotes, contentEnd } = trailingNotes(blocks, index, file.text, front);
    // Without a dateline, the title may carry the date, or a letter its closing lines.
    const closing = blocks.slice(Math.max(index, contentEnd - 2), contentEnd).filter((block) => flat(block).length <= DATELINE_MAX_LENGTH * 2);
    const when = date ?? (title ? findDate(flat(title)) : undefined) ?? closing.map((block) => findDate(flat(block))).find(Boolean);
    const fileNumber = front.find((part) => part.type === 'reference');
    return {
      layout: this.name,
      headerDecl: this.headerDecl,
      pageArtefacts: [],
      ...(title ? { title } : {}),
      ...(when ? { documentDate: { text: when.text, when: when.when } } : {}),
      content: blocks.slice(index, contentEnd),
      header: {
        // The file number of the State Department's central files ("893.24/5–1149") and the document's number in its volume.
        ...(fileNumber ? { source: foldLines(fileNumber.block.text.trim()) } : {}),
        // The document's number: "[Document 550]", or the web page's numbered title ("59. Telephone Conversation …").
        ...(marker ? { recordId: marker.text.match(/\d+/)?.[0] ?? '' } : title && NUMBERED_TITLE.test(title.text) ? { recordId: /\d+/.exec(title.text)?.[0] ?? '' } : {}),
        fields: front.filter((part) => part.type === 'classification').map((part) => ({ heading: 'Classification', value: part.block.text.trim() })),
      },
      front,
      footnotes,
    };
  },
};
