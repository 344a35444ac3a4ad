// Failures that stop the run with exit code 2. Problems inside a row are findings, never throws.

/** The input cannot be read as a table: missing file, bad bytes, a quote that never closes… */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** No row of the input maps a SKU or a product id: there is no header to read it by. */
export class NoHeaderError extends InputError {
  constructor(
    /** The cells of the row taken as the header. */
    readonly headers: readonly string[],
    /** What to do about it. */
    hint: string,
    /** The input's name, when known. */
    readonly file?: string,
  ) {
    super(
      `${file === undefined ? '' : `${file}: `}no column maps to sku or product_id (headers seen: ${headers.map((h) => JSON.stringify(h)).join(', ')}); ${hint}`,
    );
  }
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

/** An error as one thread tells another: its class by name, so that the exit code stays the same. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
}

export function threadError(error: Error): ThreadError {
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

/** The error another thread told of, as its own class (an `InputError` still exits 2). */
export function errorFromThread(told: ThreadError): Error {
  const error =
    told.name === 'InputError'
      ? new InputError(told.message)
      : told.name === 'ConfigError'
        ? new ConfigError(told.message)
        : new Error(told.message);
  if (told.stack) error.stack = told.stack;
  return error;
}
