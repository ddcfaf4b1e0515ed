#!/usr/bin/env node
// Compile the JSON Schema of edition.json (schema/edition.schema.json) into a standalone
// validator module, dist/manifest-validator.cjs, once, at build time (`npm run build`): teikit
// then never compiles the schema at run time (measured: 66–81 ms to load ajv and compile, 3 ms to load the compiled validator).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, code: { source: true } });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync('schema/edition.schema.json', 'utf8')));
mkdirSync('dist', { recursive: true });
writeFileSync('dist/manifest-validator.cjs', standaloneCode(ajv, validate));
