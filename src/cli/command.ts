import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  valueName?: string;
  choices?: readonly string[];
}

/** What a command returns: the entry point prints and exits, commands never do. */
export interface CommandOutcome {
  /** 0 ok, 1 invalid input or failed editions, 2 usage error, 130 interrupted (SIGINT). */
  exitCode: 0 | 1 | 2 | 130;
  stdout?: string;
  stderr?: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Positional arguments: [min, max]. */
  positionals: [number, number];
  options: Record<string, OptionSpec>;
  run(positionals: string[], values: Record<string, string | boolean | undefined>, terminal: Terminal): Promise<CommandOutcome> | CommandOutcome;
}

/** Where a long-running command reports as it goes (stderr); short commands return their text instead. */
export interface Terminal {
  /** To stderr: progress, diagnostics, summaries. */
  write(text: string): void;
  /** To stdout: machine-readable output. */
  writeOut(text: string): void;
  /** An interactive terminal that can redraw a progress bar (not with CI=true). */
  interactive: boolean;
  columns: number;
}

export function helpText(command: Command): string {
  const lines = [`teikit ${command.name} — ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:'];
  const entries = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    const choices = spec.choices ? ` (${spec.choices.join('|')})` : '';
    return [flag, `${spec.description}${choices}`] as const;
  });
  entries.push(['-h, --help', 'Show this help']);
  const width = Math.max(...entries.map(([flag]) => flag.length)) + 2;
  for (const [flag, description] of entries) lines.push(`  ${flag.padEnd(width)}${description}`);
  return `${lines.join('\n')}\n`;
}

/** Parse a command's arguments strictly: unknown options and bad values are usage errors. */
export function parseCommandArgs(command: Command, args: string[]): { positionals: string[]; values: Record<string, string | boolean | undefined>; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]),
        ),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional.*$/s, '.') : String(error));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return { positionals: parsed.positionals, values, help: true };
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    if (spec.choices && typeof value === 'string' && !spec.choices.includes(value)) {
      throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')} (got "${value}").`);
    }
  }
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min) throw new UsageError(`Missing argument. Usage: ${command.usage}`);
  if (parsed.positionals.length > max) throw new UsageError(`Unexpected argument "${parsed.positionals[max]}". Usage: ${command.usage}`);
  return { positionals: parsed.positionals, values, help: false };
}
