import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AuditedOrder } from '../core/order-types.js';
import { FIELDS } from '../core/types.js';
import { ORDER_FIELDS } from '../orders/order-columns.js';
import type { OrdersEnd, OrdersStart } from '../orders/orders-summary.js';
import { ORDER_FORMATS } from '../report/orders-formats.js';
import { auditOrders } from '../run/audit-orders.js';
import { type CommonFlags, collect, parseMaps, readOptionsOf } from './options.js';
import type { AuditCommand } from './run-command.js';

interface OrdersFlags extends CommonFlags {
  catalog: string;
  catalogMap: string[];
}

/** The orders audit's own options. */
export function declareOrders(command: Command): Command {
  return command
    .description(
      'audit orders: hours from payment to the first carrier scan against the 72 h / 96 h window of the payment day',
    )
    .argument(
      '[file]',
      'orders file (CSV, TSV, .xlsx or .xls); "-" or none with piped input reads standard input',
    )
    .requiredOption('--catalog <file>', 'the catalog export: listing dates and categories of the SKUs')
    .option(
      '--as-of <time>',
      'audit time for open orders: YYYY-MM-DD, YYYY-MM-DDTHH:mm or "YYYY-MM-DD HH:mm", with or without a zone offset (default: now, UTC)',
    )
    .option(
      '--map <field=header>',
      `read an order field from the column HEADER (repeatable); fields: ${ORDER_FIELDS.join(', ')}`,
      collect,
      [],
    )
    .option(
      '--catalog-map <field=header>',
      `read a catalog field from the column HEADER of the --catalog file (repeatable); fields: ${FIELDS.join(', ')}`,
      collect,
      [],
    )
    .option('--sheet <name>', 'worksheet of an orders workbook (.xlsx, .xls) (default: the first visible)');
}

export const ordersCommand: AuditCommand<OrdersFlags, AuditedOrder, OrdersStart, OrdersEnd> = {
  usage: 'no orders file given: channel-audit orders orders.csv --catalog catalog.csv; see --help',
  formats: ORDER_FORMATS,
  progress: 'bytes',
  async audit(flags, { config, input, name, reporters, progress }, io) {
    const catalogMap = parseMaps(flags.catalogMap, FIELDS, '--catalog-map');
    const result = await auditOrders(input, {
      ...(progress ? { onProgress: (bytes: number, total: number) => progress.update(bytes, total) } : {}),
      // The catalog's columns: the config's, and --catalog-map over them.
      config: { ...config, columns: { ...config.columns, ...catalogMap } },
      catalog: resolve(io.cwd, flags.catalog),
      catalogName: flags.catalog,
      name,
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      ...readOptionsOf(flags),
      ...(flags.quiet ? { quiet: true } : {}),
      columns: parseMaps(flags.map, ORDER_FIELDS),
      reporters,
    });
    return { gate: result.gate };
  },
};
