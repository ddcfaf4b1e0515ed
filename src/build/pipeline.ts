/**
 * One edition through the whole pipeline: convert (when the source is plain text) → validate
 * (teikit.rng + rules) → render (HTML, reading text, diplomatic text, catalogue record), outputs
 * written atomically beside the source, the state record last. Runs inside a build worker.
 */
import { join, relative } from 'node:path';
import { convert } from '../convert.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { renderEach, type RenderOptions } from '../render/index.js';
import { SCHEMA_DIRECTORY } from '../schemas.js';
import { validateDocument, type CompiledSchema } from '../validate/index.js';
import { writeOutput } from '../io.js';
import { displayPath, removeLeftovers, type EditionSource } from './editions.js';
import type { EditionOutcome } from './outcome.js';
import { describeOutput, forgetState, readEditionInputs, writeState, type CatalogueRecord, type OutputRecord } from './state.js';

/** The renders of every edition, in the order their files are written. */
const RENDERS: readonly { suffix: string; options: RenderOptions }[] = [
  { suffix: '.html', options: { to: 'html' } },
  { suffix: '.txt', options: { to: 'text', view: 'reading' } },
  { suffix: '.diplomatic.txt', options: { to: 'text', view: 'diplomatic' } },
];
const RECORD: RenderOptions = { to: 'json' };

/** MiniSearch's own tokenizer (SPACE_OR_PUNCTUATION), so that the words stored are the terms it indexes. */
const WORD_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

function distinctWords(text: string): string {
  const words = new Set(text.toLowerCase().split(WORD_SEPARATOR));
  words.delete('');
  return [...words].join(' ');
}

export function buildEdition(edition: EditionSource, toolchain: string, schema: CompiledSchema): EditionOutcome {
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
  const outputs: { name: string; content: string }[] = [];
  let tei: Uint8Array | string = inputs.source;
  let teiPath = displayPath(edition.source.path);

  if (edition.source.kind === 'text') {
    const teiName = `${edition.name}.xml`;
    const converted = convert(inputs.source, {
      path: displayPath(edition.source.path),
      defaultId: edition.name,
      schemaBase: `${relative(edition.directory, SCHEMA_DIRECTORY).split('\\').join('/')}/`,
      ...(inputs.manifest && edition.manifestPath ? { manifest: { text: inputs.manifest.toString('utf8'), path: displayPath(edition.manifestPath) } } : {}),
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

  const written: Record<string, OutputRecord> = {};
  for (const output of outputs) {
    const path = join(edition.directory, output.name);
    const failure = writeOutput(path, output.content);
    if (failure) {
      diagnostics.push({ ...failure, file: displayPath(path) });
      return finish('failed');
    }
    written[output.name] = describeOutput(path, output.content);
  }
  const readingText = renders[RENDERS.findIndex((render) => render.suffix === '.txt')]!.output!;
  writeState(edition.directory, {
    inputs: inputs.hash,
    outputs: written,
    record: JSON.parse(record!.output!) as CatalogueRecord,
    words: distinctWords(readingText),
  });
  return finish('built');
}
