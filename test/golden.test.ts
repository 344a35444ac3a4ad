import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FORMATS, portable, ROOT, runCli } from './cli-run.js';

// Each folder of test/fixtures is a case: its catalog (catalog.csv, or case.json's "input"), the
// arguments in case.json, and the expected output of each format beside it. To change behaviour on
// purpose, regenerate with UPDATE_GOLDEN=1 and review the diff in the same commit.
const FIXTURES = join(ROOT, 'test', 'fixtures');

for (const name of readdirSync(FIXTURES)) {
  const dir = join(FIXTURES, name);
  const spec = existsSync(join(dir, 'case.json'))
    ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { input?: string; args?: string[] })
    : {};
  const input = spec.input ?? relative(ROOT, join(dir, 'catalog.csv'));

  describe(`golden: ${name}`, () => {
    for (const [format, file] of GOLDEN_FORMATS) {
      it(`--format ${format} matches ${file}`, () => {
        const run = runCli([input, ...(spec.args ?? []), '--format', format], {
          env: { GITHUB_STEP_SUMMARY: '' },
        });
        expect(run.stderr).toBe('');
        const output = portable(run.stdout);
        const expectedPath = join(dir, file);
        if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, output);
        expect(output).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  });
}
