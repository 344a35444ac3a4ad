import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { configJsonSchema } from '../config/json-schema.js';
import { CONFIG_FILE_NAME } from '../config/load-config.js';
import { UsageError } from '../core/errors.js';
import { rulesList } from '../report/rules-list.js';
import type { CliIo } from './io.js';
import { starterConfig } from './starter-config.js';

/** `rules`, `init` and `schema`: the commands that audit nothing. */
export function declareOtherCommands(program: Command, io: CliIo): void {
  program
    .command('rules')
    .description('list every rule: id, default severity, what it checks and why, and its doc page')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action((flags: { format: 'text' | 'json' | 'markdown' }) => {
      io.stdout.write(rulesList(flags.format));
    });
  program
    .command('init')
    .description(`write ./${CONFIG_FILE_NAME} with every default spelled out`)
    .option('--force', 'overwrite an existing file')
    .action(async (flags: { force?: boolean }) => {
      const path = resolve(io.cwd, CONFIG_FILE_NAME);
      try {
        await writeFile(path, `${JSON.stringify(starterConfig(), null, 2)}\n`, {
          flag: flags.force ? 'w' : 'wx',
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new UsageError(`${CONFIG_FILE_NAME} already exists; use init --force to overwrite it`);
        }
        throw error;
      }
      io.stderr.write(`wrote ${CONFIG_FILE_NAME}\n`);
    });
  program
    .command('schema')
    .description("print the config file's JSON Schema")
    .action(() => {
      io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
