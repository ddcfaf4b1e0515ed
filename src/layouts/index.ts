import type { SourceFile } from '../diagnostics.js';
import { splitBlocks } from './blocks.js';
import { fieldHeader } from './field-header.js';
import { frusDocument } from './frus.js';
import { plainText } from './plain.js';
import type { SourceLayout, SourceRecord } from './types.js';
import { wilsonPdfExport } from './wilson-pdf.js';
import { wilsonWebRecord } from './wilson-web.js';

export type { HeaderFacts, SourceLayout, SourceRecord } from './types.js';

/** Known layouts, most specific first; the plain fallback is last and always matches. */
export const LAYOUTS: readonly SourceLayout[] = [wilsonWebRecord, wilsonPdfExport, frusDocument, fieldHeader, plainText];

export type LayoutName = 'wilson-web' | 'wilson-pdf' | 'frus' | 'field-header' | 'plain';

/** Split a source into blocks and read it with the named layout, or the first that detects it. */
export function readSource(file: SourceFile, layoutName?: LayoutName): SourceRecord {
  const blocks = splitBlocks(file.text);
  const layout =
    LAYOUTS.find((candidate) => candidate.name === layoutName) ??
    LAYOUTS.find((candidate) => candidate.detect(blocks)) ??
    plainText;
  return layout.read(blocks, file);
}
