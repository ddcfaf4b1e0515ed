/**
 * One edition through the whole pipeline: convert (when the source is plain text) → validate
 * (teikit.rng + rules) → render (HTML, reading text, diplomatic text, catalogue record), outputs
 * written atomically beside the source, the state record last. Runs inside a build worker.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { convert } from '../convert.js';
import { decodeManifest } from '../manifest/index.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { renderEach, type RenderOptions } from '../render/index.js';
import { SCHEMA_DIRECTORY } from '../schemas.js';
import { validateDocument, type CompiledSchema } from '../validate/index.js';
import { writeFilesTogether } from '../io.js';
import { displayPath, markedByTeikit, OUTPUT_SUFFIXES, outputNames, removeLeftovers, type EditionSource } from './editions.js';
import type { EditionOutcome } from './outcome.js';
import { searchTerms } from './catalogue/search.js';
import { describeOutput, forgetState, readEditionInputs, readState, writeState, type CatalogueRecord, type OutputRecord } from './state.js';

/** The renders of every edition, in the order their files are written. */
const RENDERS: readonly { suffix: string; options: RenderOptions }[] = [
  { suffix: OUTPUT_SUFFIXES.html, options: { to: 'html' } },
  { suffix: OUTPUT_SUFFIXES.reading, options: { to: 'text', view: 'reading' } },
  { suffix: OUTPUT_SUFFIXES.diplomatic, options: { to: 'text', view: 'diplomatic' } },
];

/**
 * Files already at the outputs' names that teikit has no record of writing: a user's own, not to
 * be replaced. The state record lists what a build wrote; without one (a fresh clone of a
 * repository holding the outputs), a TEI or HTML output bearing teikit's mark vouches for all.
 */
function foreignOutputs(edition: EditionSource): string[] {
  const recorded = new Set(Object.keys(readState(edition.directory)?.outputs ?? {}));
  const present = outputNames(edition).filter((name) => !recorded.has(name) && existsSync(join(edition.directory, name)));
  if (present.some((name) => markedByTeikit(join(edition.directory, name)))) return [];
  return present;
}
const RECORD: RenderOptions = { to: 'json' };

/** The distinct search terms of a text (the catalogue's tokenizer), for the state record. */
const distinctWords = (text: string): string => [...new Set(searchTerms(text))].join(' ');

export interface BuildEditionOptions {
  /** Replace files at the outputs' names that teikit has no record of writing. */
  force: boolean;
}

export function buildEdition(edition: EditionSource, toolchain: string, schema: CompiledSchema, options: BuildEditionOptions): EditionOutcome {
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const finish = (status: EditionOutcome['status']): EditionOutcome => {
    if (status === 'failed') forgetState(edition.directory);
    return { key: edition.key, status, diagnostics: sortDiagnostics(diagnostics), milliseconds: performance.now() - started };
  };
  const hasErrors = (): boolean => diagnostics.some((diagnostic) => diagnostic.severity === 'error');

  removeLeftovers(edition.directory);
  const read = readEditionInputs(edition, toolchain);
  if (!read.inputs) {
    if (read.diagnostic) diagnostics.push({ ...read.diagnostic, file: displayPath(read.diagnostic.file) });
    return finish('failed');
  }
  const { inputs } = read;
  const foreign = options.force ? [] : foreignOutputs(edition);
  if (foreign.length > 0) {
    diagnostics.push({
      file: displayPath(join(edition.directory, foreign[0]!)),
      severity: 'error',
      source: 'teikit:input',
      ruleId: 'build/foreign-output',
      reason: `${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} in the edition's folder, and teikit has no record of writing ${foreign.length === 1 ? 'it' : 'them'}: the build would replace ${foreign.length === 1 ? 'it' : 'them'}.`,
      note: 'Move the file elsewhere, or build with --force to replace it.',
    });
    return finish('failed');
  }
  const outputs: { name: string; content: string }[] = [];
  let tei: Uint8Array | string = inputs.source;
  let teiPath = displayPath(edition.source.path);

  if (edition.source.kind === 'text') {
    const manifest = inputs.manifest && edition.manifestPath ? decodeManifest(inputs.manifest, displayPath(edition.manifestPath)) : undefined;
    if (manifest?.diagnostic) {
      diagnostics.push(manifest.diagnostic);
      return finish('failed');
    }
    const teiName = `${edition.name}${OUTPUT_SUFFIXES.tei}`;
    const converted = convert(inputs.source, {
      path: displayPath(edition.source.path),
      defaultId: edition.name,
      schemaBase: `${relative(edition.directory, SCHEMA_DIRECTORY).split('\\').join('/')}/`,
      ...(manifest?.text !== undefined && edition.manifestPath ? { manifest: { text: manifest.text, path: displayPath(edition.manifestPath) } } : {}),
    });
    diagnostics.push(...converted.diagnostics);
    if (!converted.ok || converted.tei === undefined) return finish('failed');
    tei = converted.tei;
    teiPath = displayPath(join(edition.directory, teiName));
    outputs.push({ name: teiName, content: converted.tei });
  }

  const teiBytes = typeof tei === 'string' ? Buffer.from(tei) : tei;
  diagnostics.push(...validateDocument(teiBytes, teiPath, { schema, rules: ['generic', 'teikit'] }).diagnostics);
  if (hasErrors()) return finish('failed');

  const [record, ...renders] = renderEach(teiBytes, teiPath, [RECORD, ...RENDERS.map((render) => render.options)]);
  for (const result of [record!, ...renders]) diagnostics.push(...result.diagnostics);
  if (hasErrors()) return finish('failed');
  RENDERS.forEach((render, index) => outputs.push({ name: `${edition.name}${render.suffix}`, content: renders[index]!.output! }));

  // All outputs replaced together or none: never a TEI of this build beside the HTML of the last.
  const files = outputs.map((output) => ({ path: join(edition.directory, output.name), content: output.content }));
  try {
    writeFilesTogether(files);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    diagnostics.push({ file: displayPath(edition.directory), severity: 'error', source: 'teikit:input', ruleId: 'output/unwritable', reason: `The outputs cannot be written into the edition's folder (${code}); the previous ones, if any, are unchanged.` });
    return finish('failed');
  }
  const written: Record<string, OutputRecord> = {};
  for (const file of files) written[basename(file.path)] = describeOutput(file.path, file.content);
  const readingText = renders[RENDERS.findIndex((render) => render.suffix === OUTPUT_SUFFIXES.reading)]!.output!;
  writeState(edition.directory, {
    inputs: inputs.hash,
    outputs: written,
    record: JSON.parse(record!.output!) as CatalogueRecord,
    words: distinctWords(readingText),
  });
  return finish('built');
}
