/** Sentences of running prose, as the conventions need them. */
import { ABBREVIATIONS, alternation } from './vocabulary.js';

const ABBREVIATION_BEFORE_STOP = new RegExp(`(?:\\b(?:${alternation(ABBREVIATIONS)})|\\b\\p{Lu})$`, 'u');

/** The first sentence of a text (abbreviations such as "Cde." do not end it). */
export function firstSentence(text: string): string {
  for (const match of text.matchAll(/[.!?](?=\s+[\p{Lu}[\d"“]|\s*$)/gu)) {
    if (!ABBREVIATION_BEFORE_STOP.test(text.slice(0, match.index))) return text.slice(0, match.index + 1);
  }
  return text;
}
