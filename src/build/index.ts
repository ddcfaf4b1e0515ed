/**
 * The build: every edition of a corpus through the whole pipeline, in worker threads, only
 * where something changed. The main thread plans (hashes inputs, reads state records), hands
 * stale editions to a pool of workers, reports their outcomes in edition order whatever order
 * they finish in, and writes each corpus folder's catalogue.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Diagnostic } from '../diagnostics.js';
import { CATALOGUE_FILE, writeCatalogue, type CatalogueResult } from './catalogue/index.js';
import { linkCorpus, readingOrder } from './navigation.js';
import { displayPath, findEditions, markedByTeikit, removeLeftovers, shardOf, type EditionSource } from './editions.js';
import { failedOutcome, type EditionOutcome } from './outcome.js';
import { readEditionInputs, readState, staleness, toolchainFingerprint } from './state.js';
import type { BuildTask } from './worker.js';

export { findEditions, shardOf, type EditionSource } from './editions.js';
export type { EditionOutcome } from './outcome.js';
export type { CatalogueResult } from './catalogue/index.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface BuildOptions {
  /** Corpus folders (or single edition folders). */
  directories: readonly string[];
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  /** Rebuild every edition, changed or not, replacing files at the outputs' names that teikit has no record of writing. */
  force?: boolean;
  /** Build sources and manifests that are links to files outside the corpus folder. */
  allowExternalLinks?: boolean;
  /** An edition still building after this many seconds fails (its worker is stopped); default DEFAULT_EDITION_TIMEOUT. */
  timeoutSeconds?: number;
  shard?: Shard;
  onEvent?: (event: BuildEvent) => void;
  /** Aborting stops handing out editions and terminates the workers. */
  signal?: AbortSignal;
}

export type BuildEvent =
  | { type: 'planned'; editions: number; stale: number; jobs: number }
  /** An edition finished (in whatever order the workers finish): for progress bars. */
  | { type: 'finished'; key: string; done: number; total: number }
  /** An edition's outcome, in edition order. */
  | { type: 'outcome'; edition: EditionSource; outcome: EditionOutcome };

export interface BuildSummary {
  /** Editions found (in this shard). */
  editions: number;
  /** Editions found in all shards (the same as `editions` without --shard). */
  found: number;
  built: number;
  skipped: number;
  failed: string[];
  warnings: number;
  errors: number;
  /** Problems found before building (e.g. a folder with two TEI files). */
  problems: Diagnostic[];
  catalogues: CatalogueResult[];
  interrupted: boolean;
  milliseconds: number;
}

/** Compiled worker module (dist/build/worker.js), the same path from src/ and from dist/. */
const WORKER = fileURLToPath(new URL('../../dist/build/worker.js', import.meta.url));

/**
 * The heap of a build worker. A cap makes V8 collect early: uncapped, each worker's heap grew
 * to several times what it holds (two workers: 573 MB peak, 316 MB capped). An old generation
 * of 128 MB holds any record of the genre (10–200 KB) with room to spare, never below 48 MB
 * (loading the stages takes about 35); a young generation of 32 MB, against 16, was 15% faster
 * (SaxonJS allocates many short-lived objects) for 15% more memory (150 editions: 11.9 → 10.1 s,
 * 308 → 356 MB).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: Math.max(48, Number(process.env.TEIKIT_WORKER_HEAP_MB) || 128), maxYoungGenerationSizeMb: 32 };

/**
 * Seconds an edition may take before it fails: a pathological one must not stall a build (and
 * CI) for ever. A 20 MB record converts in about 3 s; the renders of the largest real records
 * take seconds, so this leaves a wide margin.
 */
export const DEFAULT_EDITION_TIMEOUT = 300;

/** Editions planned between two chances for a signal handler to run. */
const PLANNING_BATCH = 20;

export function defaultJobs(): number {
  return availableParallelism();
}

