/** The schemas that ship with teikit, resolved inside the installed package (dist/ or src/ alike). */
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIRECTORY = fileURLToPath(new URL('../schema/', import.meta.url));

export const BUNDLED_SCHEMAS = {
  /** RELAX NG grammar of the TEI teikit writes. */
  rng: `${SCHEMA_DIRECTORY}teikit.rng`,
  /** The rule set as ISO Schematron, for XML editors (teikit runs src/validate/rules.ts). */
  sch: `${SCHEMA_DIRECTORY}teikit.sch`,
  /** JSON Schema of edition.json. */
  manifest: `${SCHEMA_DIRECTORY}edition.schema.json`,
  /** The official TEI P5 schema, all modules (release named in README, "tei_all.rng"). */
  teiAll: `${SCHEMA_DIRECTORY}tei_all.rng`,
} as const;
