import type { SourceFile } from '../diagnostics.js';
import { parseArchivalCitation, splitSourceField } from '../conventions/archival-citation.js';
import type { ArchivalCitation, Block, DateValue } from '../model.js';
import { foldLines } from './blocks.js';

/**
 * What a layout read about the record for the teiHeader. The layout decodes its own field
 * headings; the edition stage only copies these facts.
 */
export interface HeaderFacts {
  /** The source as the record cites it, verbatim (the web record's "Source", the export's "Citation:", a FRUS file number). */
  source?: string;
  translator?: string;
  archival?: ArchivalCitation;
  /** The online record's id. */
  recordId?: string;
  /** The online record's own page, where the layout states or knows it. */
  recordUrl?: string;
  /** When the record was put online. */
  uploaded?: DateValue;
  /** The original's language, as the source names it. */
  originalLanguage?: string;
  /** The rights statement, one string per paragraph, verbatim. */
  rights?: string[];
  /** The archive's summary (not part of the document's text). */
  summary?: { text: string; block: number };
  /** Other fields of the record, verbatim. */
  fields: { heading: string; value: string }[];
}

/** Parts of a source's own header (PDF export, FRUS) kept verbatim, in order, in the text's front. */
export type FrontPartType =
  | 'banner'
  | 'date'
  | 'title'
  | 'citation'
  | 'summary'
  | 'credits'
  | 'original-language'
  | 'contents'
  | 'reference'
  | 'document-number'
  | 'dateline'
  /** A short line between a FRUS title and its dateline: "[Extract]", "No. 45". */
  | 'preamble'
  /** A classification line before the dateline: "TOP SECRET", "limited distribution only". */
  | 'classification'
  /** A FRUS telegram's "[Received July 4—11:10 a.m.]", part of its dateline. */
  | 'received'
  /** A "Heading: value" line of a document's own header ("Title: …", "Source: …"). */
  | 'field';

export interface FrontPart {
  type: FrontPartType;
  block: Block;
  /** Offset in the block's text where the value starts (after a "Citation:" heading). */
  valueStart: number;
}

/** A note listed at the end of the source ("87. China National …"), linked to its number in the text. */
export interface Footnote {
  n: string;
  block: Block;
}

/**
 * What a layout reader finds in a source: the record's parts, still as source blocks.
 * Every block of the source ends up in exactly one place here, so nothing can be lost.
 */
export interface SourceRecord {
  layout: string;
  /** The layout's sentence for the edition's editorialDecl: what it read into the header, and how. */
  headerDecl: string;
  /** Web-page scaffolding that is not part of the record ("Skip to content"). */
  pageArtefacts: Block[];
  dateLine?: Block;
  /** The document's date when it is written inside another line (a FRUS dateline, a title). */
  documentDate?: DateValue;
  title?: Block;
  /** The description line under the title. */
  description?: Block;
  /** Blocks of the document itself, and the archive's summary if the layout places it here. */
  content: Block[];
  /** Block number the layout expects to be the archive's summary (the manifest may say otherwise). */
  summaryCandidate?: number;
  /** The facts the layout read for the header. */
  header: HeaderFacts;
  /** How the layout made paragraphs where the source has none (a flattened export), for the editorialDecl. */
  paragraphing?: string;
  /** Blocks the layout sets apart by their position on the page (a PDF export's stamps and signatures). */
  alignments?: ReadonlyMap<number, 'right' | 'center'>;
  /** The source's own header, kept in the text's front (empty for the web record). */
  front: FrontPart[];
  footnotes: Footnote[];
}

/** A reader for one source layout (Wilson Center web record, PDF export, FRUS, …). */
export interface SourceLayout {
  name: string;
  description: string;
  /** What this layout reads into the header and keeps where, for the edition's editorialDecl. */
  headerDecl: string;
  /** True when the text looks like this layout. */
  detect(blocks: readonly Block[]): boolean;
  read(blocks: readonly Block[], file: SourceFile): SourceRecord;
}

/**
 * A source field as archives write it ("GARF, Fond 5446, … Translated by Gary Goldberg."): the
 * text verbatim, the translator it names and the archival signature read from it.
 */
export function readSourceField(text: string): Pick<HeaderFacts, 'source' | 'translator' | 'archival'> {
  const { citation, translator } = splitSourceField(foldLines(text));
  const archival = parseArchivalCitation(citation);
  return { source: text, ...(translator ? { translator } : {}), ...(archival ? { archival } : {}) };
}
