// The thread that reads a workbook into a CSV file (`spill-workbook.ts`).
import { parentPort, workerData } from 'node:worker_threads';
import { threadError } from '../core/errors.js';
import { type SpillMessage, type SpillTask, writeWorkbookCsv } from './spill-workbook.js';

const post = (message: SpillMessage) => parentPort?.postMessage(message);

writeWorkbookCsv(workerData as SpillTask, (rows) => post({ type: 'rows', rows })).then(
  ({ lines, sheets }) => post({ type: 'done', lines, sheets }),
  (error: Error) => post({ type: 'error', ...threadError(error) }),
);
