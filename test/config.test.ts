import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config/load-config.js';
import { ConfigError } from '../src/core/errors.js';
import { getExitCode } from '../src/audit/exit-code.js';

describe('config', () => {
  it('fills every default of docs/contract.md#configuration', () => {
    const config = parseConfig({});
    expect(config.size.preset).toBe('ae-light-small');
    expect(config.window).toMatchObject({
      baseHours: 72,
      extendedHours: 96,
      newProductDays: 30,
      effectiveFrom: '2024-09-09',
    });
    expect(config.variety.highVarietySkus).toBe(6);
    expect(config.categories.nonStandard).toContain('earrings');
    expect(config.categories.standard).toContain('power banks');
    expect(config.report).toEqual({ examplesPerRule: 5, worstSkus: 10 });
  });

  it.each([
    [{ colour: 'red' }, 'unknown key "colour"; allowed here: $schema, policy, size'],
    [{ size: { maxWeight: 2 } }, 'unknown key "size.maxWeight"; allowed here: preset, maxWeightKg'],
    [
      { size: { preset: 'ups' } },
      '"size.preset" must be one of "ae-light-small", "amazon-us-small-standard", "amazon-eu-small-parcel"',
    ],
    [
      { rules: { 'duplicate-sku': 'fatal' } },
      '"rules.duplicate-sku" must be one of "error", "warning", "info", "off"',
    ],
    [{ rules: { 'no-such-rule': 'off' } }, 'rules'],
    [{ window: { baseHours: -1 } }, '"window.baseHours"'],
    [{ window: { effectiveFrom: '9 Sep 2024' } }, '"window.effectiveFrom"'],
    [
      { window: { effectiveFrom: '2024-13-01' } },
      '"window.effectiveFrom" a real calendar date as YYYY-MM-DD',
    ],
  ])('rejects %j with one line naming the key', (input, expected) => {
    let message = '';
    try {
      parseConfig(input, 'channel-audit.config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });

  it('reads channel-audit.config.json from the working directory, and --config FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ca-config-'));
    expect((await loadConfig({ cwd: dir })).path).toBeNull();
    writeFileSync(
      join(dir, 'channel-audit.config.json'),
      JSON.stringify({ variety: { highVarietySkus: 3 } }),
    );
    expect((await loadConfig({ cwd: dir })).config.variety.highVarietySkus).toBe(3);
    writeFileSync(join(dir, 'other.json'), '{\n  "rules": {},\n}\n');
    await expect(loadConfig({ cwd: dir, path: 'other.json' })).rejects.toThrow(
      /other\.json is not valid JSON at line 3, column 1 \([^\n]*\); fix it, or write a new one with channel-audit init$/,
    );
    await expect(loadConfig({ cwd: dir, path: 'missing.json' })).rejects.toThrow(/cannot read config/);
  });
});

describe('getExitCode', () => {
  const counts = (error: number, warning: number, info: number) => ({ error, warning, info });
  it.each([
    ['error', counts(0, 5, 5), 0],
    ['error', counts(1, 0, 0), 1],
    ['warning', counts(0, 1, 0), 1],
    ['warning', counts(0, 0, 9), 0],
    ['info', counts(0, 0, 1), 1],
    ['info', counts(0, 0, 0), 0],
    ['none', counts(9, 9, 9), 0],
  ] as const)('--fail-on %s with %j → %i', (failOn, findings, code) => {
    expect(getExitCode(findings, failOn)).toBe(code);
  });
});