export async function build(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const emit = options.onEvent ?? ((): void => undefined);
  const roots = [...new Set(options.directories.map((directory) => resolve(directory)))];
  const discovery = findEditions(roots, { allowExternalLinks: options.allowExternalLinks === true });
  const editions = options.shard
    ? discovery.editions.filter((edition) => shardOf(edition, options.shard!.count) === options.shard!.index)
    : discovery.editions;
  const toolchain = toolchainFingerprint();

  // Plan: which editions need building. Reads only sources, manifests and state records, and
  // yields now and then, so that Ctrl-C is heard while a large corpus is read.
  const stale: EditionSource[] = [];
  let planned = 0;
  for (const edition of editions) {
    if (planned % PLANNING_BATCH === PLANNING_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) break;
    if (options.force || staleness(edition, readEditionInputs(edition, toolchain).inputs, readState(edition.directory)) !== undefined) stale.push(edition);
    planned += 1;
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), stale.length));
  // Stopped while planning: nothing was built, and the editions not yet read are not "up to date".
  if (!options.signal?.aborted) emit({ type: 'planned', editions: editions.length, stale: stale.length, jobs: stale.length === 0 ? 0 : jobs });

  const summary: BuildSummary = {
    editions: editions.length,
    found: discovery.editions.length,
    built: 0,
    skipped: planned - stale.length,
    failed: [],
    warnings: 0,
    errors: 0,
    problems: discovery.problems,
    catalogues: [],
    interrupted: false,
    milliseconds: 0,
  };
  summary.errors += discovery.problems.length;

  if (stale.length > 0 && !options.signal?.aborted) await runPool(stale, { toolchain, force: options.force === true }, { jobs, timeoutSeconds: options.timeoutSeconds ?? DEFAULT_EDITION_TIMEOUT }, options.signal, emit, summary);
  summary.interrupted = options.signal?.aborted === true;

  // A shard sees only part of the corpus, and an interrupted build only part of the work.
  if (!options.shard && !summary.interrupted) {
    for (const root of roots) {
      const members = discovery.editions.filter((edition) => edition.root === root);
      const isCollection = members.length > 0 && !members.some((edition) => edition.directory === root);
      if (!isCollection) continue;
      const catalogue = join(root, CATALOGUE_FILE);
      if (!options.force && existsSync(catalogue) && !markedByTeikit(catalogue)) {
        summary.problems.push({
          file: displayPath(catalogue),
          severity: 'error',
          source: 'teikit:input',
          ruleId: 'build/foreign-output',
          reason: `${CATALOGUE_FILE} is in the corpus folder and was not written by teikit: the catalogue would replace it.`,
          note: 'Move the file elsewhere, or build with --force to replace it.',
        });
        summary.errors += 1;
        continue;
      }
      try {
        const order = readingOrder(members);
        const unlinked = linkCorpus(root, CATALOGUE_FILE, order);
        summary.problems.push(...unlinked);
        summary.errors += unlinked.length;
        const written = writeCatalogue(root, order, toolchain);
        summary.catalogues.push(written);
        if (written.problem) {
          summary.problems.push(written.problem);
          summary.errors += 1;
        }
      } catch (error) {
        // A full disk or a read-only folder: the editions are built; the summary says what failed.
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        summary.problems.push({ file: displayPath(catalogue), severity: 'error', source: 'teikit:input', ruleId: 'output/unwritable', reason: `The catalogue cannot be written (${code}); the previous one, if any, is unchanged.` });
        summary.errors += 1;
      }
    }
  }
  summary.milliseconds = performance.now() - started;
  return summary;
}

