/**
 * The teikit command line as a function: arguments in, exit code and output out. It prints only
 * through the terminal it is given (the build's progress); main.ts writes the rest and exits.
 * Exit codes: 0 ok, 1 invalid input or validation errors, 2 usage error.
 */
import { TEIKIT_VERSION } from '../version.js';
import { buildCommand } from './build.js';
import { helpText, parseCommandArgs, type Command, type CommandOutcome, type Terminal } from './command.js';
import { convertCommand } from './convert.js';
import { UsageError } from './errors.js';
import { renderCommand } from './render.js';
import { validateCommand } from './validate.js';

const COMMANDS: readonly Command[] = [buildCommand, convertCommand, validateCommand, renderCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    `teikit ${TEIKIT_VERSION} — archival translations into citable TEI P5 editions`,
    '',
    'Usage: teikit <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: teikit <command> --help)',
    '  -v, --version  Show the version',
    '',
  ].join('\n');
}

const continuousIntegration = (): boolean => process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false' && process.env.CI !== '0';

const STDERR: Terminal = {
  write: (text) => void process.stderr.write(text),
  writeOut: (text) => void process.stdout.write(text),
  interactive: process.stderr.isTTY === true && !continuousIntegration(),
  // A pseudo-terminal may report 0 columns.
  columns: process.stderr.columns || Number(process.env.COLUMNS) || 80,
};

export async function runCli(args: string[], terminal: Terminal = STDERR): Promise<CommandOutcome> {
  const [name, ...rest] = args;
  if (name === undefined) return { exitCode: 2, stderr: mainHelp() };
  if (name === '--help' || name === '-h' || name === 'help') return { exitCode: 0, stdout: mainHelp() };
  if (name === '--version' || name === '-v') return { exitCode: 0, stdout: `${TEIKIT_VERSION}\n` };
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((candidate) => candidate.name).join(', ')}.`);
    const { positionals, values, help } = parseCommandArgs(command, rest);
    if (help) return { exitCode: 0, stdout: helpText(command) };
    return await command.run(positionals, values, terminal);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = command ? `teikit ${command.name} --help` : 'teikit --help';
      return { exitCode: 2, stderr: `teikit: ${error.message}\nRun \`${hint}\` for usage.\n` };
    }
    const detail = process.env.TEIKIT_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    return {
      exitCode: 1,
      stderr: `teikit: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in teikit, not a problem with your input; please report it (set TEIKIT_DEBUG=1 for the stack).${detail}\n`,
    };
  }
}

