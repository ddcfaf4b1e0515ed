/**
 * One edition in the catalogue's list: its title (linked to the reading edition), a date ·
 * source · translator line, a one-line summary, its participants and links to its files.
 *
 * The build writes the entries of the pages it makes (index.html and, for a large corpus, the
 * pages a reader without JavaScript turns through); the catalogue's script writes the entries
 * a search or a filter shows, from the same data, with this same function (it runs in the
 * browser too, so it uses nothing but its parameters; the escaping function is one of them).
 */
import { join } from 'node:path';
import { hrefFrom } from '../html.js';
import type { Placed } from '../navigation.js';

/** What an entry shows, as compact as the catalogue's data for 10,000 editions needs it. */
export interface CatalogueEntry {
  /** The edition's folder from the corpus folder, as a link ("corpus/09"). */
  folder: string;
  /** Its files' name without extension, as a link. */
  name: string;
  /** Its TEI file from its folder, as a link. */
  tei: string;
  /** Its other files that exist: 1 the HTML reading edition, 2 the text, 4 the diplomatic text. */
  files: number;
  title: string;
  date?: string;
  /** The date as the record gives it. */
  dateText?: string;
  source?: string;
  translators?: string;
  summary?: string;
  /** The first participants, comma-separated; `more` counts the rest (all are searchable). */
  participants?: string;
  more?: number;
}

/** Participants shown in a list entry; the rest are counted ("and 12 more"). */
const PARTICIPANTS_SHOWN = 8;
/** A summary is one line in the list (the rest is cut by the style); its first characters are enough. */
const SUMMARY_LENGTH = 320;

/** What the catalogue shows of a built edition. */
export function catalogueEntry({ edition, record, outputs }: Placed, root: string): CatalogueEntry {
  const own = new Set(outputs);
  const files = (own.has(`${edition.name}.html`) ? 1 : 0) + (own.has(`${edition.name}.txt`) ? 2 : 0) + (own.has(`${edition.name}.diplomatic.txt`) ? 4 : 0);
  const teiPath = edition.source.kind === 'tei' ? edition.source.path : join(edition.directory, `${edition.name}.xml`);
  const summary = record.summary ?? record.subtitle;
  const others = record.participants.length - PARTICIPANTS_SHOWN;
  return {
    folder: hrefFrom(root, edition.directory),
    name: encodeURIComponent(edition.name),
    tei: hrefFrom(edition.directory, teiPath),
    files,
    title: record.title,
    ...(record.date ? { date: record.date } : {}),
    ...(record.dateText ? { dateText: record.dateText } : {}),
    ...((record.archive ?? record.sourceNote) ? { source: (record.archive ?? record.sourceNote)! } : {}),
    ...(record.translators.length > 0 ? { translators: record.translators.join('; ') } : {}),
    ...(summary ? { summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH - 1)}…` : summary } : {}),
    ...(record.participants.length > 0 ? { participants: record.participants.slice(0, PARTICIPANTS_SHOWN).join(', ') } : {}),
    ...(others > 0 ? { more: others } : {}),
  };
}

/** Page. The list item of the edition at `position` (0-based), its links relative to `base` ("" or "../"); `escapeHtml` is src/build/html.ts's. */
export function entryHtml(entry: CatalogueEntry, position: number, base: string, escapeHtml: (text: string) => string): string {
  const at = base + entry.folder + '/';
  const line: string[] = [];
  const when = entry.dateText || entry.date;
  if (when) line.push(entry.date ? '<time datetime="' + escapeHtml(entry.date) + '">' + escapeHtml(when) + '</time>' : escapeHtml(when));
  if (entry.source) line.push(escapeHtml(entry.source));
  if (entry.translators) line.push('translated by ' + escapeHtml(entry.translators));
  const links: string[] = [];
  if (entry.files & 1) links.push('<a href="' + at + entry.name + '.html">Reading edition (HTML)</a>');
  links.push('<a href="' + at + entry.tei + '">TEI</a>');
  if (entry.files & 2) links.push('<a href="' + at + entry.name + '.txt">Text</a>');
  if (entry.files & 4) links.push('<a href="' + at + entry.name + '.diplomatic.txt">Diplomatic text</a>');
  const heading = 'edition-' + (position + 1);
  return (
    '<li><article aria-labelledby="' + heading + '">' +
    '<h2 id="' + heading + '"><a href="' + at + (entry.files & 1 ? entry.name + '.html' : entry.tei) + '">' + escapeHtml(entry.title) + '</a></h2>' +
    (line.length > 0 ? '<p class="edition-line">' + line.join(' · ') + '</p>' : '') +
    (entry.summary ? '<p class="summary" title="' + escapeHtml(entry.summary) + '">' + escapeHtml(entry.summary) + '</p>' : '') +
    (entry.participants ? '<p class="participants"><span class="label">Participants:</span> ' + escapeHtml(entry.participants) + (entry.more ? ' and ' + entry.more + ' more' : '') + '</p>' : '') +
    '<p class="links">' + links.join('') + '</p></article></li>\n'
  );
}
