import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CATALOG_RULE_IDS, ORDER_RULE_IDS } from '../src/config/rule-ids.js';
import { ORDER_RULES } from '../src/policy/order-rules/index.js';
import { RULES } from '../src/policy/rules/index.js';
import { ROOT } from './cli-run.js';

// The folders of src/ import downward only (eslint.config.js, docs/architecture.md): the lint rejects an
// import of a later stage, however many folders up it goes.
describe('import layers', () => {
  const lint = (filePath: string, code: string) =>
    new ESLint({ cwd: ROOT }).lintText(code, { filePath }).then(([result]) => result?.messages ?? []);

  it.each([
    ['src/read/x.ts', "import { audit } from '../run/audit.js';\nexport const a = audit;\n"],
    ['src/core/x.ts', "import type { Settings } from '../config/settings.js';\nexport type S = Settings;\n"],
    [
      'src/policy/rules/x.ts',
      "import { RowAuditor } from '../../audit/audit-row.js';\nexport const r = RowAuditor;\n",
    ],
  ])('rejects an upward import in %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    expect(messages.find((m) => m.ruleId === 'no-restricted-imports')?.message).toMatch(
      /may import only from the stages before it/,
    );
  });

  it('accepts a downward one', async () => {
    const messages = await lint(
      'src/run/x.ts',
      "import { RowAuditor } from '../audit/audit-row.js';\nexport const r = RowAuditor;\n",
    );
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});

describe('rule ids as data', () => {
  it('are the registries’ ids, in their order', () => {
    expect(RULES.map((r) => r.id)).toEqual([...CATALOG_RULE_IDS]);
    expect(ORDER_RULES.map((r) => r.id)).toEqual([...ORDER_RULE_IDS]);
  });
});
