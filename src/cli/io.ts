/** What a command may touch of the process: the seam the binary fills and the tests fill in-process. */
export interface CliIo {
  argv: string[];
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
