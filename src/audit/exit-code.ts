import type { AuditSummary, SeverityCounts } from '../core/types.js';

export type FailOn = 'error' | 'warning' | 'info' | 'none';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface ExitOptions {
  /** Exit 1 when a finding is at or above this severity (default error). */
  failOn: FailOn;
  /** Exit 1 when there are more warnings than this, as ESLint's --max-warnings. */
  maxWarnings?: number;
}

/**
 * 1 when a finding is at or above `failOn`, or there are more than `maxWarnings` warnings; else 0.
 * Pure: the CLI sets it, nothing else computes it.
 */
export function getExitCode(findings: SeverityCounts, options: ExitOptions | FailOn): 0 | 1 {
  const { failOn, maxWarnings } =
    typeof options === 'string' ? { failOn: options, maxWarnings: undefined } : options;
  if (maxWarnings !== undefined && findings.warning > maxWarnings) return EXIT_FINDINGS;
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

/** The findings a run is gated on: with a baseline, only the new ones. */
export function gatedFindings(summary: AuditSummary): SeverityCounts {
  return summary.baseline?.newFindings ?? summary.findings;
}
