import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUNDLED_SCHEMAS } from '../schemas.js';
import type { CompiledSchema, RuleScope, ValidationResult } from '../validate/index.js';
import { unreadableFolder } from '../io.js';
import { fails, formatValidationRun, REPORT_FORMATS, type ReportFormat } from '../validate/report.js';
import type { Command, CommandOutcome } from './command.js';
import { UsageError } from './errors.js';

const GLOB_CHARACTERS = /[*?[\]{}]/;
const RULE_CHOICES = ['teikit', 'generic', 'none'] as const;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** In a folder: TEI files (*.xml) and edition manifests (edition.json), recursively, sorted; folders that cannot be read apart. */
function filesInDirectory(directory: string, unreadable: ValidationResult[]): string[] {
  const found: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    unreadable.push({ path: directory, kind: 'tei', diagnostics: [unreadableFolder(directory, error)], valid: false });
    return found;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) found.push(...filesInDirectory(path, unreadable));
    } else if (entry.name.endsWith('.xml') || entry.name === 'edition.json') {
      found.push(path);
    }
  }
  return found;
}

async function expandArguments(targets: readonly string[], unreadable: ValidationResult[]): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    if (GLOB_CHARACTERS.test(target) && !isPath(target)) {
      // Loaded only for a quoted glob: the shell expands the usual ones.
      const { glob } = await import('tinyglobby');
      const matches = (await glob(target, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) throw new UsageError(`No file matches "${target}".`);
      files.push(...matches);
    } else if (isDirectory(target)) {
      const inside = filesInDirectory(target, unreadable);
      if (inside.length === 0 && unreadable.length === 0) throw new UsageError(`The folder "${target}" holds no .xml file and no edition.json.`);
      files.push(...inside);
    } else {
      files.push(target);
    }
  }
  return [...new Set(files)];
}

function isPath(target: string): boolean {
  try {
    statSync(target);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `teikit` (ours), `tei_all` (the official schema shipped in schema/, or another release named by
 * $TEIKIT_TEI_ALL) or a .rng path.
 */
function schemaPath(option: string): string {
  if (option === 'teikit') return BUNDLED_SCHEMAS.rng;
  if (option === 'tei_all') {
    const override = process.env.TEIKIT_TEI_ALL;
    if (override && !existsSync(override)) {
      throw new UsageError(`TEIKIT_TEI_ALL names "${override}", which does not exist: point it at a tei_all.rng, or unset it to use the release shipped with teikit.`);
    }
    return override || BUNDLED_SCHEMAS.teiAll;
  }
  if (!option.endsWith('.rng')) throw new UsageError(`--schema must be teikit, tei_all or a RELAX NG file (.rng, XML syntax); got "${option}".`);
  return option;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Validate TEI files (RELAX NG + rules) and edition.json manifests, for CI',
  usage: 'teikit validate FILE|DIR|GLOB… [--schema teikit|tei_all|PATH.rng] [--rules teikit|generic|none] [--format text|json|junit|github] [--strict]',
  positionals: [0, Number.POSITIVE_INFINITY],
  options: {
    schema: { type: 'string', valueName: 'SCHEMA', description: 'RELAX NG schema for TEI files: teikit (default; all rules), tei_all (the official TEI P5 schema shipped with teikit; $TEIKIT_TEI_ALL for another release) or a .rng file (generic rules only)' },
    format: { type: 'string', valueName: 'FORMAT', description: 'Report format (stdout)', choices: REPORT_FORMATS },
    strict: { type: 'boolean', description: 'Warnings fail the validation too' },
    quiet: { type: 'boolean', short: 'q', description: 'Text format: show errors only' },
    rules: { type: 'string', valueName: 'RULES', description: 'Rules to run besides the schema: teikit (generic and teikit rules, as errors; the default with --schema teikit), generic (as errors), none. With another schema the default is the generic rules as warnings, so that the schema alone gives the verdict', choices: RULE_CHOICES },
    'list-rules': { type: 'boolean', description: 'List the rules (id, scope, severity, what they check) and exit' },
  },
  async run(targets, values): Promise<CommandOutcome> {
    if (values['list-rules'] === true) {
      const { TEI_RULES } = await import('../validate/rules.js');
      return { exitCode: 0, stdout: TEI_RULES.map((rule) => `${rule.id.padEnd(28)}${rule.scope.padEnd(9)}${rule.severity.padEnd(9)}${rule.description}`).join('\n') + '\n' };
    }
    if (targets.length === 0) throw new UsageError(`Missing argument. Usage: ${validateCommand.usage}`);
    const schemaOption = typeof values.schema === 'string' ? values.schema : 'teikit';
    const path = schemaPath(schemaOption);
    const rulesOption = typeof values.rules === 'string' ? values.rules : undefined;
    const rules: RuleScope[] = (rulesOption ?? (schemaOption === 'teikit' ? 'teikit' : 'generic')) === 'teikit' ? ['generic', 'teikit'] : rulesOption === 'none' ? [] : ['generic'];
    // Another project's TEI: its pointers may lead into files not given, so by default the rules only advise.
    const advisoryRules = rulesOption === undefined && schemaOption !== 'teikit';
    const unreadable: ValidationResult[] = [];
    const files = await expandArguments(targets, unreadable);
    // Loaded when the command runs: the validator's modules are the largest part of its start-up.
    const { compileSchema, SchemaError, validateFile } = await import('../validate/index.js');
    let schema: CompiledSchema;
    try {
      schema = await compileSchema(path);
    } catch (error) {
      if (error instanceof SchemaError) return { exitCode: 2, stderr: `teikit: ${error.message}\n` };
      throw error;
    }
    const validated = files.map((file) => validateFile(file, { schema, rules, advisoryRules }));
    // The documents a file includes (a teiCorpus's members) are validated too, once, each as a file of its own.
    const seen = new Set(files.map((file) => resolve(file)));
    for (let index = 0; index < validated.length; index++) {
      for (const included of validated[index]!.includes ?? []) {
        if (seen.has(included)) continue;
        seen.add(included);
        validated.push(validateFile(relative(process.cwd(), included) || included, { schema, rules, advisoryRules }));
      }
    }
    const results = [...unreadable, ...validated];
    const strict = values.strict === true;
    const format = (typeof values.format === 'string' ? values.format : 'text') as ReportFormat;
    const stdout = formatValidationRun({ results, schema: path, strict }, format, { quiet: values.quiet === true });
    return { exitCode: results.some((result) => fails(result, strict)) ? 1 : 0, stdout };
  },
};
