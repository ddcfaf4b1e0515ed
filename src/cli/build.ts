import { existsSync, statSync } from 'node:fs';
import { formatDiagnostic, plural, visibleControls, type Diagnostic } from '../diagnostics.js';
import { displayPath } from '../build/editions.js';
import type { BuildEvent, BuildSummary, Shard } from '../build/index.js';
import { githubAnnotation } from '../validate/report.js';
import type { Command, CommandOutcome, Terminal } from './command.js';
import { UsageError } from './errors.js';

const DEFAULT_DIRECTORY = 'editions';

function parseJobs(value: string | boolean | undefined, cores: number): number {
  if (typeof value !== 'string') return cores;
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a whole number of worker threads, at least 1 (got "${value}").`);
  return Number(value);
}

function parseTimeout(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(value) || Number(value) <= 0) throw new UsageError(`--timeout must be a number of seconds greater than 0 (got "${value}").`);
  return Number(value);
}

function parseShard(value: string | boolean | undefined): Shard | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  if (!match || Number(match[1]) > Number(match[2])) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 2/4 (got "${value}").`);
  return { index: Number(match[1]), count: Number(match[2]) };
}

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const duration = (milliseconds: number): string => {
  const total = Math.ceil(milliseconds / 1000);
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
};

/**
 * What the user sees while the build runs: on an interactive terminal a progress bar with
 * diagnostics printed above it; otherwise one plain line per edition, in edition order.
 */
class BuildReporter {
  private bar = '';
  private failed = 0;
  private readonly started = performance.now();

  constructor(
    private readonly terminal: Terminal,
    private readonly quiet: boolean,
    private readonly github: boolean,
  ) {}

  private get drawsBar(): boolean {
    return this.terminal.interactive && !this.quiet;
  }

  /** Print lines above the bar (or plainly), then redraw the bar. */
  private print(text: string): void {
    if (text === '') return;
    this.terminal.write(this.drawsBar && this.bar ? `\r\x1b[2K${text}${this.bar}` : text);
  }

