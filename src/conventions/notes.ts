/** Notes listed at the end of a source and the numbers in the text that refer to them. */

/**
 * Where the number of note `n` stands in the text: glued to the word or punctuation before it
 * ("CAT,87 have", "the paper.18") or alone on a line; never inside a number ("150,000").
 */
export function findNoteReference(text: string, n: string): number | undefined {
  // A digit or a lower-case letter after it makes another number ("150", "72a", "1st"); after
  // digits only where they are the year of a date ("July 28, 194899": note 99).
  const pattern = new RegExp(`(?<=[\\p{L}.,;:!?)\\]”’"']|\\p{Lu}\\p{Ll}{2,8}\\.? \\d{1,2}, (?:1[5-9]|20)\\d\\d)${n}(?![\\p{N}\\p{Ll}])|(?<=\\n[ \\t\\u00A0]*)${n}(?=[ \\t\\u00A0]*\\n)`, 'gu');
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 2), match.index);
    if (/\p{N}[.,]$/u.test(before)) continue;
    return match.index;
  }
  return undefined;
}

/**
 * Where the number of note `n` ends a title: glued ("…(Service)14", "…Korea1") or, in a scrape,
 * after a space ("…Ballantine 72"); the source note of a FRUS document stands there.
 */
export function findTitleNoteReference(title: string, n: string): number | undefined {
  const text = title.trimEnd();
  if (!text.endsWith(n)) return undefined;
  const at = text.length - n.length;
  const glued = findNoteReference(text, n);
  if (glued === at) return at;
  return /\S\s$/u.test(text.slice(0, at)) && !/\p{N}/u.test(text.charAt(at - 2)) ? at : undefined;
}
