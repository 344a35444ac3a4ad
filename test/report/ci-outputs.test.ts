import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { ORDER_RULES } from '../../src/policy/order-rules/index.js';
import { RULE_IDS } from '../../src/policy/rules/index.js';
import { shouldUseColor } from '../../src/report/color.js';
import { ROOT, runInProcess } from '../cli-run.js';
import { validateSarif } from '../sarif-schema.js';

const SAMPLE = 'fixtures/sample-catalog.csv';
const AS_OF = ['--as-of', '2026-11-23'];
const tmp = () => mkdtempSync(join(tmpdir(), 'ca-ci-'));
const ESC = '\u001b[';
/** Both audits' rules, catalog first: the order `rules` lists them in and `init` writes them in. */
const ALL_RULE_IDS = [...RULE_IDS, ...ORDER_RULES.map((rule) => rule.id)];

describe('SARIF', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed report, examined by path
  let sarif: any;
  beforeAll(async () => {
    sarif = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'sarif'])).stdout);
  });

  it('links the rules to where their pages are published, with report.docsUrl', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ report: { docsUrl: 'https://docs.example.org/channel-audit/rules/' } }),
    );
    const out = JSON.parse(
      (await runInProcess([SAMPLE, ...AS_OF, '--format', 'sarif', '--config', join(dir, 'c.json')])).stdout,
    );
    expect(out.runs[0].tool.driver.rules[0].helpUri).toBe(
      'https://docs.example.org/channel-audit/rules/malformed-row.md',
    );
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validateSarif(sarif)).toEqual([]);
  });

  it('is checked with the formats of the schema: a helpUri that is no URI, a time that is no time, fail', () => {
    const bad = structuredClone(sarif);
    bad.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/malformed-row.md';
    bad.runs[0].invocations = [{ executionSuccessful: true, startTimeUtc: '2026-11-31T10:00:00Z' }];
    bad.runs[0].artifacts = [{ location: { uri: 'fixtures/sample catalog.csv' } }];
    expect(validateSarif(bad).map((e) => (e as { params: { format: string } }).params.format)).toEqual([
      'uri',
      'date-time',
      'uri-reference',
    ]);
  });

  it('lists every rule with a help URI to its doc page, and one result per finding', async () => {
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULE_IDS);
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(rule.help.markdown).toMatch(new RegExp(`^# ${rule.id}\\n`));
    }
    const json = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json'])).stdout);
    const findings = json.skus.flatMap((s: { line: number; findings: { rule: string }[] }) =>
      s.findings.map((f) => [f.rule, s.line]),
    );
    const results = sarif.runs[0].results.map(
      (r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [
        r.ruleId,
        r.locations[0]?.physicalLocation.region.startLine,
      ],
    );
    expect(results).toEqual(findings);
  });

  it('fingerprints a finding by rule and SKU, not by line: moving rows keeps them (rows with no SKU have only their line)', async () => {
    const dir = tmp();
    const lines = readFileSync(join(ROOT, SAMPLE), 'utf8').trimEnd().split('\n');
    const [header, ...rows] = lines;
    // Move the last simple row to the top: every line number below it changes.
    const moved = [header, rows[rows.length - 3], ...rows.slice(0, -3), ...rows.slice(-2)].join('\n');
    writeFileSync(join(dir, 'moved.csv'), `${moved}\n`);
    const prints = async (file: string) =>
      new Set(
        JSON.parse((await runInProcess([file, ...AS_OF, '--format', 'sarif'])).stdout)
          .runs[0].results.filter((r: { properties: { sku: string | null } }) => r.properties.sku !== null)
          .map(
            (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['channelAudit/v1'],
          ),
      );
    expect(await prints(join(dir, 'moved.csv'))).toEqual(await prints(SAMPLE));
  });
});

