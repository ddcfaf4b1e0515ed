/**
 * The catalogue of a corpus folder (index.html): every built edition with its title, date,
 * archive, translators and participants, links to its HTML, TEI and text editions, and a
 * search over titles, persons and full text (MiniSearch, inlined: the page loads nothing).
 * Written from the editions' state records in two streaming passes, so memory does not grow
 * with the corpus; rewritten only when an edition changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomicWith } from '../io.js';
import { TEIKIT_VERSION } from '../version.js';
import { removeLeftovers, type EditionSource } from './editions.js';
import { readState, type EditionState } from './state.js';

export const CATALOGUE_FILE = 'index.html';

export interface CatalogueResult {
  path: string;
  /** Editions listed (those built successfully). */
  editions: number;
  /** False when the catalogue was already up to date. */
  written: boolean;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/** JSON inside <script>: "<" escaped so that no "</script>" or "<!--" can end or change the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

const hrefOf = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** MiniSearch's browser build, inlined into the page with its licence notice (MIT). */
const MINISEARCH = (() => {
  // The package exports only its modules: find its folder from the CommonJS entry (dist/cjs/index.cjs).
  const folder = join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', '..');
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string };
  const code = readFileSync(join(folder, 'dist', 'umd', 'index.js'), 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
  return `/*! MiniSearch ${version}, Copyright 2022 Luca Ongaro, MIT licence: https://github.com/lucaong/minisearch */\n${code}`;
})();

