import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { LAYOUTS, type LayoutName } from '../layouts/index.js';
import { formatReport } from '../report.js';
import { SCHEMA_DIRECTORY } from '../schemas.js';
import type { Command, CommandOutcome } from './command.js';
import { MAX_SOURCE_BYTES } from '../input.js';
import { readInput, sameFile, writeOutput } from '../io.js';
import { UsageError } from './errors.js';
import { formatDiagnostics } from './reporter.js';

export const convertCommand: Command = {
  name: 'convert',
  summary: 'Convert an archival translation (plain text) into a TEI P5 edition',
  usage: 'teikit convert SOURCE [--manifest edition.json] [-o OUT.xml] [--report] [--format text|json]',
  positionals: [1, 1],
  options: {
    manifest: { type: 'string', short: 'm', valueName: 'FILE', description: 'Edition manifest (default: edition.json beside SOURCE, if present)' },
    'no-manifest': { type: 'boolean', description: 'Do not look for edition.json beside SOURCE' },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: 'Write the TEI here (atomically; "-" is stdout) instead of to stdout' },
    report: { type: 'boolean', description: 'Print the attribution decision for every block (to stdout)' },
    format: { type: 'string', valueName: 'FORMAT', description: 'Diagnostics and report as text (stderr) or one JSON document (stdout)', choices: ['text', 'json'] },
    layout: { type: 'string', valueName: 'NAME', description: 'Source layout instead of auto-detection', choices: LAYOUTS.map((layout) => layout.name) },
    id: { type: 'string', valueName: 'ID', description: 'Edition id (default: the manifest\'s id, else the file name)' },
    'schema-base': { type: 'string', valueName: 'URL', description: 'Where the xml-model instructions point for teikit.rng/.sch (default: teikit\'s schema/ folder, relative to the output)' },
    quiet: { type: 'boolean', short: 'q', description: 'Show errors only' },
  },
  async run([source], values): Promise<CommandOutcome> {
    const sourcePath = source ?? '-';
    const json = values.format === 'json';
    const finish = (diagnostics: Diagnostic[], extra: { tei?: string; report?: unknown } = {}, exitCode: 0 | 1 = 1, stdout = ''): CommandOutcome =>
      json
        ? { exitCode, stdout: `${JSON.stringify({ ok: exitCode === 0, diagnostics, ...extra }, null, 2)}\n` }
        : { exitCode, stdout, stderr: formatDiagnostics(diagnostics, { quiet: values.quiet === true }) };

    const input = readInput(sourcePath, 'source', MAX_SOURCE_BYTES);
    if (!input.bytes) return finish([input.diagnostic!]);

    let manifestPath = typeof values.manifest === 'string' ? values.manifest : undefined;
    if (!manifestPath && values['no-manifest'] !== true && sourcePath !== '-') {
      const beside = join(dirname(sourcePath), 'edition.json');
      if (existsSync(beside)) manifestPath = beside;
    }
    let manifest: { text: string; path: string } | undefined;
    if (manifestPath) {
      const read = readInput(manifestPath, 'manifest');
      if (!read.bytes) return finish([read.diagnostic!]);
      const { decodeManifest } = await import('../manifest/index.js');
      const decoded = decodeManifest(read.bytes, manifestPath);
      if (decoded.text === undefined) return finish([decoded.diagnostic!]);
      manifest = { text: decoded.text, path: manifestPath };
    }

    const output = typeof values.output === 'string' && values.output !== '-' ? values.output : undefined;
    for (const [input, what] of [[sourcePath, 'source'], [manifestPath, 'manifest']] as const) {
      if (output && input && input !== '-' && sameFile(output, input)) throw new UsageError(`-o ${output} is the ${what} itself: converting would replace it. Write the TEI to another file.`);
    }
    // Relative to where the TEI will live, so that an XML editor finds the schema on open.
    const schemaBase = typeof values['schema-base'] === 'string' ? values['schema-base'] : `${relative(resolve(output ? dirname(output) : '.'), SCHEMA_DIRECTORY).split('\\').join('/')}/`;
    // Loaded when the command runs, so that other commands do not pay for the converter's modules.
    const { convert } = await import('../convert.js');
    const result = convert(input.bytes, {
      schemaBase,
      path: sourcePath,
      ...(manifest ? { manifest } : {}),
      ...(typeof values.layout === 'string' ? { layout: values.layout as LayoutName } : {}),
      ...(typeof values.id === 'string' ? { id: values.id } : {}),
    });
    if (!result.ok || !result.tei) return finish(result.diagnostics);

    if (output) {
      const failure = writeOutput(output, result.tei);
      if (failure) return finish([...result.diagnostics, failure]);
    }
    const report = values.report === true ? result.report : undefined;
    if (json) return finish(result.diagnostics, { ...(output ? {} : { tei: result.tei }), ...(report ? { report } : {}) }, 0);
    const stdout = report ? formatReport(report) : output ? '' : result.tei;
    return finish(result.diagnostics, {}, 0, stdout);
  },
};
