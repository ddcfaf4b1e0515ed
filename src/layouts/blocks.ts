import type { Block } from '../model.js';
import { alternation, HONORIFICS } from '../conventions/vocabulary.js';

/** A line that separates blocks: empty, or only spaces and no-break spaces (U+00A0). */
const SEPARATOR_LINE = /^[ \t\u00A0]*$/;

/**
 * Split a source into blocks at separator lines. A block keeps its inner line breaks and
 * its exact text; only the separator lines themselves fall between blocks.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let offset = 0;
  const flush = (): void => {
    if (blockStart < 0) return;
    blocks.push({
      number: blocks.length + 1,
      text: text.slice(blockStart, blockEnd),
      start: blockStart,
      end: blockEnd,
    });
    blockStart = -1;
  };
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(offset, lineEnd);
    if (SEPARATOR_LINE.test(line)) {
      flush();
    } else {
      if (blockStart < 0) blockStart = offset;
      blockEnd = lineEnd;
    }
    offset = lineEnd + 1;
  }
  flush();
  return blocks;
}

/**
 * Text with its line breaks folded to spaces, for matching. Each run of white space is matched
 * once (\s+ from its start), so a long run without a line break costs its length;
 * /\s*\n\s*\/ tried it again from every space (20,000 spaces: 0.8 s).
 */
export const foldLines = (text: string): string => text.replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space)).trim();

/** The text of a block with its line breaks folded to spaces, for matching. */
export const flat = (block: Block): string => foldLines(block.text);

/**
 * Where a speaker label that cannot be anything else starts inside running text: after the end
 * of a sentence, a form of address, a capitalised name of up to four words and a colon
 * ("… in Korea. Comrade Mao Zedong: We …").
 */
const CERTAIN_LABEL = new RegExp(`(?<=[.!?]["”’)]?[ \\t]+)(?=(?:${alternation(HONORIFICS)})[ \\t]+\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*){0,3}[ \\t]*:[ \\t])`, 'gu');

/**
 * A flattened text (no line breaks at all) divided into blocks where a certain speaker label
 * starts; every character stays in one of the blocks. Numbers continue from `firstNumber`.
 */
export function splitAtLabels(block: Block, firstNumber: number): Block[] {
  const starts = [0, ...[...block.text.matchAll(CERTAIN_LABEL)].map((match) => match.index)];
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? block.text.length;
    return { number: firstNumber + index, text: block.text.slice(start, end), start: block.start + start, end: block.start + end };
  });
}
