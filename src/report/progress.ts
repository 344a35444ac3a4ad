import type { Writable } from 'node:stream';

export interface Progress {
  update(rows: number, total: number): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;

/**
 * A progress bar on a terminal's standard error — rows, bytes, rate and time left — shown only once a
 * run has taken about a second, so that small catalogs print nothing extra.
 */
export async function progressBar(
  stream: Writable,
  totalBytes: number,
  now = () => Date.now(),
): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const started = now();
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  let shownAt = 0;
  let shownRows = 0;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
  const bytesOf = (rows: number, total: number) =>
    `${mb((totalBytes * rows) / Math.max(total, 1))}/${mb(totalBytes)}`;
  return {
    update(rows, total) {
      if (bar === undefined) {
        if (now() - started < SHOW_AFTER_MS || total === 0) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format:
              'auditing {bar} {percentage}% · {value}/{total} rows · {bytes} · {rate} rows/s · ETA {eta_formatted}',
            barCompleteChar: '█',
            barIncompleteChar: '░',
            hideCursor: true,
            clearOnComplete: true,
            etaBuffer: 50,
            // 31,889/1,000,000 rows
            formatValue: (value, _options, type) =>
              type === 'value' || type === 'total' ? value.toLocaleString('en') : String(value),
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, rows, { bytes: bytesOf(rows, total), rate: '…' });
        shownAt = now();
        shownRows = rows;
      }
      const seconds = Math.max((now() - shownAt) / 1000, 0.001);
      bar.update(rows, {
        bytes: bytesOf(rows, total),
        rate: Math.round((rows - shownRows) / seconds).toLocaleString('en'),
      });
    },
    stop() {
      bar?.stop();
    },
  };
}
