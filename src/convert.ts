/**
 * The convert pipeline: decode → read layout → build the edition model → serialize TEI.
 * Each stage can be called alone; this only chains them and collects their diagnostics.
 */
import { basename, extname } from 'node:path';
import { InputError, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { buildEdition } from './edition/index.js';
import { decodeSource } from './input.js';
import { readSource, type LayoutName } from './layouts/index.js';
import { parseManifest } from './manifest/index.js';
import type { BracketConventionId } from './conventions/brackets.js';
import type { AttributionDecision, Edition } from './model.js';
import { serializeTei } from './tei/serialize.js';

export interface ConvertOptions {
  /** Path of the source, used in diagnostics and for the default edition id. */
  path?: string;
  /** The edition manifest (edition.json) text and its path. */
  manifest?: { text: string; path: string };
  /** Source layout; detected when absent. */
  layout?: LayoutName;
  /** Edition id; defaults to the manifest's id, then `defaultId`. */
  id?: string;
  /** The id when neither `id` nor the manifest gives one (default: the source file's base name). */
  defaultId?: string;
  /** Where the xml-model instructions point for teikit.rng and teikit.sch (see SerializeOptions). */
  schemaBase?: string;
}

/** What `--report` shows: how the converter read the source. */
export interface ConversionReport {
  layout: string;
  /** Header facts the source gave, and those it did not. */
  header: { found: HeaderField[]; missing: HeaderField[] };
  decisions: AttributionDecision[];
  brackets: Partial<Record<BracketConventionId, number>>;
  persons: { id: string; name: string; group: string }[];
  turns: number;
  paragraphs: number;
  notes: number;
  warnings: number;
}

export const HEADER_FIELDS = ['title', 'date', 'translator', 'archive', 'record id', 'summary', 'original language', 'rights'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

/** Which header facts an edition has (from the source or the manifest). */
function headerFacts(edition: Edition): Record<HeaderField, boolean> {
  return {
    title: edition.title !== '',
    date: edition.creation !== undefined,
    translator: edition.translator !== undefined,
    archive: edition.archival !== undefined || edition.record.source !== undefined,
    'record id': edition.record.id !== undefined,
    summary: edition.abstract !== undefined,
    'original language': edition.originalLanguage !== undefined,
    rights: edition.rights.length > 0 || edition.publication.licence !== undefined,
  };
}

export interface ConvertResult {
  /** The TEI document; absent when an error prevented the conversion. */
  tei?: string;
  edition?: Edition;
  report?: ConversionReport;
  /** Every diagnostic of every file involved, sorted by file and position. */
  diagnostics: Diagnostic[];
  ok: boolean;
}

export function convert(source: Uint8Array | string, options: ConvertOptions = {}): ConvertResult {
  const path = options.path ?? '<input>';
  const diagnostics: Diagnostic[] = [];
  const done = (result: Omit<ConvertResult, 'diagnostics' | 'ok'>): ConvertResult => {
    const sorted = sortDiagnostics(diagnostics);
    const ok = !sorted.some((diagnostic) => diagnostic.severity === 'error');
    return ok ? { ...result, diagnostics: sorted, ok } : { diagnostics: sorted, ok };
  };
  try {
    const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
    const parsed = options.manifest ? parseManifest(options.manifest.text, options.manifest.path) : undefined;
    if (parsed) diagnostics.push(...parsed.file.messages);
    if (parsed && !parsed.loaded) return done({});
    const loaded = parsed?.loaded;
    const file = decodeSource(bytes, path);
    const record = readSource(file, options.layout ?? loaded?.manifest.layout);
    const id = options.id ?? loaded?.manifest.id ?? options.defaultId ?? basename(path, extname(path));
    const { edition, bracketCounts } = buildEdition(record, file, id, loaded);
    diagnostics.push(...file.messages);
    if (loaded) diagnostics.push(...loaded.file.messages.filter((message) => !diagnostics.includes(message)));
    const facts = headerFacts(edition);
    const speeches = edition.body.filter((item) => item.kind === 'sp');
    const report: ConversionReport = {
      layout: record.layout,
      header: { found: HEADER_FIELDS.filter((field) => facts[field]), missing: HEADER_FIELDS.filter((field) => !facts[field]) },
      decisions: edition.decisions,
      brackets: Object.fromEntries(bracketCounts),
      persons: edition.groups.flatMap((group) =>
        group.persons.map((person) => ({ id: person.id, name: person.name, group: group.label ?? group.type })),
      ),
      turns: speeches.length,
      paragraphs: edition.body.reduce((count, item) => count + (item.kind === 'p' ? 1 : item.kind === 'sp' ? item.paragraphs.length : 0), 0),
      notes: edition.footnotes.length,
      warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length,
    };
    return done({ tei: serializeTei(edition, options.schemaBase === undefined ? {} : { schemaBase: options.schemaBase }), edition, report });
  } catch (error) {
    if (error instanceof InputError) {
      if (!diagnostics.includes(error.diagnostic)) diagnostics.push(error.diagnostic);
      return done({});
    }
    throw error;
  }
}
