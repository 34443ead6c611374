export { DocumentParseError, type DocumentParseErrorCode } from './document-parse-error.js';
export { detectLanguage } from './detect-language.js';
export { contentHash, normaliseText } from './normalise-text.js';
export { detectFormat, parseDocument } from './parse-document.js';
export type { DocumentFormat, DocumentLanguage, KeySource, ParsedDocument, ParseOptions, Section } from './types.js';
