#!/usr/bin/env node
import { run } from '../dist/cli.js';

// Interrupted (Ctrl-C) while the progress bar hides the cursor and line wrapping: give them back.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\x1b[?7h\n');
    process.kill(process.pid, signal);
  });
}

process.exitCode = await run({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
