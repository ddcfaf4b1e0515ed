/**
 * The catalogue of a corpus folder (index.html): every built edition in reading order (by date)
 * with its title, date, source, a one-line summary and its participants, links to its HTML, TEI
 * and text editions; filters by year, archive and person with counts, and a search over titles,
 * persons and full text (MiniSearch, inlined: the page loads nothing). In the editions' design
 * (xslt/html/edition.css). Written from the editions' state records one edition at a time, so
 * memory holds only each edition's place and facets; rewritten only when an edition changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicWith } from '../io.js';
import { TEIKIT_VERSION } from '../version.js';
import { removeLeftovers, type EditionSource } from './editions.js';
import { escapeHtml, hrefFrom } from './html.js';
import type { Placed } from './navigation.js';
import { readState, type EditionState } from './state.js';

export const CATALOGUE_FILE = 'index.html';

export interface CatalogueResult {
  path: string;
  /** Editions listed (those built successfully). */
  editions: number;
  /** False when the catalogue was already up to date. */
  written: boolean;
}

/** JSON inside <script>: "<" escaped so that no "</script>" or "<!--" can end or change the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/** MiniSearch's browser build, inlined into the page with its licence notice (MIT). */
const MINISEARCH = (() => {
  // The package exports only its modules: find its folder from the CommonJS entry (dist/cjs/index.cjs).
  const folder = join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const code = readFileSync(join(folder, 'dist', 'umd', 'index.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  return `/*! MiniSearch ${version}, Copyright 2022 Luca Ongaro, MIT licence: https://github.com/lucaong/minisearch */\n${code}`;
})();

/** The page's own script: builds the index on first use; filters (search and facets), counts and orders the list. */
const SEARCH_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('search');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var sort = document.getElementById('search-sort');
  var list = document.getElementById('editions');
  var items = Array.prototype.slice.call(list.children);
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#facets input[type=checkbox]'));
  var facets = ['year', 'archive', 'person'];
  var countOf = {};
  boxes.forEach(function (box) { countOf[box.name + '\\u0000' + box.value] = box.parentNode.querySelector('.count'); });
  // Each item's values per facet, from its data attributes (JSON arrays).
  var values = items.map(function (item) {
    var own = {};
    facets.forEach(function (facet) { own[facet] = JSON.parse(item.getAttribute('data-' + facet) || '[]'); });
    return own;
  });
  var index = null;
  function ensureIndex() {
    if (index) return index;
    index = new MiniSearch({
      fields: ['title', 'persons', 'text'],
      idField: 'i',
      // Typos forgiven in longer words only: one edit in a three-letter word matches half the corpus.
      searchOptions: { boost: { title: 3, persons: 2 }, prefix: true, fuzzy: function (term) { return term.length > 4 ? 0.2 : false; }, combineWith: 'AND' }
    });
    index.addAll(JSON.parse(document.getElementById('search-data').textContent));
    return index;
  }
  function chosen() {
    var picked = {};
    facets.forEach(function (facet) { picked[facet] = []; });
    boxes.forEach(function (box) { if (box.checked) picked[box.name].push(box.value); });
    return picked;
  }
  // Within a facet any checked value will do; across facets every facet must hold.
  function passes(position, picked, except) {
    return facets.every(function (facet) {
      if (facet === except || picked[facet].length === 0) return true;
      return values[position][facet].some(function (value) { return picked[facet].indexOf(value) >= 0; });
    });
  }
  // Reading order (by date) is the order the page is written in: by date keeps the position.
  function sortKey(item, position) { return sort.value === 'title' ? item.dataset.title : String(1e9 + position); }
  function update() {
    var query = input.value.trim();
    var picked = chosen();
    var filtered = facets.some(function (facet) { return picked[facet].length > 0; });
    var rank = null;
    if (query) {
      rank = new Map(ensureIndex().search(query).map(function (hit, position) { return [hit.id, position]; }));
    }
    var found = function (position) { return !rank || rank.has(position); };
    var shown = 0;
    var ordered = items.map(function (item, position) { return { item: item, position: position, key: sortKey(item, position) }; })
      .sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
    ordered.forEach(function (entry, place) {
      var visible = found(entry.position) && passes(entry.position, picked);
      entry.item.hidden = !visible;
      entry.item.style.order = String(rank && rank.has(entry.position) ? rank.get(entry.position) : place);
      if (visible) shown += 1;
    });
    // A value's count: the editions it would show, given the search and the other facets (one pass over the editions).
    var counts = {};
    facets.forEach(function (facet) { counts[facet] = new Map(); });
    values.forEach(function (own, position) {
      if (!found(position)) return;
      facets.forEach(function (facet) {
        if (!passes(position, picked, facet)) return;
        own[facet].forEach(function (value) { counts[facet].set(value, (counts[facet].get(value) || 0) + 1); });
      });
    });
    boxes.forEach(function (box) { countOf[box.name + '\\u0000' + box.value].textContent = String(counts[box.name].get(box.value) || 0); });
    var what = query ? (shown === 1 && items.length === 1 ? ' edition matches ' : ' editions match ') + '\\u201c' + query + '\\u201d' + (filtered ? ' and the filters' : '') : filtered ? ' editions shown' : '';
    status.textContent = query || filtered ? shown + ' of ' + items.length + what : '';
  }
  form.hidden = false;
  document.getElementById('facets').hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
  input.addEventListener('input', update);
  sort.addEventListener('change', update);
  boxes.forEach(function (box) { box.addEventListener('change', update); });
  document.getElementById('facets-clear').addEventListener('click', function () { boxes.forEach(function (box) { box.checked = false; }); update(); });
  var address = new URLSearchParams(location.search);
  if (address.get('sort')) sort.value = address.get('sort');
  if (address.get('q')) input.value = address.get('q');
  boxes.forEach(function (box) { if (address.getAll(box.name).indexOf(box.value) >= 0) box.checked = true; });
  update();
})();
`;

/** The editions' own design, shared with the catalogue (one file: xslt/html/edition.css). */
const DESIGN = readFileSync(fileURLToPath(new URL('../../xslt/html/edition.css', import.meta.url)), 'utf8');

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
#editions { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; }
#editions > li { border-top: 1px solid var(--rule); padding: .85rem 0; }
#editions h2 { font-size: 1.15rem; margin: 0 0 .2rem; border: 0; }
#editions h2 a { text-decoration: none; }
#editions h2 a:hover, #editions h2 a:focus { text-decoration: underline; }
.edition-line { font: .9rem/1.5 var(--sans); color: var(--muted); margin: 0; }
.summary { margin: .3rem 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.participants { font: .9rem/1.5 var(--sans); margin: .2rem 0; }
.participants .label { color: var(--muted); }
.links { font: .85rem var(--sans); margin: .3rem 0 0; }
.links a { margin-right: .9rem; }
@media (min-width: 60rem) {
  .page { display: grid; grid-template-columns: 16rem minmax(0, 1fr); grid-template-areas: "head head" "facets list"; column-gap: 2.5rem; }
  .masthead { grid-area: head; }
  #facets { grid-area: facets; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; }
  main { grid-area: list; }
}
@media print { #search, #facets { display: none; } }
`;

