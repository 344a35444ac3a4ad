import type { Writable } from 'node:stream';

export interface Progress {
  /** Rows read where their total is not known yet: a workbook's, before the audit. */
  counting(rows: number): void;
  /** `done` of `total`: rows (the catalog audit) or bytes (the orders audit, which has no index pass). */
  update(done: number, total: number): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/**
 * A progress bar on a terminal's standard error — rows or bytes, rate and time left — shown only once a
 * run has taken about a second, so that small catalogs print nothing extra.
 */
export async function progressBar(
  stream: Writable,
  totalBytes: number,
  now = () => Date.now(),
  unit: 'rows' | 'bytes' = 'rows',
): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const started = now();
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  // Where the bar's rate counts from: when it was first shown.
  let barStart = { at: 0, done: 0 };
  // Rows: 31,889/1,000,000 rows · 5 MB/144 MB (the bytes estimated from the rows). Bytes: 5 MB/144 MB.
  const bytesOf = (rows: number, total: number) =>
    `${mb((totalBytes * rows) / Math.max(total, 1))}/${mb(totalBytes)}`;
  // Per second since `from`: rows, or bytes as MB.
  const rate = (done: number, from: { at: number; done: number }, as = unit) => {
    const perSecond = (done - from.done) / Math.max((now() - from.at) / 1000, 0.001);
    return as === 'rows'
      ? `${Math.round(perSecond).toLocaleString('en')} rows/s`
      : `${(perSecond / 1e6).toFixed(1)} MB/s`;
  };
  // Before the bar, a counter of rows for a step whose total is not known.
  let counter: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let counterStart = { at: 0, done: 0 };
  let shownRows = 0;
  return {
    counting(rows) {
      if (bar !== undefined || now() - started < SHOW_AFTER_MS) return;
      // Fewer rows than last time: the workbook is being read again (without the heap bound).
      if (counter !== undefined && rows < shownRows) counterStart = { at: now(), done: rows };
      shownRows = rows;
      if (counter === undefined) {
        counter = new cliProgress.SingleBar({
          stream,
          format: 'reading the workbook · {value} rows · {rate}',
          hideCursor: true,
          clearOnComplete: true,
          formatValue: (value, _options, type) =>
            type === 'value' ? value.toLocaleString('en') : String(value),
        });
        counter.start(0, rows, { rate: '… rows/s' });
        counterStart = { at: now(), done: rows };
      }
      counter.update(rows, { rate: rate(rows, counterStart, 'rows') });
    },
    update(done, total) {
      if (bar === undefined) {
        counter?.stop();
        counter = undefined;
        if (now() - started < SHOW_AFTER_MS || total === 0) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format:
              unit === 'rows'
                ? 'auditing {bar} {percentage}% · {value}/{total} rows · {bytes} · {rate} · ETA {eta_formatted}'
                : 'auditing {bar} {percentage}% · {value}/{total} · {rate} · ETA {eta_formatted}',
            barCompleteChar: '█',
            barIncompleteChar: '░',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
            formatValue: (value, _options, type) =>
              type !== 'value' && type !== 'total'
                ? String(value)
                : unit === 'rows'
                  ? value.toLocaleString('en')
                  : mb(value),
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, {
          bytes: bytesOf(done, total),
          rate: unit === 'rows' ? '… rows/s' : '… MB/s',
        });
        barStart = { at: now(), done };
      }
      bar.update(done, { bytes: bytesOf(done, total), rate: rate(done, barStart) });
    },
    stop() {
      counter?.stop();
      bar?.stop();
    },
  };
}
