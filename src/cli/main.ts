#!/usr/bin/env node
/** The teikit executable: the only place that writes the outcome and sets the exit code. */
import { runCli } from './run.js';

const outcome = await runCli(process.argv.slice(2));
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
