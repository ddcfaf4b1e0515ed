/**
 * The catalogue's script: search (src/build/catalogue/search.ts), filters by year, archive and
 * person with counts, order by date or title, and the list of what matches, a page at a time.
 *
 * It reads two JSON islands of index.html: `catalogue-data` (small: facets, title order, where
 * the search parts are) when the page opens, and `catalogue-entries` (every edition's entry)
 * only when a search, filter or order first needs it. Search parts are either in the page
 * (a corpus of up to a page of editions: one file) or files of the catalogue folder, each a
 * script calling `teikitCatalogue.part(…)`, loaded when a query first needs it. Scripts, not
 * fetch(): a browser loads a script beside a page opened from file://, where it refuses fetch.
 */
import { escapeHtml } from '../html.js';
import { entryHtml } from './entry.js';
import { SEARCH_ENGINE_SOURCE } from './search.js';

/** Entries the script shows at a time ("Show more" adds as many): a few screens, quick to lay out. */
const SHOWN_AT_ONCE = 50;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
${String(escapeHtml)}
${String(entryHtml)}
${SEARCH_ENGINE_SOURCE}
  var data = JSON.parse(document.getElementById('catalogue-data').textContent);
  var form = document.getElementById('search');
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var sort = document.getElementById('search-sort');
  var list = document.getElementById('editions');
  var more = document.getElementById('show-more');
  var pager = document.getElementById('pager');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#facets input[type=checkbox]'));
  var facets = ['year', 'archive', 'person'];
  var countOf = {};
  var numberOf = {};
  facets.forEach(function (facet) { numberOf[facet] = new Map(data.facets[facet].map(function (value, number) { return [value, number]; })); });
  boxes.forEach(function (box) { countOf[box.name + '\\u0000' + box.value] = box.parentNode.querySelector('.count'); });
  // The entries the page was written with (the first page), and those made since, by position.
  var made = Array.prototype.slice.call(list.children);
  var entries = null;
  function readEntries() { entries = entries || JSON.parse(document.getElementById('catalogue-entries').textContent); }
  function entry(position) {
    if (!made[position]) {
      readEntries();
      var template = document.createElement('template');
      template.innerHTML = entryHtml(entries[position], position, '', escapeHtml);
      made[position] = template.content.firstElementChild;
    }
    return made[position];
  }
  var parts = [];
  var loading = [];
  window.teikitCatalogue = { part: function (number, terms, postings) { parts[number] = { terms: terms ? terms.split(' ') : [], postings: postings }; } };
  function loadPart(number) {
    if (parts[number]) return Promise.resolve();
    var file = data.parts[number];
    if (!loading[number]) {
      loading[number] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = file;
        script.onload = function () { if (parts[number]) resolve(); else reject(new Error(file)); };
        script.onerror = function () { loading[number] = null; reject(new Error(file)); };
        document.head.appendChild(script);
      });
    }
    return loading[number];
  }
  function partsOf(term) { return partsFor(term, data.starts).map(function (number) { return parts[number]; }); }
  var byDate = data.editions.map(function (own, position) { return position; });
  // Per facet (in the order of facets), the numbers of the checked values, or null where none is checked.
  function chosen() {
    return facets.map(function (facet) {
      var checked = boxes.filter(function (box) { return box.name === facet && box.checked; });
      return checked.length === 0 ? null : new Set(checked.map(function (box) { return numberOf[facet].get(box.value); }));
    });
  }
  // Within a facet any checked value will do.
  function holds(own, picked) {
    if (!picked) return true;
    for (var at = 0; at < own.length; at++) if (picked.has(own[at])) return true;
    return false;
  }
  var limit = ${SHOWN_AT_ONCE};
  function offerMore(total) {
    more.hidden = total <= limit;
    more.textContent = 'Show ' + Math.min(${SHOWN_AT_ONCE}, total - limit) + ' more (' + Math.min(limit, total) + ' of ' + total + ' shown)';
  }
  var sequence = 0;
  function update(keepLimit) {
    if (!keepLimit) limit = ${SHOWN_AT_ONCE};
    var mine = ++sequence;
    var query = input.value.trim();
    var terms = Array.from(new Set(searchTerms(query)));
    var needed = [];
    terms.forEach(function (term) { needed.push.apply(needed, partsFor(term, data.starts)); });
    Promise.all(needed.map(loadPart)).then(function () {
      if (mine !== sequence) return;
      var scores = query ? rankEditions(terms, partsOf, data.editions.length) : null;
      var picked = chosen();
      var filtered = picked.some(function (set) { return set !== null; });
      // One pass over the editions: which pass every facet, and each value's count, the editions
      // it would show given the search and the other facets.
      var passing = new Uint8Array(data.editions.length);
      var counts = facets.map(function (facet) { return new Int32Array(data.facets[facet].length); });
      for (var position = 0; position < data.editions.length; position++) {
        if (scores && !scores.has(position)) continue;
        var own = data.editions[position];
        var held = [holds(own[0], picked[0]), holds(own[1], picked[1]), holds(own[2], picked[2])];
        passing[position] = held[0] && held[1] && held[2] ? 1 : 0;
        for (var which = 0; which < 3; which++) {
          if (!held[(which + 1) % 3] || !held[(which + 2) % 3]) continue;
          for (var at = 0; at < own[which].length; at++) counts[which][own[which][at]] += 1;
        }
      }
      var ordered = scores
        ? Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; })
        : sort.value === 'title' ? data.byTitle : byDate;
      var matching = ordered.filter(function (position) { return passing[position] === 1; });
      boxes.forEach(function (box) {
        var shown = countOf[box.name + '\\u0000' + box.value];
        var count = String(counts[facets.indexOf(box.name)][numberOf[box.name].get(box.value)]);
        if (shown.textContent !== count) shown.textContent = count;
      });
      var total = data.editions.length;
      var what = query ? (matching.length === 1 && total === 1 ? ' edition matches ' : ' editions match ') + '\\u201c' + query + '\\u201d' + (filtered ? ' and the filters' : '') : filtered ? ' editions shown' : '';
      status.textContent = query || filtered ? matching.length + ' of ' + total + what : '';
      list.replaceChildren.apply(list, matching.slice(0, limit).map(entry));
      offerMore(matching.length);
    }).catch(function (error) {
      if (mine !== sequence) return;
      status.textContent = 'The search index could not be loaded (' + error.message + '). Keep the catalogue folder beside index.html; where a browser refuses scripts from files, serve the corpus folder over HTTP.';
    });
  }
  function start() {
    form.hidden = false;
    document.getElementById('facets').hidden = false;
    if (pager) pager.hidden = true;
    form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
    input.addEventListener('input', function () { update(); });
    sort.addEventListener('change', function () { update(); });
    boxes.forEach(function (box) { box.addEventListener('change', function () { update(); }); });
    more.addEventListener('click', function () { limit += ${SHOWN_AT_ONCE}; update(true); });
    document.getElementById('facets-clear').addEventListener('click', function () { boxes.forEach(function (box) { box.checked = false; }); update(); });
    var address = new URLSearchParams(location.search);
    if (address.get('sort')) sort.value = address.get('sort');
    if (address.get('q')) input.value = address.get('q');
    boxes.forEach(function (box) { if (address.getAll(box.name).indexOf(box.value) >= 0) box.checked = true; });
    if (input.value || sort.value !== 'date' || boxes.some(function (box) { return box.checked; })) {
      update();
    } else {
      // The page as written is the answer (the first editions by date, their counts): nothing to redo.
      limit = made.length;
      offerMore(data.editions.length);
    }
    // Read the entries while the reader reads the page, not when the first search needs them.
    (window.requestIdleCallback || setTimeout)(readEntries);
  }
  // The parts written into the page come after this script: start once they have run.
  document.addEventListener('DOMContentLoaded', start);
})();
`;
