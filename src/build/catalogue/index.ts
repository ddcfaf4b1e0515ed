/**
 * The catalogue of a corpus folder (index.html): every built edition in reading order (by date)
 * with its title, date, source, a one-line summary and its participants, links to its HTML, TEI
 * and text editions; filters by year, archive and person with counts, and a full-text search
 * (./search.ts). In the editions' design (xslt/html/edition.css).
 *
 * A corpus of up to PAGE_SIZE editions is one file that loads nothing. A larger one lists its
 * first PAGE_SIZE editions in index.html and the rest in pages of the catalogue folder
 * (catalogue/page-2.html, …) for a reader without JavaScript; the script shows any edition from
 * the data in index.html and loads the search index's parts (catalogue/search-HASH.js) as a
 * query needs them, so that the page opens and answers fast at 10,000 editions (bench/RESULTS.md).
 * Written in one pass over the editions' state records, and only when an edition changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../diagnostics.js';
import { writeFileAtomic, writeFileAtomicWith } from '../../io.js';
import { TEIKIT_VERSION } from '../../version.js';
import { displayPath, removeLeftovers } from '../editions.js';
import { escapeHtml } from '../html.js';
import type { Placed } from '../navigation.js';
import { readState } from '../state.js';
import { catalogueEntry, entryHtml, type CatalogueEntry } from './entry.js';
import { PAGE_SCRIPT } from './script.js';
import { searchTerms, SearchIndexBuilder, type IndexedEdition, type SearchPart } from './search.js';

export const CATALOGUE_FILE = 'index.html';
/** Where a large corpus's catalogue keeps its other pages and its search index. */
export const CATALOGUE_FOLDER = 'catalogue';
/** Editions per page of the list; a corpus of up to this many has a catalogue of one file. */
export const PAGE_SIZE = 200;

export interface CatalogueResult {
  path: string;
  /** Editions listed (those built successfully). */
  editions: number;
  /** False when the catalogue was already up to date, or could not be written (`problem`). */
  written: boolean;
  problem?: Diagnostic;
}

/** JSON inside <script>: "<" escaped so that no "</script>" or "<!--" can end or change the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** The editions' own design, shared with the catalogue (one file: xslt/html/edition.css). */
const DESIGN = readFileSync(fileURLToPath(new URL('../../../xslt/html/edition.css', import.meta.url)), 'utf8');

const STYLE = `${DESIGN}
/* The catalogue. */
.page { max-width: 72rem; }
.lead { color: var(--muted); margin: .25rem 0 1rem; font: .95rem/1.5 var(--sans); }
#search { margin: 0 0 1rem; font-family: var(--sans); }
#search label { display: block; font-weight: 600; margin-bottom: .25rem; }
#search-input { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid #8a8577; border-radius: 3px; background: #fff; color: var(--ink); }
.order { display: flex; align-items: center; gap: .5rem; margin-top: .5rem; font-size: .9rem; }
#search .order label { display: inline; font-weight: normal; margin: 0; }
#search-sort { font: inherit; padding: .2rem .4rem; border: 1px solid #8a8577; border-radius: 3px; background: #fff; color: var(--ink); }
.status { color: var(--muted); font: .9rem var(--sans); min-height: 1.4em; margin: .5rem 0 0; }
#facets { font: .9rem/1.4 var(--sans); }
#facets fieldset { border: 0; border-top: 1px solid var(--rule); padding: .5rem 0; margin: 0; }
#facets legend { font-weight: 600; padding: 0; }
#facets ul { list-style: none; margin: .25rem 0 0; padding: 0; }
#facets li label { display: flex; gap: .4rem; align-items: baseline; padding: .1rem 0; cursor: pointer; }
#facets .count { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; }
#facets details summary { cursor: pointer; color: var(--link); margin-top: .25rem; }
#facets-clear { font: inherit; margin: .5rem 0; background: none; border: 1px solid var(--rule); border-radius: 3px; padding: .2rem .6rem; cursor: pointer; color: var(--ink); }
#editions { list-style: none; padding: 0; margin: 0; }
#editions > li { border-top: 1px solid var(--rule); padding: .85rem 0; content-visibility: auto; contain-intrinsic-size: auto 8rem; }
#editions h2 { font-size: 1.15rem; margin: 0 0 .2rem; border: 0; }
#editions h2 a { text-decoration: none; }
#editions h2 a:hover, #editions h2 a:focus { text-decoration: underline; }
.edition-line { font: .9rem/1.5 var(--sans); color: var(--muted); margin: 0; }
.summary { margin: .3rem 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.participants { font: .9rem/1.5 var(--sans); margin: .2rem 0; }
.participants .label { color: var(--muted); }
.links { font: .85rem var(--sans); margin: .3rem 0 0; }
.links a { margin-right: .9rem; }
.pager { font: .9rem/1.6 var(--sans); border-top: 1px solid var(--rule); padding: .75rem 0; }
.pager ul { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem .6rem; margin: .3rem 0 0; padding: 0; }
.pager [aria-current] { font-weight: 600; }
#show-more { font: .95rem var(--sans); margin: 1rem 0; padding: .4rem .9rem; background: #fff; border: 1px solid #8a8577; border-radius: 3px; cursor: pointer; color: var(--ink); }
@media (min-width: 60rem) {
  .page { display: grid; grid-template-columns: 16rem minmax(0, 1fr); grid-template-areas: "head head" "facets list"; column-gap: 2.5rem; }
  .masthead { grid-area: head; }
  #facets { grid-area: facets; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; }
  main { grid-area: list; }
}
@media print { #search, #facets, #show-more, .pager { display: none; } }
`;

