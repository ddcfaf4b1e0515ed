import { readFileSync } from 'node:fs';

/** teikit's version, from package.json (one place to change it). */
export const TEIKIT_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
