/**
 * A build worker thread (run by piscina): compiles the schema once, keeps the compiled
 * stylesheets loaded (src/render), and builds one edition per task.
 */
import { compileTeikitSchema } from '../validate/index.js';
import type { EditionSource } from './editions.js';
import { failedOutcome, type EditionOutcome } from './outcome.js';
import { buildEdition } from './pipeline.js';

export interface BuildTask {
  edition: EditionSource;
  toolchain: string;
  /** Replace files at the outputs' names that teikit has no record of writing (--force). */
  force: boolean;
}

const schema = await compileTeikitSchema();

export default function buildTask({ edition, toolchain, force }: BuildTask): EditionOutcome {
  const started = performance.now();
  try {
    return buildEdition(edition, toolchain, schema, { force });
  } catch (error) {
    // One edition's unexpected failure (a bug, a full disk) must not stop the others.
    return failedOutcome(edition, error instanceof Error ? error.message : String(error), performance.now() - started);
  }
}