const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** The hash of everything the catalogue shows: written into the page, compared on the next build. */
function catalogueHash(order: readonly Placed[], toolchain: string): string {
  // The page's own style and script count too: a new page design rewrites every catalogue.
  const hash = createHash('sha256').update(toolchain).update(STYLE).update(PAGE_SCRIPT);
  for (const { edition, inputs } of order) hash.update(`${edition.key}\0${inputs}\n`);
  return hash.digest('hex');
}

const HASH_META = 'teikit-catalogue';

function recordedHash(path: string): string | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(2048);
    const length = readSync(descriptor, head, 0, head.length, 0);
    return new RegExp(`<meta name="${HASH_META}" content="([0-9a-f]{64})">`).exec(head.toString('utf8', 0, length))?.[1];
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

type Facet = 'year' | 'archive' | 'person';
const FACETS: readonly Facet[] = ['year', 'archive', 'person'];
const FACET_LABELS: Record<Facet, string> = { year: 'Year', archive: 'Archive', person: 'Person' };
const NOT_STATED = 'Not stated';

function facetValues({ record }: Placed): Record<Facet, string[]> {
  const year = record.date?.match(/^-?\d{4}/)?.[0];
  return { year: [year ?? NOT_STATED], archive: [record.repository ?? NOT_STATED], person: [...new Set(record.participants)] };
}

/** Each facet's values, numbered in the order first met, with their counts. */
class FacetTables {
  readonly values: Record<Facet, Map<string, { number: number; count: number }>> = { year: new Map(), archive: new Map(), person: new Map() };

  /** Count an edition's values; its values' numbers, per facet, in FACETS order. */
  add(values: Record<Facet, string[]>): number[][] {
    return FACETS.map((facet) =>
      values[facet].map((value) => {
        const known = this.values[facet].get(value) ?? { number: this.values[facet].size, count: 0 };
        known.count += 1;
        this.values[facet].set(value, known);
        return known.number;
      }),
    );
  }

  /** The values of each facet by number, for the script. */
  tables(): Record<Facet, string[]> {
    const table = (facet: Facet): string[] => [...this.values[facet].keys()];
    return { year: table('year'), archive: table('archive'), person: table('person') };
  }
}

/** Values shown before a facet's "all" fold; the rest are one click away. */
const FACET_VALUES_SHOWN = 12;