/** The page's own script: builds the index on first use, filters and orders the list. */
const SEARCH_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('search');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('editions');
  var items = Array.prototype.slice.call(list.children);
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
  var sort = document.getElementById('search-sort');
  // Editions without a date go last when sorting by date ("~" sorts after every ISO date).
  function sortKey(item) { return sort.value === 'date' ? (item.dataset.date || '~') : sort.value === 'title' ? item.dataset.title : ''; }
  function update() {
    var query = input.value.trim();
    if (!query) {
      var ordered = items.slice().sort(function (a, b) { var x = sortKey(a), y = sortKey(b); return x < y ? -1 : x > y ? 1 : 0; });
      ordered.forEach(function (item, position) { item.hidden = false; item.style.order = String(position); });
      status.textContent = '';
      return;
    }
    var hits = ensureIndex().search(query);
    var rank = new Map(hits.map(function (hit, position) { return [hit.id, position]; }));
    items.forEach(function (item, position) {
      var found = rank.has(position);
      item.hidden = !found;
      item.style.order = found ? String(rank.get(position)) : '';
    });
    status.textContent = hits.length + ' of ' + items.length + (items.length === 1 ? ' edition matches ' : ' editions match ') + '\\u201c' + query + '\\u201d';
  }
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
  input.addEventListener('input', update);
  sort.addEventListener('change', update);
  var address = new URLSearchParams(location.search);
  if (address.get('sort')) sort.value = address.get('sort');
  if (address.get('q')) input.value = address.get('q');
  if (address.get('q') || address.get('sort')) update();
})();
`;

const STYLE = `
:root { color-scheme: light dark; --accent: #1f5f8b; --muted: #5c6670; }
body { font: 1rem/1.5 Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
header h1 { margin-bottom: 0.25rem; }
.lead, .facts dt, .status { color: var(--muted); }
#search { margin: 1.25rem 0; }
#search label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
#search-input { font: inherit; width: 100%; max-width: 36rem; padding: 0.4rem 0.6rem; box-sizing: border-box; }
#search-sort { font: inherit; margin-top: 0.25rem; }
#search label[for="search-sort"] { margin-top: 0.5rem; font-weight: normal; }
#editions { list-style: none; padding: 0; display: flex; flex-direction: column; gap: 1rem; }
#editions > li { border-top: 1px solid #c8ced4; padding-top: 0.75rem; }
#editions h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.subtitle { margin: 0 0 0.5rem; font-style: italic; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0.25rem 0; }
.facts dd { margin: 0; }
.summary { margin: 0.5rem 0; }
.links a { margin-right: 0.75rem; }
a { color: var(--accent); }
@media (prefers-color-scheme: dark) { :root { --accent: #8cc4ee; --muted: #a9b3bc; } body { background: #15191d; color: #e6e9ec; } }
@media print { #search { display: none; } }
`;

const scriptHash = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

interface Listed {
  edition: EditionSource;
  state: EditionState;
}

/** The editions that have a state record, i.e. were built successfully, in corpus order. */
function* listed(members: readonly EditionSource[]): Generator<Listed> {
  for (const edition of members) {
    const state = readState(edition.directory);
    if (state) yield { edition, state };
  }
}

/** The hash of everything the catalogue shows: written into the page, compared on the next build. */
function catalogueHash(members: readonly EditionSource[], toolchain: string): { hash: string; count: number } {
  // The page's own style and scripts count too: a new page design rewrites every catalogue.
  const hash = createHash('sha256').update(toolchain).update(STYLE).update(SEARCH_SCRIPT).update(MINISEARCH);
  let count = 0;
  for (const { edition, state } of listed(members)) {
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

/** The link from the catalogue (in root) to a file of an edition's folder. */
function hrefIn(root: string, edition: EditionSource, name: string): string {
  return hrefOf(relative(root, join(edition.directory, name)).split('\\').join('/'));
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
    .map(([name, label]) => `<a href="${hrefIn(root, edition, name)}">${escapeHtml(label)}</a>`)
    .join('');
}

function entryHtml(item: Listed, position: number, root: string): string {
  const { record } = item.state;
  const facts: [string, string][] = [];
  if (record.dateText || record.date) {
    const shown = escapeHtml(record.dateText ?? record.date!);
    facts.push(['Date', record.date ? `<time datetime="${escapeHtml(record.date)}">${shown}</time>` : shown]);
  }
  if (record.archive) facts.push(['Archive', escapeHtml(record.archive)]);
  if (record.sourceNote) facts.push(['Source', escapeHtml(record.sourceNote)]);
  if (record.translators.length > 0) facts.push([record.translators.length === 1 ? 'Translator' : 'Translators', escapeHtml(record.translators.join('; '))]);
  if (record.participants.length > 0) facts.push(['Participants', escapeHtml(record.participants.join(', '))]);
  const headingId = `edition-${position + 1}`;
  return [
    `<li data-date="${escapeHtml(record.date ?? '')}" data-title="${escapeHtml(record.title.toLowerCase())}"><article aria-labelledby="${headingId}">`,
    `<h2 id="${headingId}"><a href="${hrefIn(root, item.edition, `${item.edition.name}.html`)}">${escapeHtml(record.title)}</a></h2>`,
    record.subtitle ? `<p class="subtitle">${escapeHtml(record.subtitle)}</p>` : '',
    facts.length > 0 ? `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>` : '',
    record.summary ? `<p class="summary">${escapeHtml(record.summary)}</p>` : '',
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
    text: [record.archive, record.sourceNote, record.dateText, record.date, state.words].filter(Boolean).join(' '),
  };
}

/** Write (or leave as it is) the catalogue of a corpus folder. */
export function writeCatalogue(root: string, members: readonly EditionSource[], toolchain: string): CatalogueResult {
  const path = join(root, CATALOGUE_FILE);
  const { hash, count } = catalogueHash(members, toolchain);
  removeLeftovers(root);
  if (recordedHash(path) === hash) return { path, editions: count, written: false };
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
        `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`,
        `<header><h1>Editions</h1><p class="lead">${count} ${count === 1 ? 'edition' : 'editions'}: reading editions in HTML, TEI P5 sources and plain-text editions, built by teikit ${escapeHtml(TEIKIT_VERSION)}.</p></header>\n`,
        '<main>\n<form id="search" role="search" hidden><label for="search-input">Search titles, persons and full text</label>',
        '<input id="search-input" type="search" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-status">',
        '<label for="search-sort">Order when not searching</label><select id="search-sort"><option value="">as in the folder</option><option value="date">by date</option><option value="title">by title</option></select>',
        '<p id="search-status" class="status" aria-live="polite"></p></form>\n',
        '<ul id="editions">\n',
      ].join(''),
    );
    let position = 0;
    for (const item of listed(members)) write(entryHtml(item, position++, root));
    write('</ul>\n</main>\n<script type="application/json" id="search-data">[');
    position = 0;
    for (const item of listed(members)) write(`${position === 0 ? '' : ','}\n${scriptJson(searchDocument(item, position++))}`);
    write(`\n]</script>\n<script>${MINISEARCH}</script>\n<script>${SEARCH_SCRIPT}</script>\n</body>\n</html>\n`);
  });
  return { path, editions: count, written: true };
}