async function runPool(
  stale: readonly EditionSource[],
  task: Omit<BuildTask, 'edition'>,
  { jobs, timeoutSeconds }: { jobs: number; timeoutSeconds: number },
  signal: AbortSignal | undefined,
  emit: (event: BuildEvent) => void,
  summary: BuildSummary,
): Promise<void> {
  // Capped heaps (WORKER_HEAP); an edition too large for the cap is built again alone without one.
  const pool = new Piscina<BuildTask, EditionOutcome>({ filename: WORKER, minThreads: jobs, maxThreads: jobs, idleTimeout: Infinity, resourceLimits: WORKER_HEAP });
  // A worker that fails outside a task is replaced by piscina; its task, if any, fails below.
  pool.on('error', () => undefined);
  let roomy: Piscina<BuildTask, EditionOutcome> | undefined;
  const buildOne = async (edition: EditionSource): Promise<EditionOutcome> => {
    const started = performance.now();
    // Aborting a running task stops its worker (piscina starts another).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutSeconds * 1000);
    try {
      return await pool.run({ edition, ...task }, { signal: deadline.signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      if (deadline.signal.aborted) {
        const reason = `Building this edition took longer than ${timeoutSeconds} s; it was stopped.`;
        const note = 'Look for what makes it unusual (size, a very long line); --timeout SECONDS allows more time.';
        return { key: edition.key, status: 'failed', milliseconds: performance.now() - started, diagnostics: [{ file: displayPath(edition.source.path), severity: 'error', source: 'teikit:cli', ruleId: 'build/timeout', reason, note }] };
      }
      try {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
        roomy ??= new Piscina<BuildTask, EditionOutcome>({ filename: WORKER, minThreads: 1, maxThreads: 1 });
        const outcome = await roomy.run({ edition, ...task });
        const reason = `This edition needed more than the ${WORKER_HEAP.maxOldGenerationSizeMb} MB heap of a build worker; it was built again alone, without that limit.`;
        const note = 'Nothing to fix in the edition; set TEIKIT_WORKER_HEAP_MB higher if many editions are this large.';
        return { ...outcome, diagnostics: [...outcome.diagnostics, { file: displayPath(edition.source.path), severity: 'info', source: 'teikit:cli', ruleId: 'build/large-edition', reason, note }] };
      } catch (failure) {
        return failedOutcome(edition, `its worker stopped (${failure instanceof Error ? failure.message : String(failure)})`, performance.now() - started);
      }
    } finally {
      clearTimeout(timer);
    }
  };
  const onAbort = (): void => {
    void pool.destroy();
    void roomy?.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Outcomes wait here until every edition before them has been reported.
  const waiting = new Map<number, EditionOutcome>();
  let nextToReport = 0;
  let done = 0;
  const report = (index: number, outcome: EditionOutcome): void => {
    waiting.set(index, outcome);
    emit({ type: 'finished', key: outcome.key, done: ++done, total: stale.length });
    while (waiting.has(nextToReport)) {
      const ready = waiting.get(nextToReport)!;
      waiting.delete(nextToReport);
      if (ready.status === 'built') summary.built += 1;
      else summary.failed.push(ready.key);
      for (const diagnostic of ready.diagnostics) {
        if (diagnostic.severity === 'warning') summary.warnings += 1;
        if (diagnostic.severity === 'error') summary.errors += 1;
      }
      emit({ type: 'outcome', edition: stale[nextToReport]!, outcome: ready });
      nextToReport += 1;
    }
  };
  // A bounded window of editions in flight or waiting to be reported keeps memory flat however
  // large the corpus, even behind one slow edition.
  const window = jobs * 4;
  let next = 0;
  const inFlight = new Set<Promise<void>>();
  try {
    while (next < stale.length && !signal?.aborted) {
      const index = next++;
      const task = buildOne(stale[index]!)
        .then((outcome) => report(index, outcome))
        .catch((error: unknown) => {
          if (!signal?.aborted) throw error;
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      while (inFlight.size > 0 && inFlight.size + waiting.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all([pool.destroy(), roomy?.destroy()]);
    // Workers stopped mid-write leave temporary files; the renames never happened, so the outputs are whole.
    if (signal?.aborted) for (const edition of stale) removeLeftovers(edition.directory, true);
  }
}
