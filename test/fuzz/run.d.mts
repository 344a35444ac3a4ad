// Types of run.mjs, for the vitest slice (fuzz.test.ts).
import type { FuzzCase } from './generate.mjs';

export declare const BIN: string;
export declare const FORBIDDEN: [string, RegExp][];

export interface CaseResult {
  testCase: FuzzCase;
  outcome: 'exit0' | 'exit1' | 'exit2' | 'fail';
  /** Every property the run broke, in words; empty when it passed. */
  problems: string[];
  args: string[];
  dir: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdoutBytes: number;
  stderr: string;
  ms: number;
}

export declare function caseArgs(testCase: FuzzCase): {
  args: string[];
  out: { prefix: string; name: string }[];
};
export declare function commandArgs(testCase: FuzzCase, input: string, outDir: string): string[];
export declare function runCase(
  testCase: FuzzCase,
  options: { workRoot: string; bin?: string; timeoutMs?: number; keepFolder?: boolean; debug?: boolean },
): Promise<CaseResult>;
export declare function snapshotBuild(dir: string): Promise<string>;
