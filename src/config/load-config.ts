import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { ALL_RULE_IDS } from './rule-ids.js';
import { FIELDS } from '../core/types.js';
import { type Config, type ConfigInput, ConfigSchema } from './schema.js';

export const CONFIG_FILE_NAME = 'channel-audit.config.json';

/** Validates a config object; a bad value or unknown key is a ConfigError naming the key and what is allowed. */
export function parseConfig(input: unknown, origin = 'config'): Config {
  const result = ConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ConfigError(`${origin}: ${describeIssue(result.error.issues[0])}`);
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid';
  const path = issue.path.map(String).join('.');
  const at = path === '' ? '' : `"${path}"`;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = [...issue.path.map(String), issue.keys[0] ?? ''].join('.');
      return `unknown key "${key}"; allowed here: ${allowedKeys(issue.path.map(String)).join(', ')}`;
    }
    case 'invalid_value':
      return `${at} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key':
      return `${at} has an unknown key; see \`channel-audit schema\``;
    default:
      return `${at} ${issue.message.replace(/^Invalid input: /, '')}`.trim();
  }
}

function allowedKeys(path: string[]): string[] {
  // The two records of the config take a fixed set of keys.
  if (path.join('.') === 'rules') return [...ALL_RULE_IDS];
  if (path.join('.') === 'columns') return [...FIELDS];
  let shape: unknown = ConfigSchema.shape;
  for (const key of path) {
    const next = (shape as Record<string, { unwrap?: () => unknown; def?: { innerType?: unknown } }>)[key];
    let inner: unknown = next;
    // Peel default/optional wrappers down to the object.
    for (let i = 0; i < 4 && inner && !(inner as { shape?: unknown }).shape; i++) {
      inner = (inner as { def?: { innerType?: unknown } }).def?.innerType;
    }
    shape = (inner as { shape?: unknown } | undefined)?.shape ?? {};
  }
  return Object.keys(shape as object);
}

/**
 * The config of a run: the file named by `--config`, else `channel-audit.config.json` in the working
 * directory if there is one, else the defaults.
 */
export async function loadConfig(options: { path?: string; cwd?: string } = {}): Promise<{
  config: Config;
  path: string | null;
}> {
  const explicit = options.path !== undefined;
  const path = resolve(options.cwd ?? process.cwd(), options.path ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { config: parseConfig({}), path: null };
    }
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message.replace(/\s+/g, ' ');
    const position = /position (\d+)/.exec(message)?.[1];
    let where = '';
    if (position !== undefined) {
      const before = text.slice(0, Number(position));
      where = ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
    }
    throw new ConfigError(
      `${path} is not valid JSON${where} (${message}); fix it, or write a new one with channel-audit init`,
    );
  }
  return { config: parseConfig(json, path), path };
}

export type { Config, ConfigInput };
