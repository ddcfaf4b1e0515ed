/** Notes listed at the end of a source and the numbers in the text that refer to them. */

/**
 * Where the number of note `n` stands in the text: glued to the word or punctuation before it
 * ("CAT,87 have", "the paper.18") or alone on a line; never inside a number ("150,000").
 */
export function findNoteReference(text: string, n: string): number | undefined {
  const pattern = new RegExp(`(?<=[\\p{L}.,;:!?)\\]”’"'])${n}(?!\\p{N})|(?<=\\n[ \\t\\u00A0]*)${n}(?=[ \\t\\u00A0]*\\n)`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 2), match.index);
    if (/\p{N}[.,]$/u.test(before)) continue;
    return match.index;
  }
  return undefined;
}
