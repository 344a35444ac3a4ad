import { type Command, Command as Program, CommanderError } from 'commander';
import { EXIT_USAGE } from '../audit/exit-code.js';
import { isExpectedError } from '../core/errors.js';
import { catalogCommand, declareCatalog } from './catalog-command.js';
import type { CliIo } from './io.js';
import { type CommonFlags, withAuditOptions } from './options.js';
import { declareOrders, ordersCommand } from './orders-command.js';
import { declareOtherCommands } from './other-commands.js';
import { type AuditCommand, runCommand } from './run-command.js';

export type { CliIo } from './io.js';

/**
 * The command line, declared and wired: the catalog audit (the program itself) and the orders audit
 * share their options (`options.ts`) and their run (`run-command.ts`); each declares only its own.
 * Returns the exit code; the binary sets it.
 */
export async function run(io: CliIo): Promise<number> {
  let code = 0;
  let debug = io.argv.includes('--debug');
  const wire = <Flags extends CommonFlags, Item, Start, End>(
    command: Command,
    audit: AuditCommand<Flags, Item, Start, End>,
  ) =>
    command.action(async (file: string | undefined, flags: Flags) => {
      debug = flags.debug === true;
      code = await runCommand(audit, file, flags, io);
    });

  const program = declareCatalog(withAuditOptions(new Program('channel-audit')))
    // `rules --format json` is the subcommand's --format, not the audit's.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  wire(program, catalogCommand);
  wire(declareOrders(withAuditOptions(program.command('orders'))), ordersCommand);
  declareOtherCommands(program, io);

  try {
    await program.parseAsync(io.argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (isExpectedError(error)) {
      io.stderr.write(`channel-audit: ${error.message}\n`);
    } else {
      const message = (error as Error)?.message ?? String(error);
      io.stderr.write(
        `channel-audit: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`,
      );
    }
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}
