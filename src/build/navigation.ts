/**
 * A corpus as a whole: its reading order (by date, then title; undated editions last), which the
 * catalogue lists in, and the bar at the top of every edition's page that leads back to the
 * catalogue and on to the previous and next edition in that order.
 *
 * The bar is written after the editions are built, since an edition's neighbours are known only
 * once every edition's date is. The HTML stylesheet leaves two markers at the top of the page
 * (xslt/html.xsl); only what stands between them is rewritten, and only where it changed, so an
 * edition added to the corpus touches its two neighbours' pages, not their renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../io.js';
import { displayPath, type EditionSource } from './editions.js';
import { escapeHtml, hrefFrom } from './html.js';
import { describeOutput, readState, sha256, writeState, type CatalogueRecord } from './state.js';

export const NAVIGATION_START = '<!--teikit:corpus-->';
export const NAVIGATION_END = '<!--/teikit:corpus-->';

/**
 * A built edition in its corpus: what the bar and the catalogue need of its state record, read
 * once for both (its words, the large part, are read again only when the catalogue is written).
 */
export interface Placed {
  edition: EditionSource;
  record: CatalogueRecord;
  /** The hash of its inputs: the catalogue is written again when one changed. */
  inputs: string;
  /** The names of its output files. */
  outputs: string[];
  /** The hash of the bar last written into its page, if any. */
  navigation?: string;
}

/** Sorts after every ISO date: undated editions come last. */
const UNDATED = '\uffff';

/** The built editions of a corpus (those with a state record) in reading order. */
export function readingOrder(members: readonly EditionSource[]): Placed[] {
  const placed: Placed[] = [];
  for (const edition of members) {
    const state = readState(edition.directory);
    if (!state) continue;
    const { record, inputs, outputs, navigation } = state;
    placed.push({ edition, record, inputs, outputs: Object.keys(outputs), ...(navigation ? { navigation } : {}) });
  }
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return placed.sort((a, b) =>
    compare(a.record.date ?? UNDATED, b.record.date ?? UNDATED) ||
    compare(a.record.title.toLowerCase(), b.record.title.toLowerCase()) ||
    compare(a.edition.key, b.edition.key),
  );
}

const pageOf = (edition: EditionSource): string => join(edition.directory, `${edition.name}.html`);

function neighbourItem(from: EditionSource, neighbour: Placed | undefined, side: 'previous' | 'next'): string {
  if (!neighbour) return '';
  const { title, date, dateText } = neighbour.record;
  const when = dateText ?? date;
  // The visible words stay the link's name (with what a screen reader needs before them).
  const said = `<span class="visually-hidden">${side === 'previous' ? 'Previous' : 'Next'} edition by date: </span>`;
  const text = side === 'previous' ? `<span aria-hidden="true">← </span>${escapeHtml(title)}` : `${escapeHtml(title)}<span aria-hidden="true"> →</span>`;
  const dated = when ? ` title="${escapeHtml(`${title}, ${when}`)}"` : '';
  return `<li class="corpus-${side}"><a href="${hrefFrom(from.directory, pageOf(neighbour.edition))}" rel="${side === 'previous' ? 'prev' : 'next'}"${dated}>${said}${text}</a></li>`;
}

/** The bar of the edition at `position` in `order`. */
export function navigationHtml(root: string, catalogue: string, order: readonly Placed[], position: number): string {
  const { edition } = order[position]!;
  return [
    '<nav class="corpus" aria-label="Corpus"><ul>',
    `<li class="corpus-catalogue"><a href="${hrefFrom(edition.directory, join(root, catalogue))}">All editions</a></li>`,
    neighbourItem(edition, order[position - 1], 'previous'),
    neighbourItem(edition, order[position + 1], 'next'),
    '</ul></nav>',
  ].join('');
}

/** Put each edition's bar into its page where it changed; a page that cannot be rewritten is a problem, the others go on. */
export function linkCorpus(root: string, catalogue: string, order: readonly Placed[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  order.forEach(({ edition, outputs, navigation }, position) => {
    const name = `${edition.name}.html`;
    if (!outputs.includes(name)) return;
    const bar = navigationHtml(root, catalogue, order, position);
    const hash = sha256(bar);
    if (navigation === hash) return;
    const state = readState(edition.directory);
    if (!state) return;
    const path = join(edition.directory, name);
    const page = readFileSync(path, 'utf8');
    const start = page.indexOf(NAVIGATION_START);
    const end = page.indexOf(NAVIGATION_END, start);
    if (start < 0 || end < 0) return;
    const linked = `${page.slice(0, start + NAVIGATION_START.length)}${bar}${page.slice(end)}`;
    try {
      writeFileAtomic(path, linked);
      writeState(edition.directory, { ...state, outputs: { ...state.outputs, [name]: describeOutput(path, linked) }, navigation: hash });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push({ file: displayPath(path), severity: 'error', source: 'teikit:input', ruleId: 'output/unwritable', reason: `The links to the catalogue and the neighbouring editions cannot be written into this page (${code}).` });
    }
  });
  return problems;
}
