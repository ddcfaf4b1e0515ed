/**
 * The numbering pass: stable ids and numbers in document order, p1…pN for paragraphs and
 * sp1…spN for speeches, given to the body's drafts (which have none before).
 */
import { paragraphId, speechId } from '../ids.js';
import type { BodyItem, Narrative, Paragraph, Speech } from '../model.js';

export type DraftParagraph = Omit<Paragraph, 'id' | 'n'>;
export type DraftSpeech = Omit<Speech, 'id' | 'n' | 'paragraphs'> & { paragraphs: DraftParagraph[] };
export type DraftBodyItem = Exclude<BodyItem, Narrative | Speech> | (DraftParagraph & { kind: 'p' }) | DraftSpeech;

export function numberBody(drafts: readonly DraftBodyItem[]): BodyItem[] {
  let paragraphs = 0;
  let speeches = 0;
  const number = (draft: DraftParagraph): Paragraph => {
    paragraphs++;
    return { id: paragraphId(paragraphs), n: paragraphs, ...draft };
  };
  return drafts.map((item): BodyItem => {
    if (item.kind === 'p') return { kind: 'p', ...number(item) };
    if (item.kind === 'sp') {
      speeches++;
      const n = speeches;
      return { ...item, id: speechId(n), n, paragraphs: item.paragraphs.map(number) };
    }
    return item;
  });
}
