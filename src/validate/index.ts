/**
 * The validate stage: a TEI document against a RELAX NG schema and the rule set, or an
 * edition.json manifest against its JSON Schema. Pure over its inputs: the schema is compiled
 * once by the caller and passed in; diagnostics carry file, line and column.
 */
import { InputError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { decodeText } from '../input.js';
import { readInput } from '../io.js';
import { parseManifest } from '../manifest/index.js';
import { BUNDLED_SCHEMAS } from '../schemas.js';
import { parseXml } from '../xml/parse.js';
import { compileSchema, validateAgainstSchema, type CompiledSchema } from './relaxng.js';
import { checkRules, type RuleScope } from './rules.js';

export { compileSchema, SchemaError, type CompiledSchema } from './relaxng.js';
export { TEI_RULES, type TeiRule, type RuleScope } from './rules.js';

export type DocumentKind = 'tei' | 'manifest';

export interface ValidationResult {
  path: string;
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  valid: boolean;
  /** Documents it includes (XInclude), each to be validated as a file of its own (absolute paths). */
  includes?: string[];
}

export interface TeiValidationOptions {
  schema: CompiledSchema;
  /** Which rules run: teikit's own editions get all, other archives' TEI the generic ones. */
  rules: readonly RuleScope[];
  /** The rules' errors reported as warnings (the schema alone decides validity). */
  advisoryRules?: boolean;
}

/** What a file is taken for before its content is read. */
const kindFromPath = (path: string): DocumentKind => (path.endsWith('.json') ? 'manifest' : 'tei');

/** A manifest is JSON; everything else is read as XML. */
export function detectKind(path: string, text: string): DocumentKind {
  return kindFromPath(path) === 'manifest' || text.trimStart().startsWith('{') ? 'manifest' : 'tei';
}

function finish(path: string, kind: DocumentKind, diagnostics: Diagnostic[]): ValidationResult {
  const sorted = sortDiagnostics(diagnostics);
  return { path, kind, diagnostics: sorted, valid: !sorted.some((diagnostic) => diagnostic.severity === 'error') };
}

/** Validate one file's bytes: TEI (schema + rules) or manifest (JSON Schema), detected by content. */
export function validateDocument(bytes: Uint8Array, path: string, options: TeiValidationOptions): ValidationResult {
  let kind = kindFromPath(path);
  try {
    const file = decodeText(bytes, path, 'file');
    kind = detectKind(path, file.text);
    if (kind === 'manifest') {
      const { file: manifestFile } = parseManifest(file.text, path);
      return finish(path, kind, manifestFile.messages);
    }
    const document = parseXml(file);
    const includes: string[] = [];
    validateAgainstSchema(document, file, options.schema, includes);
    checkRules(document, file, options.rules, options.advisoryRules === true);
    return { ...finish(path, kind, file.messages), ...(includes.length > 0 ? { includes } : {}) };
  } catch (error) {
    if (error instanceof InputError) return finish(path, kind, [error.diagnostic]);
    throw error;
  }
}

/** Read and validate one file; a file that cannot be read is an invalid result, not an exception. */
export function validateFile(path: string, options: TeiValidationOptions): ValidationResult {
  const input = readInput(path, 'file');
  if (!input.bytes) return finish(path, kindFromPath(path), input.diagnostic ? [input.diagnostic] : []);
  return validateDocument(input.bytes, path, options);
}

/** Compile teikit's own schema (schema/teikit.rng). */
export function compileTeikitSchema(): Promise<CompiledSchema> {
  return compileSchema(BUNDLED_SCHEMAS.rng);
}
