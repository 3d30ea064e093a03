/**
 * The part of Papa Parse 5.7 this project uses, typed narrowly (no `any`, no Node types):
 * parsing a string, or a stream of strings pushed through a Node-style readable, into rows of
 * strings. @types/papaparse is not used: it pulls Node's globals into the worker's type check.
 */
declare module 'papaparse' {
  /** One problem Papa Parse reports (a quote left open, a bad trailing quote…). */
  export interface PapaError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    readonly row?: number;
  }

  /** Rows parsed so far (a chunk's, when streaming). */
  export interface PapaResult {
    readonly data: string[][];
    readonly errors: readonly PapaError[];
  }

  /** The readable Papa Parse accepts: it listens for 'data', 'end' and 'error'. */
  export interface PapaReadable {
    readonly readable: true;
    read(): void;
    on(event: 'data' | 'end' | 'error', listener: (value?: string | Error) => void): void;
    removeListener(event: 'data' | 'end' | 'error', listener: (value?: string | Error) => void): void;
    pause(): void;
    resume(): void;
  }

  /** The settings used here. */
  export interface PapaConfig {
    readonly delimiter?: string;
    readonly newline?: '\n' | '\r\n' | '\r';
    readonly preview?: number;
    readonly skipEmptyLines?: boolean;
    readonly chunk?: (results: PapaResult) => void;
    readonly error?: (error: Error) => void;
  }

  const Papa: {
    /** Parses a whole string at once. */
    parse(input: string, config: PapaConfig): PapaResult;
    /** Streams a readable: rows arrive through `config.chunk`. */
    parse(input: PapaReadable, config: PapaConfig): void;
  };
  export default Papa;
}