const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

interface Listed {
  edition: EditionSource;
  state: EditionState;
}

/** The built editions in reading order, each state read when its turn comes (not all held at once). */
function* listed(order: readonly Placed[]): Generator<Listed> {
  for (const { edition } of order) {
    const state = readState(edition.directory);
    if (state) yield { edition, state };
  }
}

/** The hash of everything the catalogue shows: written into the page, compared on the next build. */
function catalogueHash(order: readonly Placed[], toolchain: string): { hash: string; count: number } {
  // The page's own style and scripts count too: a new page design rewrites every catalogue.
  const hash = createHash('sha256').update(toolchain).update(STYLE).update(SEARCH_SCRIPT).update(MINISEARCH);
  let count = 0;
  for (const { edition, state } of listed(order)) {
    hash.update(`${edition.key}\0${state.inputs}\n`);
    count += 1;
  }
  return { hash: hash.digest('hex'), count };
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

function links({ edition, state }: Listed, root: string): string {
  const teiName = edition.source.kind === 'tei' ? relative(edition.directory, edition.source.path) : `${edition.name}.xml`;
  const available = new Set([...Object.keys(state.outputs), teiName]);
  const entries: [string, string][] = [
    [`${edition.name}.html`, 'Reading edition (HTML)'],
    [teiName, 'TEI'],
    [`${edition.name}.txt`, 'Text'],
    [`${edition.name}.diplomatic.txt`, 'Diplomatic text'],
  ];
  return entries
    .filter(([name]) => available.has(name))
    .map(([name, label]) => `<a href="${hrefFrom(root, join(edition.directory, name))}">${escapeHtml(label)}</a>`)
    .join('');
}

/** What the facets file an edition under. */
interface FacetValues {
  year: string[];
  archive: string[];
  person: string[];
}

const NOT_STATED = 'Not stated';

function facetValues({ record }: EditionState): FacetValues {
  const year = record.date?.match(/^-?\d{4}/)?.[0];
  return { year: year ? [year] : [NOT_STATED], archive: [record.repository ?? NOT_STATED], person: [...new Set(record.participants)] };
}

/** Participants shown in a list entry; the rest are counted ("and 12 more"), and all are searchable. */
const PARTICIPANTS_SHOWN = 8;

function entryHtml(item: Listed, position: number, root: string): string {
  const { record } = item.state;
  const line: string[] = [];
  if (record.dateText || record.date) {
    const shown = escapeHtml(record.dateText ?? record.date!);
    line.push(record.date ? `<time datetime="${escapeHtml(record.date)}">${shown}</time>` : shown);
  }
  const source = record.archive ?? record.sourceNote;
  if (source) line.push(escapeHtml(source));
  if (record.translators.length > 0) line.push(`translated by ${escapeHtml(record.translators.join('; '))}`);
  const headingId = `edition-${position + 1}`;
  const facets = facetValues(item.state);
  const others = record.participants.length - PARTICIPANTS_SHOWN;
  const participants = record.participants.slice(0, PARTICIPANTS_SHOWN).map(escapeHtml).join(', ') + (others > 0 ? ` and ${others} more` : '');
  const summary = record.summary ?? record.subtitle;
  return [
    `<li data-date="${escapeHtml(record.date ?? '')}" data-title="${escapeHtml(record.title.toLowerCase())}"`,
    ` data-year="${escapeHtml(JSON.stringify(facets.year))}" data-archive="${escapeHtml(JSON.stringify(facets.archive))}" data-person="${escapeHtml(JSON.stringify(facets.person))}">`,
    `<article aria-labelledby="${headingId}">`,
    `<h2 id="${headingId}"><a href="${hrefFrom(root, join(item.edition.directory, `${item.edition.name}.html`))}">${escapeHtml(record.title)}</a></h2>`,
    line.length > 0 ? `<p class="edition-line">${line.join(' · ')}</p>` : '',
    summary ? `<p class="summary" title="${escapeHtml(summary)}">${escapeHtml(summary)}</p>` : '',
    record.participants.length > 0 ? `<p class="participants"><span class="label">Participants:</span> ${participants}</p>` : '',
    `<p class="links">${links(item, root)}</p>`,
    '</article></li>\n',
  ].join('');
}

/** What the search indexes of an edition: title, persons, and the words of its text and header. */
function searchDocument({ state }: Listed, position: number): { i: number; title: string; persons: string; text: string } {
  const { record } = state;
  return {
    i: position,
    title: [record.title, record.subtitle].filter(Boolean).join(' — '),
    persons: [...record.participants, ...record.translators].join(', '),
    text: [record.archive, record.repository, record.sourceNote, record.dateText, record.date, state.words].filter(Boolean).join(' '),
  };
}

/** Values shown before a facet's "all" fold; the rest are one click away. */
const FACET_VALUES_SHOWN = 12;

const FACET_LABELS: Record<keyof FacetValues, string> = { year: 'Year', archive: 'Archive', person: 'Person' };

/** A facet as checkboxes with counts: years in order, the others by count (then name). */
function facetHtml(facet: keyof FacetValues, counts: Map<string, number>): string {
  // "Not stated" last whatever its count: it is not a value to choose first.
  const stated = (a: [string, number], b: [string, number]): number => Number(a[0] === NOT_STATED) - Number(b[0] === NOT_STATED);
  const byName = (a: [string, number], b: [string, number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const entries = [...counts].sort((a, b) => stated(a, b) || (facet === 'year' ? 0 : b[1] - a[1]) || byName(a, b));
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

/** Write (or leave as it is) the catalogue of a corpus folder, its editions in reading order (src/build/navigation.ts). */
export function writeCatalogue(root: string, order: readonly Placed[], toolchain: string): CatalogueResult {
  const path = join(root, CATALOGUE_FILE);
  const { hash, count } = catalogueHash(order, toolchain);
  removeLeftovers(root);
  if (recordedHash(path) === hash) return { path, editions: count, written: false };
  const counts: Record<keyof FacetValues, Map<string, number>> = { year: new Map(), archive: new Map(), person: new Map() };
  for (const { state } of listed(order)) {
    const values = facetValues(state);
    for (const facet of Object.keys(counts) as (keyof FacetValues)[]) {
      for (const value of values[facet]) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${scriptHash(MINISEARCH)} ${scriptHash(SEARCH_SCRIPT)}; base-uri 'none'; form-action 'none'`;
  const title = `Editions (${count})`;
  writeFileAtomicWith(path, (write) => {
    write(
      [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        `<meta name="${HASH_META}" content="${hash}">\n`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        `<meta http-equiv="Content-Security-Policy" content="${csp}">\n`,
        `<meta name="generator" content="teikit ${escapeHtml(TEIKIT_VERSION)}">\n`,
        `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<div class="page">\n`,
        `<header class="masthead"><h1>Editions</h1><p class="lead">${count} ${count === 1 ? 'edition' : 'editions'}, by date: reading editions in HTML, TEI P5 sources and plain-text editions, built by teikit ${escapeHtml(TEIKIT_VERSION)}.</p></header>\n`,
        // Filters and search need the script: without it they stay hidden and the list is all there is.
        '<aside id="facets" aria-label="Filter the editions" hidden>',
        ...(Object.keys(counts) as (keyof FacetValues)[]).filter((facet) => counts[facet].size > 0).map((facet) => facetHtml(facet, counts[facet])),
        '<button type="button" id="facets-clear">Clear the filters</button></aside>\n',
        '<main>\n<form id="search" role="search" hidden><label for="search-input">Search titles, persons and full text</label>',
        '<input id="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-status">',
        '<p class="order"><label for="search-sort">Order</label><select id="search-sort"><option value="date">by date</option><option value="title">by title</option></select></p>',
        '<p id="search-status" class="status" aria-live="polite"></p></form>\n',
        '<ul id="editions">\n',
      ].join(''),
    );
    let position = 0;
    for (const item of listed(order)) write(entryHtml(item, position++, root));
    write('</ul>\n</main>\n</div>\n<script type="application/json" id="search-data">[');
    position = 0;
    for (const item of listed(order)) write(`${position === 0 ? '' : ','}\n${scriptJson(searchDocument(item, position++))}`);
    write(`\n]</script>\n<script>${MINISEARCH}</script>\n<script>${SEARCH_SCRIPT}</script>\n</body>\n</html>\n`);
  });
  return { path, editions: count, written: true };
}
