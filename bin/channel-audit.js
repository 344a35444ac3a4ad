#!/usr/bin/env node
// The command: wires the process (arguments, streams, signals) to `run`, which does the rest.
let cli;
let temp;
try {
  [cli, temp] = await Promise.all([import('../dist/cli/cli.js'), import('../dist/core/temp-files.js')]);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  process.stderr.write('channel-audit: this checkout is not built yet: run npm install (or npm run build)\n');
  process.exit(2);
}

// Ctrl-C or SIGTERM: the terminal gets back the cursor and line wrapping the progress bar hides, every
// temporary file of the run is removed, and the process stops as the signal would (exit 130, 143).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\x1b[?7h\n');
    temp.removeAllTempSync();
    process.kill(process.pid, signal);
  });
}
process.once('exit', () => temp.removeAllTempSync());
// A reader that goes away (`--help | head -1`) is not a failure; the outputs stop writing to it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await cli.run({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
