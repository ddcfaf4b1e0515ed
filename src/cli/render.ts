import { RENDER_TARGETS, type RenderTarget, type TextView } from '../render/targets.js';
import type { RenderOptions } from '../render/index.js';
import type { Command, CommandOutcome } from './command.js';
import { readInput, sameFile, writeOutput } from '../io.js';
import { formatDiagnostics } from './reporter.js';
import { UsageError } from './errors.js';

export const renderCommand: Command = {
  name: 'render',
  summary: 'Render a TEI edition as a self-contained HTML page, a plain-text edition or its catalogue record (JSON)',
  usage: 'teikit render TEI.xml --to html|text|json [--view reading|diplomatic] [--persons ROOT.xml] [-o OUT]',
  positionals: [1, 1],
  options: {
    to: { type: 'string', valueName: 'FORMAT', description: 'Output: the HTML reading edition, a plain-text edition, or the catalogue record (title, date, archive, translators, participants) as JSON', choices: RENDER_TARGETS },
    view: { type: 'string', valueName: 'VIEW', description: 'Text: clean reading text or the diplomatic text with the source\'s brackets; HTML: the view the page opens in', choices: ['reading', 'diplomatic'] },
    output: { type: 'string', short: 'o', valueName: 'FILE', description: 'Write here (atomically; "-" is stdout) instead of to stdout' },
    persons: { type: 'string', valueName: 'FILE', description: 'A TEI file describing the persons the document points at from outside it (e.g. ParlaMint\'s corpus root, whose listPerson names the speakers of each session)' },
    quiet: { type: 'boolean', short: 'q', description: 'Show errors only' },
  },
  async run([path], values): Promise<CommandOutcome> {
    if (typeof values.to !== 'string') throw new UsageError(`--to is required: ${RENDER_TARGETS.map((target) => `--to ${target}`).join(', ')}.`);
    const source = path ?? '-';
    const quiet = values.quiet === true;
    const output = typeof values.output === 'string' && values.output !== '-' ? values.output : undefined;
    if (output && source !== '-' && sameFile(output, source)) throw new UsageError(`-o ${output} is the TEI file itself: rendering would replace it. Write the ${values.to} to another file.`);
    const input = readInput(source, 'TEI file');
    if (!input.bytes) return { exitCode: 1, stderr: formatDiagnostics([input.diagnostic!], { quiet }) };
    const bytes = input.bytes;
    // Loaded when the command runs: SaxonJS is large and only render needs it.
    const { readPersons, render } = await import('../render/index.js');
    let persons: RenderOptions['persons'];
    if (typeof values.persons === 'string') {
      const personsInput = readInput(values.persons, 'persons file');
      if (!personsInput.bytes) return { exitCode: 1, stderr: formatDiagnostics([personsInput.diagnostic!], { quiet }) };
      const read = readPersons(personsInput.bytes, values.persons);
      if (!read.persons) return { exitCode: 1, stderr: formatDiagnostics([read.diagnostic!], { quiet }) };
      persons = read.persons;
    }
    const result = render(bytes, source, { to: values.to as RenderTarget, ...(typeof values.view === 'string' ? { view: values.view as TextView } : {}), ...(persons ? { persons } : {}) });
    const stderr = formatDiagnostics(result.diagnostics, { quiet });
    if (!result.ok || result.output === undefined) return { exitCode: 1, stderr };
    if (!output) return { exitCode: 0, stdout: result.output, stderr };
    const failure = writeOutput(output, result.output);
    if (failure) return { exitCode: 1, stderr: formatDiagnostics([...result.diagnostics, failure], { quiet }) };
    return { exitCode: 0, stderr };
  },
};