/** A facet as checkboxes with counts: years in order, the others by count (then name). */
function facetHtml(facet: Facet, values: Map<string, { count: number }>): string {
  const counts = [...values].map(([value, { count }]): [string, number] => [value, count]);
  // "Not stated" last whatever its count: it is not a value to choose first.
  const stated = (a: [string, number], b: [string, number]): number => Number(a[0] === NOT_STATED) - Number(b[0] === NOT_STATED);
  const byName = (a: [string, number], b: [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const entries = counts.sort((a, b) => stated(a, b) || (facet === 'year' ? byName(a, b) : b[1] - a[1]) || byName(a, b));
  const item = ([value, count]: [string, number]): string =>
    `<li><label><input type="checkbox" name="${facet}" value="${escapeHtml(value)}"> ${escapeHtml(value)} <span class="count">${count}</span></label></li>`;
  const shown = entries.slice(0, FACET_VALUES_SHOWN).map(item).join('');
  const folded = entries.slice(FACET_VALUES_SHOWN);
  return [
    `<fieldset><legend>${FACET_LABELS[facet]}</legend><ul>${shown}</ul>`,
    folded.length > 0 ? `<details><summary>${folded.length} more</summary><ul>${folded.map(item).join('')}</ul></details>` : '',
    '</fieldset>',
  ].join('');
}

/** What the search indexes of an edition: title, persons, and the words of its header and text. */
function indexed({ record }: Placed, words: string): IndexedEdition {
  const header = [record.archive, record.repository, record.sourceNote, record.dateText, record.date].filter(Boolean).join(' ');
  return {
    title: searchTerms([record.title, record.subtitle].filter(Boolean).join(' ')),
    persons: searchTerms([...record.participants, ...record.translators].join(' ')),
    // The words were cut by searchTerms when the edition was built (src/build/pipeline.ts).
    text: [...searchTerms(header), ...(words ? words.split(' ') : [])],
  };
}

/** A part of the search index as a script that hands it to the page. */
const partScript = (number: number, part: SearchPart): string => `teikitCatalogue.part(${number},${scriptJson(part.terms.join(' '))},${scriptJson(part.postings)});\n`;

const pageName = (page: number): string => `page-${page}.html`;

/** The links to every page of the list (1-based), for a reader without JavaScript. */
function pagerHtml(current: number, pages: number, hrefOf: (page: number) => string): string {
  const items: string[] = [];
  for (let page = 1; page <= pages; page++) {
    items.push(page === current ? `<li><a href="${hrefOf(page)}" aria-current="page">${page}</a></li>` : `<li><a href="${hrefOf(page)}">${page}</a></li>`);
  }
  return `<nav class="pager" id="pager" aria-label="Pages of the list"><p>Page ${current} of ${pages}.</p><ul>${items.join('')}</ul></nav>\n`;
}

const documentHead = (title: string, csp: string, extra = ''): string =>
  [
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    extra,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`,
    `<meta name="generator" content="teikit ${escapeHtml(TEIKIT_VERSION)}">\n`,
    `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<div class="page">\n`,
  ].join('');

/** A page of the list after the first, in the catalogue folder: the list and the pager, no script. */
function listPage(page: number, pages: number, count: number, entries: string[]): string {
  const first = (page - 1) * PAGE_SIZE + 1;
  return [
    documentHead(`Editions ${first}–${first + entries.length - 1} of ${count}`, "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"),
    `<header class="masthead"><h1>Editions</h1><p class="lead">Editions ${first}–${first + entries.length - 1} of ${count}, by date. <a href="../${CATALOGUE_FILE}">Search and filter all editions</a>.</p></header>\n`,
    `<main>\n<ul id="editions">\n${entries.join('')}</ul>\n`,
    pagerHtml(page, pages, (other) => (other === 1 ? `../${CATALOGUE_FILE}` : pageName(other))),
    '</main>\n</div>\n</body>\n</html>\n',
  ].join('');
}

/** Files of the catalogue folder that teikit writes (and so may remove when they are no longer part of it). */
const OWN_FILE = /^(?:page-\d+\.html|search-[0-9a-f]{16}\.js)$/;

/** Remove the catalogue folder's files of an earlier catalogue, and the folder if that empties it. */
function removeStale(folder: string, keep: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  removeLeftovers(folder);
  for (const name of readdirSync(folder)) if (OWN_FILE.test(name) && !keep.has(name)) rmSync(join(folder, name), { force: true });
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Write (or leave as it is) the catalogue of a corpus folder, its editions in reading order (src/build/navigation.ts). */
export function writeCatalogue(root: string, order: readonly Placed[], toolchain: string): CatalogueResult {
  const path = join(root, CATALOGUE_FILE);
  const folder = join(root, CATALOGUE_FOLDER);
  const count = order.length;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const hash = catalogueHash(order, toolchain);
  removeLeftovers(root);
  // An edition in the folder's place: a large catalogue cannot have its folder, a small one leaves it alone.
  const inside = order.find(({ edition }) => edition.directory === folder || edition.directory.startsWith(`${folder}${sep}`));
  if (inside && pages > 1) {
    const reason = `The catalogue of more than ${PAGE_SIZE} editions keeps its pages in the folder ${CATALOGUE_FOLDER}/, which holds an edition (${displayPath(inside.edition.directory)}).`;
    return { path, editions: count, written: false, problem: { file: displayPath(folder), severity: 'error', source: 'teikit:input', ruleId: 'build/catalogue-folder-taken', reason, note: `Rename that edition's folder; the editions are built, the catalogue is not written.` } };
  }
  if (recordedHash(path) === hash && (pages === 1 || existsSync(folder))) return { path, editions: count, written: false };

  // One pass over the state records: facets, search index, entries; the later pages are written as they fill.
  const facets = new FacetTables();
  const editionFacets: number[][][] = [];
  const entries: CatalogueEntry[] = [];
  const index = new SearchIndexBuilder();
  const written = new Set<string>();
  if (pages > 1) mkdirSync(folder, { recursive: true });
  let page: string[] = [];
  order.forEach((placed, position) => {
    editionFacets.push(facets.add(facetValues(placed)));
    index.add(position, indexed(placed, readState(placed.edition.directory)?.words ?? ''));
    const entry = catalogueEntry(placed, root);
    entries.push(entry);
    if (position < PAGE_SIZE) return;
    page.push(entryHtml(entry, position, '../', escapeHtml));
    if (page.length === PAGE_SIZE || position === count - 1) {
      const number = Math.floor(position / PAGE_SIZE) + 1;
      writeFileAtomic(join(folder, pageName(number)), listPage(number, pages, count, page));
      written.add(pageName(number));
      page = [];
    }
  });
  const { starts, parts } = index.index();
  // In a file of its own, a part is named by its content: a browser never mixes an old part with a new page.
  const partFiles = pages > 1
    ? parts.map((part, number) => {
        const script = partScript(number, part);
        const name = `search-${createHash('sha256').update(script).digest('hex').slice(0, 16)}.js`;
        writeFileAtomic(join(folder, name), script);
        written.add(name);
        return `${CATALOGUE_FOLDER}/${name}`;
      })
    : undefined;
  const inlineParts = partFiles ? '' : parts.map((part, number) => partScript(number, part)).join('');
  const byTitle = order.map((_, position) => position).sort((a, b) => {
    const [x, y] = [order[a]!.record.title.toLowerCase(), order[b]!.record.title.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const data = { pageSize: PAGE_SIZE, facets: facets.tables(), editions: editionFacets, byTitle, starts, parts: partFiles ?? parts.map(() => '') };
  // Scripts of the catalogue folder come from the page's own origin ('self', which also matches file://); inline ones by hash.
  const scripts = [scriptHash(PAGE_SCRIPT), ...(inlineParts ? [scriptHash(inlineParts)] : []), ...(partFiles ? ["'self'"] : [])];
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${scripts.join(' ')}; base-uri 'none'; form-action 'none'`;
  const shownFacets = FACETS.filter((facet) => facets.values[facet].size > 0);
  writeFileAtomicWith(path, (write) => {
    write(
      [
        documentHead(`Editions (${count})`, csp, `<meta name="${HASH_META}" content="${hash}">\n`),
        `<header class="masthead"><h1>Editions</h1><p class="lead">${count} ${count === 1 ? 'edition' : 'editions'}, by date: reading editions in HTML, TEI P5 sources and plain-text editions, built by teikit ${escapeHtml(TEIKIT_VERSION)}.</p></header>\n`,
        // Filters and search need the script: without it they stay hidden and the list (in pages) is all there is.
        '<aside id="facets" aria-label="Filter the editions" hidden>',
        ...shownFacets.map((facet) => facetHtml(facet, facets.values[facet])),
        '<button type="button" id="facets-clear">Clear the filters</button></aside>\n',
        '<main>\n<form id="search" role="search" hidden><label for="search-input">Search titles, persons and full text</label>',
        '<input id="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-status">',
        '<p class="order"><label for="search-sort">Order</label><select id="search-sort"><option value="date">by date</option><option value="title">by title</option></select></p>',
        '<p id="search-status" class="status" aria-live="polite"></p></form>\n',
        '<ul id="editions">\n',
      ].join(''),
    );
    entries.slice(0, PAGE_SIZE).forEach((entry, position) => write(entryHtml(entry, position, '', escapeHtml)));
    write('</ul>\n<button type="button" id="show-more" hidden></button>\n');
    if (pages > 1) write(pagerHtml(1, pages, (other) => (other === 1 ? CATALOGUE_FILE : `${CATALOGUE_FOLDER}/${pageName(other)}`)));
    write(`</main>\n</div>\n<script type="application/json" id="catalogue-data">${scriptJson(data)}</script>\n`);
    write(`<script type="application/json" id="catalogue-entries">[`);
    entries.forEach((entry, position) => write(`${position === 0 ? '' : ','}\n${scriptJson(entry)}`));
    write(`\n]</script>\n<script>${PAGE_SCRIPT}</script>\n`);
    if (inlineParts) write(`<script>${inlineParts}</script>\n`);
    write('</body>\n</html>\n');
  });
  if (!inside) removeStale(folder, written);
  return { path, editions: count, written: true };
}
