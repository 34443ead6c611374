import { detectLanguage } from '../parsing/detect-language.js';
import type { DocumentLanguage, Section } from '../parsing/types.js';
import { type Definition, findDefinitions } from './definitions.js';
import type { Glossary } from './glossary.js';
import { findKeyTerms, type KeyTerm } from './key-terms.js';
import { findInlineLists, findMarkedLists, type ListBlock } from './list-items.js';
import { splitSentences } from './sentences.js';

/**
 * What the question generators read about one section. Persisted as JSON beside the
 * section, so fields are only ever added.
 */
export interface SectionAnalysis {
  sectionKey: string;
  language: DocumentLanguage;
  /** Sentences in order, list markers and inline markup removed. */
  sentences: string[];
  /** Marked lists first (in order), then enumerations found inside sentences. */
  lists: ListBlock[];
  definitions: Definition[];
  /** Most important first. */
  terms: KeyTerm[];
}

export interface AnalyseOptions {
  /** The document's language; detected from the section when absent. */
  language?: DocumentLanguage;
}

/** Analyses one parsed section against a glossary. Pure: same input, same output. */
export function analyseSection(
  section: Pick<Section, 'key' | 'title' | 'text'>, glossary: Glossary, options: AnalyseOptions = {},
): SectionAnalysis {
  const language = options.language ?? detectLanguage(`${section.title}\n${section.text}`);
  const sentences = splitSentences(section.text, language);
  const definitions = findDefinitions(sentences, language, glossary);
  return {
    sectionKey: section.key,
    language,
    sentences,
    lists: [...findMarkedLists(section.text), ...findInlineLists(sentences, language, glossary)],
    definitions,
    terms: findKeyTerms(section.title, section.text, definitions, language, glossary),
  };
}