  private drawBar(done: number, total: number, key: string): void {
    const width = 24;
    const filled = Math.round((done / total) * width);
    // Time left at the pace so far (the first editions pay for loading the workers: an overestimate that shrinks).
    const elapsed = performance.now() - this.started;
    const left = done < total ? ` · ${duration((elapsed / done) * (total - done))} left` : '';
    const status = ` ${done}/${total}${this.failed ? ` · ${this.failed} failed` : ''}${left} · ${key}`;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${status}`;
    this.bar = line.slice(0, Math.max(10, this.terminal.columns - 1));
    this.terminal.write(`\r\x1b[2K${this.bar}`);
  }

  event(event: BuildEvent): void {
    switch (event.type) {
      case 'planned':
        if (!this.quiet && event.stale > 0) {
          const upToDate = event.editions - event.stale;
          this.print(`Building ${event.stale} of ${plural(event.editions, 'edition')}${upToDate ? ` (${upToDate} up to date)` : ''} with ${plural(event.jobs, 'worker')}…\n`);
        }
        return;
      case 'finished':
        if (this.drawsBar) this.drawBar(event.done, event.total, event.key);
        return;
      case 'outcome': {
        const { outcome } = event;
        if (outcome.status === 'failed') this.failed += 1;
        const visible: Diagnostic[] = this.quiet ? outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : outcome.diagnostics;
        const warnings = outcome.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
        const headline =
          outcome.status === 'failed'
            ? `failed ${visibleControls(displayPath(event.edition.directory))}\n`
            : this.drawsBar || this.quiet
              ? ''
              : `built  ${visibleControls(displayPath(event.edition.directory))} (${Math.round(outcome.milliseconds)} ms${warnings ? `, ${plural(warnings, 'warning')}` : ''})\n`;
        const details = visible.map((diagnostic) => `  ${formatDiagnostic(diagnostic).split('\n').join('\n  ')}\n`).join('');
        this.print(headline + details);
        if (this.github) {
          const annotations = outcome.diagnostics.map(githubAnnotation).filter((line): line is string => line !== undefined);
          if (annotations.length > 0) this.terminal.writeOut(`${annotations.join('\n')}\n`);
        }
        return;
      }
    }
  }

  finish(summary: BuildSummary, jobs: number): string {
    if (this.drawsBar && this.bar) this.terminal.write('\r\x1b[2K');
    const lines: string[] = summary.problems.map((problem) => formatDiagnostic(problem));
    if (summary.interrupted) {
      lines.push(`Interrupted: ${summary.built} built before the stop. Nothing is half-written; the next \`teikit build\` builds the rest.`);
      return `${lines.join('\n')}\n`;
    }
    if (summary.built === 0 && summary.failed.length === 0 && summary.editions > 0) {
      lines.push(`Nothing to build: ${summary.editions === 1 ? 'the edition is' : `all ${summary.editions} editions are`} up to date (${seconds(summary.milliseconds)}). Use --force to rebuild.`);
    } else {
      lines.push(
        `${summary.built} built, ${summary.skipped} up to date, ${summary.failed.length} failed; ${plural(summary.warnings, 'warning')}, ${plural(summary.errors, 'error')}; ${seconds(summary.milliseconds)}${summary.built + summary.failed.length > 0 ? ` with ${plural(jobs, 'worker')}` : ''}.`,
      );
    }
    if (summary.found === 0) lines.push('No editions found: an edition is a folder holding source.txt (or one TEI file) and, optionally, edition.json.');
    else if (summary.editions === 0) lines.push(`This shard has none of the ${plural(summary.found, 'edition')} found; the other shards build them.`);
    if (summary.failed.length > 0) lines.push(`Failed: ${visibleControls(summary.failed.join(', '))}`);
    for (const catalogue of summary.catalogues) {
      lines.push(`Catalogue ${displayPath(catalogue.path)}: ${plural(catalogue.editions, 'edition')}${catalogue.written ? '' : ' (up to date)'}.`);
    }
    return `${lines.join('\n')}\n`;
  }
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build every edition of a folder: convert, validate, render, and a catalogue (index.html)',
  usage: 'teikit build [DIR… (default: editions)] [--jobs N] [--force] [--shard I/N] [--timeout SECONDS] [--allow-external-links] [--quiet] [--format text|github]',
  positionals: [0, Number.POSITIVE_INFINITY],
  options: {
    jobs: { type: 'string', short: 'j', valueName: 'N', description: 'Worker threads (default: the number of cores)' },
    force: { type: 'boolean', short: 'f', description: 'Rebuild every edition, changed or not, and replace files at the outputs\' names that teikit did not write' },
    timeout: { type: 'string', valueName: 'SECONDS', description: 'An edition still building after this long fails and its worker is stopped (default: 300)' },
    'allow-external-links': { type: 'boolean', description: 'Build sources and manifests that are links to files outside the corpus folder (refused by default: the build would publish them)' },
    shard: { type: 'string', valueName: 'I/N', description: 'Build only the I-th of N stable parts of the editions (for CI matrices); no catalogue is written' },
    quiet: { type: 'boolean', short: 'q', description: 'Show errors and the summary only' },
    format: { type: 'string', valueName: 'FORMAT', description: 'github: also write each error and warning as a GitHub Actions annotation (stdout)', choices: ['text', 'github'] },
  },
  async run(positionals, values, terminal): Promise<CommandOutcome> {
    const directories = positionals.length > 0 ? positionals : [DEFAULT_DIRECTORY];
    for (const directory of directories) {
      if (!existsSync(directory)) throw new UsageError(`"${directory}" does not exist. Give a folder of editions (default: ./${DEFAULT_DIRECTORY}).`);
      if (!statSync(directory).isDirectory()) throw new UsageError(`"${directory}" is not a folder. Give a folder of editions, or an edition's folder.`);
    }
    // Loaded when the command runs: the build module starts worker threads.
    const { build, defaultJobs } = await import('../build/index.js');
    const jobs = parseJobs(values.jobs, defaultJobs());
    const shard = parseShard(values.shard);
    const timeoutSeconds = parseTimeout(values.timeout);
    const reporter = new BuildReporter(terminal, values.quiet === true, values.format === 'github');
    const interrupt = new AbortController();
    const onSignal = (): void => interrupt.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let summary: BuildSummary;
    let workers = jobs;
    try {
      summary = await build({
        directories,
        jobs,
        force: values.force === true,
        allowExternalLinks: values['allow-external-links'] === true,
        ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
        ...(shard ? { shard } : {}),
        signal: interrupt.signal,
        onEvent: (event) => {
          if (event.type === 'planned') workers = event.jobs;
          reporter.event(event);
        },
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const stderr = reporter.finish(summary, workers);
    const exitCode = summary.interrupted ? 130 : summary.failed.length > 0 || summary.problems.length > 0 ? 1 : 0;
    return { exitCode, stderr };
  },
};
