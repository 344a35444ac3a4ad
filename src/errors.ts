// Failures that stop the run with exit code 2. Problems inside a row are findings, never throws.

/** The input cannot be read as a table: missing file, bad bytes, a quote that never closes… */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The config file or a command-line value is not valid. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The command line itself is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isExpectedError(error: unknown): error is InputError | ConfigError | UsageError {
  return error instanceof InputError || error instanceof ConfigError || error instanceof UsageError;
}
