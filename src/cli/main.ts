#!/usr/bin/env node
import { runCli } from './program';

// A reader that stops early (`sagemaker-gitops models ... | head`) closes the pipe, and the rest of
// the output has nowhere to go: the command ends there, quietly, rather than with Node's stack trace
// of an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') {
      throw err;
    }
    process.exit();
  });
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
