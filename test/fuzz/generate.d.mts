// Types of generate.mjs, for the vitest slice (fuzz.test.ts).
export declare const ROOT: string;

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [number, T])[]): T;
  size(min: number, max: number): number;
}

export interface FuzzCase {
  seed: number;
  index: number;
  kind: 'csv' | 'xlsx' | 'xls';
  /** The seed file it was made from, relative to the repository. */
  base: string;
  mutations: string[];
  /** A file name with its extension. */
  name: string;
  bytes: Buffer;
}

export declare function makeRandom(seed: number): Random;
export declare function loadSeeds(): Record<'csv' | 'xlsx' | 'xls', { path: string; bytes: Buffer }[]>;
export declare function generateCase(seed: number, index: number): Promise<FuzzCase>;
export declare function mutationKinds(testCase: FuzzCase): string[];
