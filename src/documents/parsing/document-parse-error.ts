/**
 * Why a document could not be parsed. The HTTP layer maps `TOO_LARGE` to 413 and every
 * other code to 422.
 */
export type DocumentParseErrorCode = 'EMPTY' | 'BINARY' | 'NOT_UTF8' | 'TOO_LARGE';

/** Raised by {@link parseDocument} for input that cannot become a section tree. */
export class DocumentParseError extends Error {
  override readonly name = 'DocumentParseError';

  constructor(
    readonly code: DocumentParseErrorCode,
    message: string,
    /** Extra facts for the problem+json `detail`, e.g. `{ maxBytes, actualBytes }`. */
    readonly details: Readonly<Record<string, number | string>> = {},
  ) {
    super(message);
  }
}
