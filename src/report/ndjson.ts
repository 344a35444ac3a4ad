import { skuToJson } from './describe.js';
import type { ReporterFactory } from './reporter.js';

/** One SKU object per line, as it is audited: for `jq`, spreadsheets and scripts. */
export const ndjsonReporter: ReporterFactory = (sink) => ({
  start() {},
  sku(sku) {
    sink.write(`${JSON.stringify(skuToJson(sku))}\n`);
  },
  ready: () => sink.ready(),
  async finish() {
    await sink.close();
  },
});
