import type { SeverityCounts } from './types.js';

export type FailOn = 'error' | 'warning' | 'info' | 'none';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** 1 when any finding is at or above `failOn`, else 0. Pure: the CLI sets it, never computes it elsewhere. */
export function getExitCode(findings: SeverityCounts, failOn: FailOn): 0 | 1 {
  switch (failOn) {
    case 'none':
      return EXIT_OK;
    case 'info':
      return findings.error + findings.warning + findings.info > 0 ? EXIT_FINDINGS : EXIT_OK;
    case 'warning':
      return findings.error + findings.warning > 0 ? EXIT_FINDINGS : EXIT_OK;
    case 'error':
      return findings.error > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
}
