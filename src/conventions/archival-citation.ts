import type { ArchivalCitation } from '../model.js';

/**
 * Parts of a Russian/Soviet archival signature ("GARF, Fond 5446, Opis 98c, Delo 718,
 * Listy 18-34") and the TEI idno type each becomes. Folio keys become a <locus>.
 */
const IDENTIFIER_KEYS: Record<string, string> = {
  fond: 'fond', f: 'fond',
  opis: 'opis', op: 'opis',
  delo: 'delo', d: 'delo',
  papka: 'papka', p: 'papka',
  dokument: 'dokument',
};
const FOLIO_KEYS = new Set(['listy', 'list', 'l', 'll', 'folios', 'folio', 'pages', 'pp']);

const PART = /^([A-Za-z]+)\.?\s+([0-9A-Za-z./-]+(?:\s*[-–]\s*[0-9A-Za-z./]+)?)$/;

/**
 * Read an archival citation. Returns undefined unless it is a repository followed by at least
 * one recognised identifier; the verbatim string is always kept by the caller.
 */
export function parseArchivalCitation(verbatim: string): ArchivalCitation | undefined {
  const parts = verbatim.split(/\s*,\s*/);
  const repository = parts.shift()?.trim();
  if (!repository || parts.length === 0) return undefined;
  const citation: ArchivalCitation = { verbatim, repository, identifiers: [] };
  for (const part of parts) {
    const match = part.trim().match(PART);
    if (!match) return undefined;
    const key = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? '';
    const type = IDENTIFIER_KEYS[key];
    if (type) {
      citation.identifiers.push({ type, value });
    } else if (FOLIO_KEYS.has(key)) {
      const [from, to] = value.split(/\s*[-–]\s*/);
      citation.folios = { text: part.trim(), from: from ?? value, ...(to ? { to } : {}) };
    } else {
      return undefined;
    }
  }
  return citation.identifiers.length > 0 ? citation : undefined;
}

/** "GARF, Fond 5446, … Listy 18-34. Translated by Gary Goldberg." → its two sentences. */
export function splitSourceField(text: string): { citation: string; translator?: string } {
  const match = text.match(/^(.*?)\.?\s*Translated by\s+(.+?)\.?\s*$/s);
  if (!match) return { citation: text.trim().replace(/\.$/, '') };
  return { citation: (match[1] ?? '').trim(), translator: (match[2] ?? '').trim() };
}
