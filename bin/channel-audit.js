#!/usr/bin/env node
import { run } from '../dist/cli.js';

process.exitCode = await run({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
