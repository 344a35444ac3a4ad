import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCase, type FuzzCase } from './generate.mjs';
import { BIN, FORBIDDEN, runCase, type CaseResult } from './run.mjs';

// A small seeded slice of the fuzz run (`npm run fuzz`, test/fuzz/run.mjs): damaged CSVs, .xlsx and .xls
// workbooks through the built binary, each run in its own process with a private TMPDIR. Every run must
// end with 0, 1 or 2, within the timeout, without a stack trace or an internal error on stderr, leave
// nothing in its TMPDIR nor a .tmp file beside its --out target, and leave its input unchanged.
// A failing case is reproduced alone with `node test/fuzz/generate.mjs --seed SEED --case N --dir DIR`
// and the command the assertion message prints.

const SEED = 20261123;
const CASES = 32;
const JOBS = 2;

const work = mkdtempSync(join(tmpdir(), 'ca-fuzz-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const results = new Map<number, CaseResult>();

beforeAll(async () => {
  const indexes = Array.from({ length: CASES }, (_, i) => i);
  const worker = async () => {
    for (let index = indexes.shift(); index !== undefined; index = indexes.shift()) {
      const testCase = await generateCase(SEED, index);
      results.set(index, await runCase(testCase, { workRoot: work, bin: BIN, timeoutMs: 20_000 }));
    }
  };
  await Promise.all(Array.from({ length: JOBS }, worker));
}, 120_000);

const describeCase = (c: FuzzCase, r: CaseResult) =>
  `seed ${c.seed} case ${c.index} (${c.kind} from ${c.base}: ${c.mutations.join(' + ')}); ` +
  `channel-audit ${r.args.join(' ')} → ${r.timedOut ? 'timeout' : (r.signal ?? r.code)}\n${r.stderr.slice(0, 2000)}`;

describe(`fuzz slice: seed ${SEED}, ${CASES} damaged inputs`, () => {
  it('the generator is deterministic', async () => {
    for (const index of [0, 1, 2, 3]) {
      const [a, b] = await Promise.all([generateCase(SEED, index), generateCase(SEED, index)]);
      expect(a.bytes.equals(b.bytes)).toBe(true);
      expect(a.mutations).toEqual(b.mutations);
    }
    expect((await generateCase(SEED, 0)).bytes.equals((await generateCase(SEED + 1, 0)).bytes)).toBe(false);
  });

  it.each(Array.from({ length: CASES }, (_, i) => i))('case %i', (index) => {
    const r = results.get(index);
    expect(r, 'the case ran').toBeDefined();
    if (!r) return;
    const what = describeCase(r.testCase, r);
    expect(r.timedOut, `hang: ${what}`).toBe(false);
    expect(r.signal, what).toBeNull();
    expect([0, 1, 2], `exit code: ${what}`).toContain(r.code);
    for (const [name, pattern] of FORBIDDEN)
      expect(r.stderr, `stderr shows ${name}: ${what}`).not.toMatch(pattern);
    // The temp folder, the .tmp files beside --out and the input's hash (run.mjs checks them).
    expect(r.problems, what).toEqual([]);
  });
});
