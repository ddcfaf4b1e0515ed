/**
 * Page furniture of scanned and OCR'd documents: lines the page carries that are not the
 * document's text (a release stamp, a classification, a page number). As data, like the other
 * conventions: each kind has its pattern, its TEI (`<fw type>`), the editorialDecl sentence and
 * examples that the tests run.
 */
import type { Furniture, PageBreak } from '../model.js';

export interface FurnitureConvention {
  type: Furniture['kind'];
  /** A whole line of this kind (trimmed). */
  pattern: RegExp;
  examples: { furniture: string[]; not: string[] };
}

export const FURNITURE_CONVENTIONS: readonly FurnitureConvention[] = [
  {
    type: 'release',
    // The stamp carries the date of release: "Approved for Release: 2019/04/02 C02002001".
    pattern: /^(?:(?:Declassified|Sanitized(?: Copy)?)(?: and)? )?Approved for (?:Public )?Release\s*:?\s*\d{4}\/\d{1,2}\/\d{1,2}\b[^\n]{0,60}$/i,
    examples: { furniture: ['Approved for Release: 2019/04/02 C02002001', 'Declassified and Approved For Release 2013/01/07 : CIA-RDP80-00001R000100010001-1'], not: ['Approved for release by the Secretary, the plan went ahead.'] },
  },
  {
    type: 'classification',
    pattern: /^(?:(?:TOP[ -])?SECRET|Top Secret|Secret|CONFIDENTIAL|Confidential|RESTRICTED|UNCLASSIFIED|LIMITED OFFICIAL USE|Limited Official Use|EYES ONLY|Eyes Only|NOFORN|NODIS|EXDIS|LIMDIS|LIMITED DISTRIBUTION(?: ONLY)?|[Ll]imited [Dd]istribution(?: [Oo]nly)?)(?:\s*(?:\/\/|\/|-|–)\s*(?:NOFORN|NODIS|EXDIS|LIMDIS|ORCON|EYES ONLY|SENSITIVE))*\.?$/,
    examples: { furniture: ['TOP SECRET', 'Top Secret', 'SECRET//NOFORN', 'limited distribution only', 'CONFIDENTIAL'], not: ['Secret talks began.', 'TOP SECRET MEMORANDUM OF CONVERSATION'] },
  },
  {
    type: 'pageNum',
    pattern: /^(?:[-–—]\s*\d{1,4}\s*[-–—]|Page \d{1,4}(?: of \d{1,4})?)$/,
    examples: { furniture: ['- 2 -', '– 14 –', 'Page 3 of 7'], not: ['2', 'Page 3 shows the map.'] },
  },
];

export const FURNITURE_DECLARATION =
  'Lines that a scanned page carries beside the document\'s text — a release stamp ("Approved for Release: …"), a classification ("TOP SECRET", "limited distribution only"), a page number ("- 2 -") — standing alone in a block are page furniture: <fw type="release|classification|pageNum">, verbatim, never a speaker label or a paragraph.';

/** The kind of page furniture a line is, if it is one. */
export function furnitureKind(line: string): Furniture['kind'] | undefined {
  const trimmed = line.trim();
  return FURNITURE_CONVENTIONS.find((convention) => convention.pattern.test(trimmed))?.type;
}

/**
 * A block whose every line is page furniture, as furniture nodes (one per line, after a page
 * break for each form feed of a PDF export before it); otherwise undefined.
 */
export function readFurniture(text: string): (Furniture | PageBreak)[] | undefined {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0) return undefined;
  const nodes: (Furniture | PageBreak)[] = [];
  for (const line of lines) {
    const kind = furnitureKind(line);
    if (!kind) return undefined;
    nodes.push(...Array.from(line.matchAll(/\f/g), (): PageBreak => ({ type: 'pb' })));
    nodes.push({ type: 'fw', kind, text: line.trim() });
  }
  return nodes;
}
