import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FORMATS, portable, ROOT, runInProcess } from './cli-run.js';

// Each folder of test/fixtures is a case: its catalog (catalog.csv, or case.json's "input"), the
// arguments in case.json, and the expected output of each format beside it, with the exit code of each
// format in expected.exit-codes.json. To change behaviour on purpose, regenerate with UPDATE_GOLDEN=1 and
// review the diff in the same commit. The command runs in this process (`runInProcess`): the same
// outputs as the binary's, which test/cli.test.ts checks on the sample.
const FIXTURES = join(ROOT, 'test', 'fixtures');
const EXIT_CODES = 'expected.exit-codes.json';

for (const name of readdirSync(FIXTURES)) {
  const dir = join(FIXTURES, name);
  const spec = existsSync(join(dir, 'case.json'))
    ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { input?: string; args?: string[] })
    : {};
  const input = spec.input ?? relative(ROOT, join(dir, 'catalog.csv'));
  const codesPath = join(dir, EXIT_CODES);
  const codes: Record<string, number | null> = existsSync(codesPath)
    ? JSON.parse(readFileSync(codesPath, 'utf8'))
    : {};

  describe(`golden: ${name}`, () => {
    for (const [format, file] of GOLDEN_FORMATS) {
      it(`--format ${format} matches ${file}, with the exit code in ${EXIT_CODES}`, async () => {
        const run = await runInProcess([input, ...(spec.args ?? []), '--format', format], {
          env: { GITHUB_STEP_SUMMARY: '' },
        });
        expect(run.stderr).toBe('');
        const output = portable(run.stdout);
        const expectedPath = join(dir, file);
        if (process.env.UPDATE_GOLDEN) {
          writeFileSync(expectedPath, output);
          codes[format] = run.code;
          writeFileSync(codesPath, `${JSON.stringify(codes, null, 2)}\n`);
        }
        expect(output).toBe(readFileSync(expectedPath, 'utf8'));
        expect(run.code, `${EXIT_CODES}: ${format}`).toBe(codes[format]);
      });
    }
  });
}
