import { z } from 'zod';
import { ConfigSchema } from './schema.js';

export const SCHEMA_PATH = 'schema/channel-audit.config.schema.json';

/** The config file's JSON Schema, generated from the zod schema so that the two never disagree. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7' }),
    $id: 'channel-audit.config.schema.json',
    title: 'channel-audit configuration (channel-audit.config.json)',
  };
}
