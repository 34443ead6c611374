export { analyseSection, type AnalyseOptions, type SectionAnalysis } from './analyse-section.js';
export type { Definition } from './definitions.js';
export {
  GLOSSARY_KINDS, type Glossary, type GlossaryEntry, GlossaryError, type GlossaryKind, type OutdatedFact, outdatedClaim, parseGlossary,
} from './glossary.js';
export { matchTerms, type TermMatch } from './glossary-matcher.js';
export type { KeyTerm, TermSource } from './key-terms.js';
export type { ListBlock } from './list-items.js';
export { loadGlossary } from './load-glossary.js';
export { splitSentences } from './sentences.js';
