/**
 * A build worker thread (run by piscina): compiles the schema once, keeps the compiled
 * stylesheets loaded (src/render), and builds one edition per task.
 */
import { compileTeikitSchema } from '../validate/index.js';
import type { EditionSource } from './editions.js';
import { buildEdition, type EditionOutcome } from './pipeline.js';

export interface BuildTask {
  edition: EditionSource;
  toolchain: string;
}

const schema = await compileTeikitSchema();

export default function buildTask({ edition, toolchain }: BuildTask): EditionOutcome {
  const started = performance.now();
  try {
    return buildEdition(edition, toolchain, schema);
  } catch (error) {
    // One edition's unexpected failure (a bug, a full disk) must not stop the others.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      key: edition.key,
      status: 'failed',
      milliseconds: performance.now() - started,
      diagnostics: [
        {
          file: edition.source.path,
          severity: 'error',
          source: 'teikit:cli',
          ruleId: 'build/internal-error',
          reason: `teikit failed on this edition: ${detail}.`,
          note: 'If the message is not about your files (disk full, permissions), this is a bug in teikit; please report it with the edition.',
        },
      ],
    };
  }
}
