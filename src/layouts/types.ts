import type { SourceFile } from '../diagnostics.js';
import type { Block } from '../model.js';

/** A heading/value pair of the record's metadata section ("Source" → "GARF, Fond …"). */
export interface RecordField {
  heading: Block;
  value: Block[];
}

/**
 * What a layout reader finds in a source: the record's parts, still as source blocks.
 * Every block of the source ends up in exactly one place here, so nothing can be lost.
 */
export interface SourceRecord {
  layout: string;
  /** Web-page scaffolding that is not part of the record ("Skip to content"). */
  pageArtefacts: Block[];
  dateLine?: Block;
  title?: Block;
  /** The description line under the title. */
  description?: Block;
  /** Blocks of the document itself, and the archive's summary if the layout places it here. */
  content: Block[];
  /** Block number the layout expects to be the archive's summary (the manifest may say otherwise). */
  summaryCandidate?: number;
  /** Blocks that only introduce the metadata section ("Document Information"). */
  sectionHeadings: Block[];
  fields: RecordField[];
}

/** A reader for one source layout (Wilson Center web record, PDF export, FRUS, …). */
export interface SourceLayout {
  name: string;
  description: string;
  /** True when the text looks like this layout. */
  detect(blocks: readonly Block[]): boolean;
  read(blocks: readonly Block[], file: SourceFile): SourceRecord;
}
