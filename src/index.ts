/** teikit's library API: the CLI is a thin layer over these. */
export { convert, type ConvertOptions, type ConvertResult, type ConversionReport } from './convert.js';
export { formatReport } from './report.js';
export {
  SourceFile,
  InputError,
  formatDiagnostic,
  sortDiagnostics,
  type Diagnostic,
  type Severity,
  type Place,
  type Point,
} from './diagnostics.js';
export { decodeSource } from './input.js';
export { readSource, LAYOUTS, type LayoutName, type SourceLayout, type SourceRecord } from './layouts/index.js';
export { parseManifest, type Manifest, type LoadedManifest } from './manifest/index.js';
export { buildEdition } from './edition/index.js';
export { serializeTei } from './tei/serialize.js';
export { BRACKET_CONVENTIONS, parseBrackets, type BracketConvention } from './conventions/brackets.js';
export { readSpeakerLabel } from './conventions/speakers.js';
export { ATTRIBUTION_RULES } from './edition/attribution.js';
export type * from './model.js';
export { TEIKIT_VERSION } from './version.js';