describe('exit codes (docs/contract.md#exit-codes): --fail-on × --max-warnings × --baseline', () => {
  // A catalog with exactly 1 warning (invalid-gtin) and 1 info (warehouse-candidate), no error.
  const dir = tmp();
  const file = join(dir, 'warn.csv');
  writeFileSync(
    file,
    'product_id,sku,category,gtin,weight_kg,length_cm,width_cm,height_cm,handling_days,listed_at,channel\nP,S,Cables,4006381333932,0.1,10,5,2,2,2025-01-01,pop\n',
  );
  const errorFile = join(dir, 'error.csv');
  writeFileSync(
    errorFile,
    'product_id,sku,category,gtin,weight_kg,length_cm,width_cm,height_cm,handling_days,listed_at,channel\nP,S,Cables,4006381333932,0.1,10,5,2,5,2025-01-01,pop\n',
  );
  const baseline = join(dir, 'baseline.json');
  beforeAll(async () => {
    writeFileSync(baseline, (await runInProcess([file, ...AS_OF, '--format', 'json'])).stdout);
  });

  it.each([
    // [file, extra args, exit code]
    ['warn', [], 0],
    ['warn', ['--fail-on', 'warning'], 1],
    ['warn', ['--fail-on', 'info'], 1],
    ['warn', ['--fail-on', 'none'], 0],
    ['warn', ['--max-warnings', '0'], 1],
    ['warn', ['--max-warnings', '1'], 0],
    ['warn', ['--fail-on', 'none', '--max-warnings', '0'], 1],
    ['warn', ['--quiet', '--max-warnings', '0'], 1],
    ['warn', ['--quiet', '--fail-on', 'error'], 0],
    ['warn', ['--baseline', 'BASELINE', '--fail-on', 'info'], 0],
    ['warn', ['--baseline', 'BASELINE', '--max-warnings', '0'], 0],
    ['error', [], 1],
    ['error', ['--fail-on', 'none'], 0],
    ['error', ['--baseline', 'BASELINE'], 1],
    ['error', ['--baseline', 'BASELINE', '--fail-on', 'warning'], 1],
    ['error', ['--baseline', 'BASELINE', '--max-warnings', '0', '--fail-on', 'none'], 0],
  ] as const)('%s.csv %j → %i', async (which, args, code) => {
    const run = await runInProcess([
      which === 'warn' ? file : errorFile,
      ...AS_OF,
      ...args.map((a) => (a === 'BASELINE' ? baseline : a)),
    ]);
    const tooManyWarnings = args.some((a) => a === '--max-warnings') && code === 1 && which === 'warn';
    expect(run.stderr).toBe(tooManyWarnings ? 'channel-audit: 1 warnings, more than --max-warnings 0\n' : '');
    expect(run.code).toBe(code);
  });

  it('rejects a bad --max-warnings and a baseline that is not a report, with exit 2', async () => {
    expect((await runInProcess([file, '--max-warnings', '-1'])).code).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const run = await runInProcess([file, '--baseline', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--baseline .*bad\.json: not a channel-audit JSON or NDJSON report/);
  });
});

describe('--baseline', () => {
  it('counts new, unchanged and fixed findings, matched by rule and SKU', async () => {
    const dir = tmp();
    const before = join(dir, 'before.csv');
    const after = join(dir, 'after.csv');
    const head = 'sku,category,gtin,weight_kg,length_cm,width_cm,height_cm,handling_days,listed_at,channel\n';
    // A: bad GTIN (kept), B: bad GTIN (fixed later), C: fine (gets a bad GTIN later).
    writeFileSync(
      before,
      `${head}A,Cables,1,0.1,10,5,2,2,2025-01-01,jit\nB,Cables,2,0.1,10,5,2,2,2025-01-01,jit\nC,Cables,,0.1,10,5,2,2,2025-01-01,jit\n`,
    );
    writeFileSync(
      after,
      `${head}C,Cables,3,0.1,10,5,2,2,2025-01-01,jit\nB,Cables,,0.1,10,5,2,2,2025-01-01,jit\nA,Cables,1,0.1,10,5,2,2,2025-01-01,jit\n`,
    );
    const report = join(dir, 'before.json');
    writeFileSync(report, (await runInProcess([before, ...AS_OF, '--format', 'json'])).stdout);
    const json = JSON.parse(
      (await runInProcess([after, ...AS_OF, '--format', 'json', '--baseline', report])).stdout,
    );
    // invalid-gtin: A unchanged, B fixed, C new; warehouse-candidate: A, B, C unchanged.
    expect(json.summary.baseline).toMatchObject({ new: 1, unchanged: 4, fixed: 1 });
    expect(json.summary.baseline.newFindings).toEqual({ error: 0, warning: 1, info: 0 });
    const c = json.skus.find((s: { sku: string }) => s.sku === 'C');
    expect(c.findings.map((f: { rule: string; baseline: string }) => [f.rule, f.baseline])).toContainEqual([
      'invalid-gtin',
      'new',
    ]);
    // The same from an NDJSON baseline.
    const ndjson = join(dir, 'before.ndjson');
    writeFileSync(ndjson, (await runInProcess([before, ...AS_OF, '--format', 'ndjson'])).stdout);
    const again = JSON.parse(
      (await runInProcess([after, ...AS_OF, '--format', 'json', '--baseline', ndjson])).stdout,
    );
    expect(again.summary.baseline).toMatchObject({ new: 1, unchanged: 4, fixed: 1 });
    const sarif = JSON.parse(
      (await runInProcess([after, ...AS_OF, '--format', 'sarif', '--baseline', report])).stdout,
    );
    const table = (await runInProcess([after, ...AS_OF, '--baseline', report])).stdout;
    expect(table).toContain(
      `against ${report}: 1 new, 4 unchanged, 1 fixed — only new findings count for the exit code`,
    );
    const github = (await runInProcess([after, ...AS_OF, '--format', 'github', '--baseline', report])).stdout;
    expect(github.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      `::warning file=${after.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=2,title=invalid-gtin (1 new)::C: GTIN "3" is not a valid GTIN-8/12/13/14 (length or check digit)`,
    ]);
    expect(github).toContain(`against ${report}: 1 new, 4 unchanged, 1 fixed`);
    expect(sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState).sort()).toEqual([
      'new',
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
  });
});

describe('GitHub annotations', () => {
  it('groups findings per rule (at most one annotation per rule) and appends the job summary', async () => {
    const dir = tmp();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const run = await runInProcess([SAMPLE, ...AS_OF, '--format', 'github'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    const json = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json'])).stdout);
    expect(annotations).toHaveLength(Object.keys(json.summary.rules).length);
    expect(annotations.filter((a) => a.startsWith('::error ')).length).toBeLessThanOrEqual(10);
    expect(annotations[0]).toMatch(
      /^::error file=fixtures\/sample-catalog\.csv,line=64,title=malformed-row \(2\)::/,
    );
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n## channel-audit: `fixtures/sample-catalog.csv`')).toBe(true);
    expect(written).toContain('| `handling-exceeds-window` | error | 5 |');
  });
});

describe('colour', () => {
  it('follows --color/--no-color, then NO_COLOR (even with FORCE_COLOR), then FORCE_COLOR, then the terminal', () => {
    expect(shouldUseColor(undefined, {}, true)).toBe(true);
    expect(shouldUseColor(undefined, {}, false)).toBe(false);
    expect(shouldUseColor(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(shouldUseColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(shouldUseColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(shouldUseColor(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('prints no escape codes when piped, with NO_COLOR even if FORCE_COLOR is set, and colour with --color', async () => {
    expect((await runInProcess([SAMPLE, ...AS_OF])).stdout).not.toContain(ESC);
    expect(
      (await runInProcess([SAMPLE, ...AS_OF], { env: { NO_COLOR: '1', FORCE_COLOR: '3' } })).stdout,
    ).not.toContain(ESC);
    expect(
      (await runInProcess([SAMPLE, ...AS_OF], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout,
    ).toContain(ESC);
    expect((await runInProcess([SAMPLE, ...AS_OF, '--color'], { env: { NO_COLOR: '1' } })).stdout).toContain(
      ESC,
    );
    expect((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json', '--color'])).stdout).not.toContain(ESC);
  });
});

describe('what the summaries keep', () => {
  it('shows the first lines per rule and the worst SKUs up to the configured numbers, and counts all', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ report: { examplesPerRule: 2, worstSkus: 3 } }));
    const md = (
      await runInProcess([SAMPLE, ...AS_OF, '--format', 'markdown', '--config', join(dir, 'c.json')])
    ).stdout;
    expect(md).toContain('| `warehouse-candidate` | info | 14 | 2, 3, … |');
    const worst = md
      .slice(md.indexOf('### SKUs to fix first'))
      .split('\n')
      .filter((l) => /^\| \d+ \|/.test(l));
    expect(worst).toHaveLength(3);
  });
});

describe('--quiet and --print-config', () => {
  it('--quiet reports errors only', async () => {
    const json = JSON.parse((await runInProcess([SAMPLE, ...AS_OF, '--format', 'json', '--quiet'])).stdout);
    const severities = new Set(
      json.skus.flatMap((s: { findings: { severity: string }[] }) => s.findings.map((f) => f.severity)),
    );
    expect([...severities]).toEqual(['error']);
    expect(json.summary.findings).toEqual({ error: 13, warning: 0, info: 0 });
  });

  it('--print-config prints the resolved config, with the config file applied', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'channel-audit.config.json'), '{"variety":{"highVarietySkus":4}}');
    const run = await runInProcess(['--print-config'], { cwd: dir });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.variety.highVarietySkus).toBe(4);
    expect(printed.window).toEqual(parseConfig({}).window);
  });
});

describe('rules, init, schema', () => {
  it('rules lists every rule with its severity, why and doc page', async () => {
    const text = (await runInProcess(['rules'])).stdout;
    for (const id of RULE_IDS) expect(text).toContain(`${id}  (`);
    const json = JSON.parse((await runInProcess(['rules', '--format', 'json'])).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(ALL_RULE_IDS);
    for (const rule of json) {
      expect(readFileSync(rule.doc, 'utf8')).toMatch(new RegExp(`^# ${rule.id}\\n`));
      expect(rule.why.length).toBeGreaterThan(20);
    }
  });

  it('init writes a starter config with every default that audits exactly like no config', async () => {
    const dir = tmp();
    expect((await runInProcess(['init'], { cwd: dir })).code).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'channel-audit.config.json'), 'utf8'));
    expect(Object.keys(written.rules)).toEqual(ALL_RULE_IDS);
    expect(written.$schema).toBe('./node_modules/channel-audit/schema/channel-audit.config.schema.json');
    const withConfig = (
      await runInProcess([join(ROOT, SAMPLE), ...AS_OF, '--format', 'ndjson'], { cwd: dir })
    ).stdout;
    const without = (await runInProcess([SAMPLE, ...AS_OF, '--format', 'ndjson'])).stdout;
    expect(withConfig).toBe(without);
    const again = await runInProcess(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use init --force/);
    expect((await runInProcess(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('schema prints the JSON Schema that ships in the package, and it describes every key', async () => {
    const printed = (await runInProcess(['schema'])).stdout;
    expect(printed).toBe(readFileSync(join(ROOT, 'schema/channel-audit.config.schema.json'), 'utf8'));
    const schema = JSON.parse(printed);
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'policy',
      'size',
      'categories',
      'variety',
      'window',
      'checks',
      'report',
      'rules',
      'columns',
    ]);
    expect(schema.additionalProperties).toBe(false);
    expect(
      Object.keys(schema.properties.rules.properties ?? {}).length +
        (schema.properties.rules.propertyNames?.enum?.length ?? 0),
    ).toBeGreaterThan(0);
  });
});
