import { describe, expect, it } from 'vitest';
import { runInProcess } from '../cli-run.js';

// Cases 5 and 6 of the safety issue, through the command: one odd byte is a finding on its cell, not a
// refused file; an encoding the detection is not sure of is said, with the --encoding to try.

const findings = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as {
          line?: number;
          sku?: string;
          findings?: { rule: string; message: string; field: string }[];
        },
    )
    .filter((record) => record.sku !== undefined)
    .map((record) => ({
      line: record.line,
      control: (record.findings ?? [])
        .filter((f) => f.rule === 'control-character')
        .map((f) => `${f.field}: ${f.message}`),
    }));

describe('control characters', () => {
  it('are a finding on their cell, with the column and the place; the file is read whole', async () => {
    const big = 'z'.repeat(200_000); // a quoted cell over several chunks: the flag survives a record parsed again
    const csv = [
      'sku,title\x0b,note',
      'A1,USB\x00 cable,ok',
      `A2,"two\nlines\x0c here","${big}"`,
      `A3,"${big}",late\x01`,
      'A4,clean,clean',
    ].join('\n');
    const run = await runInProcess(['-', '--format', 'ndjson', '--as-of', '2026-11-23'], { input: csv });
    expect(run.code).not.toBe(2);
    expect(findings(run.stdout)).toEqual([
      {
        line: 2,
        control: [
          'title: the header of column 2 holds a control character (VT (vertical tab), U+000B) at character 6; remove it',
          'title: title\x0b holds a control character (NUL, U+0000) at character 4; remove it',
        ],
      },
      {
        line: 3,
        control: [
          'title: title\x0b holds a control character (FF (form feed), U+000C) at character 10; remove it',
        ],
      },
      { line: 5, control: ['note: note holds a control character (U+0001) at character 5; remove it'] },
      { line: 6, control: [] },
    ]);
  });

  it('a file that is mostly control bytes is still not text', async () => {
    const run = await runInProcess(['-', '--format', 'json'], {
      input: Buffer.from([0x73, 0x6b, 0x75, 0x0a, 0x01, 0x02, 0x03, 0x00, 0x04, 0x05]),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not text: line 2, byte 4 is 0x01, and so are many others/);
  });
});

describe('an encoding the detection is not sure of', () => {
  // Latin-1 with two non-ASCII bytes: Central European reads them as well.
  const latin1 = Buffer.from('sku,title,weight_kg\nA-1,Caf\xe9 \xa9 mug,0.1\n', 'latin1');

  it('is said on stderr and in the JSON, with the --encoding to try', async () => {
    const run = await runInProcess(['-', '--format', 'json', '--as-of', '2026-11-23'], { input: latin1 });
    const doubt =
      'the encoding windows-1252 is a guess (only 2 non-ASCII bytes; ISO-8859-2 (Central European) also fits); if the text looks wrong, run again with --encoding iso-8859-2';
    expect(run.stderr).toBe(`channel-audit: warning: ${doubt}\n`);
    const { input, skus } = JSON.parse(run.stdout);
    expect(input).toMatchObject({
      encoding: 'windows-1252',
      encodingConfidence: 'doubtful',
      encodingDoubt: doubt,
    });
    expect(skus[0].sku).toBe('A-1');
    const mapping = await runInProcess(['-', '--print-mapping'], { input: latin1 });
    expect(mapping.stdout).toContain('windows-1252 (a guess)');
    expect(mapping.stdout).toContain(`doubtful:\n  ${doubt}`);
  });

  it('is certain, and silent, when named', async () => {
    const run = await runInProcess(
      ['-', '--format', 'json', '--encoding', 'latin1', '--as-of', '2026-11-23'],
      {
        input: latin1,
      },
    );
    expect(run.stderr).toBe('');
    const { input } = JSON.parse(run.stdout);
    expect(input.encodingConfidence).toBe('certain');
    expect(input.encodingDoubt).toBeUndefined();
  });
});
