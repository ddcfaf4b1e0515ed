#!/usr/bin/env node
/** The teikit executable: the only place that writes the outcome and sets the exit code. */
import { runCli } from './run.js';

// A reader that stops early (`teikit render … | head -1`) closes the pipe: the rest of the output
// is not wanted, which is no error (and no stack trace); the exit code is the command's own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
}

const outcome = await runCli(process.argv.slice(2));
process.exitCode = outcome.exitCode;
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
