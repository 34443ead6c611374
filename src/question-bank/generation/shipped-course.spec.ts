import { readFileSync } from 'node:fs';
import { type Glossary, type GlossaryEntry, loadGlossary } from '../../documents/analysis/index.js';
import { parseDocument, type Section } from '../../documents/parsing/index.js';
import { validateQuestion } from '../model/validate-question.js';
import { familyOf, type GeneratedQuestion, generateQuestions, GENERATION_RULES } from './index.js';
import { fold } from './text.js';

const courseDir = new URL('../../../seeds/courses/kubernetes-fundamentals/', import.meta.url);
const glossary = loadGlossary();
const docs = (['zh', 'en'] as const).map((language) => ({
  language, sections: parseDocument(readFileSync(new URL(`${language}.md`, courseDir), 'utf8'), { language }).sections,
}));

/** The glossary entry an option names exactly, if any. */
function entryNamed(text: string, g: Glossary): GlossaryEntry | undefined {
  return g.entries.find((e) => [e.en, e.zh, ...e.aliases].some((f) => fold(f) === fold(text)));
}

function optionsOf(q: GeneratedQuestion): Array<{ text: string; correct: boolean }> {
  const c = q.content;
  const k = q.answerKey;
  if (c.type === 'single-choice' && k.type === 'single-choice') return c.options.map((o) => ({ text: o.text, correct: o.id === k.correct }));
  if (c.type === 'multiple-response' && k.type === 'multiple-response') return c.options.map((o) => ({ text: o.text, correct: k.correct.includes(o.id) }));
  return [];
}

describe.each(docs)('generateQuestions on the shipped course ($language)', ({ language, sections }) => {
  const report = generateQuestions({ sections, language, glossary, seed: 'course-seed' });

  it('gives every section quiz items of its own, every chapter quiz at least 5 items of 3 types, at most two per source sentence', () => {
    expect(report.perSection.map((p) => p.sectionKey)).toEqual(sections.map((s: Section) => s.key));
    expect(sections).toHaveLength(28);
    // A section's quiz draws on its subsections too; short sections hold one or two sentences,
    // and a sentence is asked at most twice across the bank.
    for (const s of sections) {
      const quiz = report.generated.filter((q) => q.sectionKey === s.key || q.sectionKey.startsWith(`${s.key}.`));
      const types = new Set(quiz.map((q) => q.content.type)).size;
      const chapter = sections.some((x: Section) => x.parentKey === s.key);
      expect({ key: s.key, enough: chapter ? quiz.length >= 5 && types >= 3 : quiz.length >= 2 }).toEqual({ key: s.key, enough: true });
    }
    const perSource = new Map<string, number>();
    for (const q of report.generated) perSource.set(q.sourceSentence, (perSource.get(q.sourceSentence) ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(2);
  });

  it('emits only items that pass validateQuestion and carry their rule, source and explanation', () => {
    for (const q of report.generated) {
      expect(validateQuestion(q.content, q.answerKey)).toEqual([]);
      expect(GENERATION_RULES).toContain(q.rule);
      expect(q.language).toBe(language);
      expect(q.sourceSentence.length).toBeGreaterThan(5);
      expect(q.explanation).toContain(language === 'zh' ? '原文' : 'From the course');
      expect(q.fingerprint).toMatch(/^[0-9a-f]{24}$/);
    }
    expect(new Set(report.generated.map((q) => `${q.sectionKey}|${q.fingerprint}`)).size).toBe(report.generated.length);
    expect(new Set(report.generated.map((q) => q.rule))).toEqual(new Set(GENERATION_RULES));
  });

  it('draws term distractors from the answer\'s own family and never offers a true answer as a wrong one', () => {
    let checked = 0;
    for (const q of report.generated) {
      const options = optionsOf(q).map((o) => ({ ...o, entry: entryNamed(o.text, glossary) }));
      if (options.length === 0 || options.some((o) => !o.entry)) continue;
      checked++;
      const correct = options.filter((o) => o.correct);
      const wrong = options.filter((o) => !o.correct);
      const families = new Set(options.map((o) => familyOf(o.entry!)));
      expect({ stem: q.content.stem, families: families.size }).toEqual({ stem: q.content.stem, families: 1 });
      if (q.rule === 'enumeration-multiple-response' || q.rule === 'enumeration-not') {
        // Members of the listed kind are never the odd ones out, and vice versa.
        const listed = q.rule === 'enumeration-not' ? wrong : correct;
        const outsiders = q.rule === 'enumeration-not' ? correct : wrong;
        for (const o of outsiders) expect(listed.map((l) => l.entry!.kind)).not.toContain(o.entry!.kind);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('is deterministic for a seed, and valid for another seed', () => {
    const again = generateQuestions({ sections, language, glossary, seed: 'course-seed' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    const other = generateQuestions({ sections, language, glossary, seed: 'another-seed' });
    expect(JSON.stringify(other.generated)).not.toBe(JSON.stringify(report.generated));
    for (const q of other.generated) expect(validateQuestion(q.content, q.answerKey)).toEqual([]);
    expect(other.generated.length).toBeGreaterThan(report.generated.length * 0.8);
    // The fingerprint does not depend on the seed: same rule, source and answer, same print.
    const prints = new Set(report.generated.map((q) => q.fingerprint));
    expect(other.generated.filter((q) => prints.has(q.fingerprint)).length).toBeGreaterThan(report.generated.length / 3);
  });

  it('reports what the quality filter rejected, by reason', () => {
    expect(report.rejected.length).toBeGreaterThan(0);
    for (const r of report.rejected) expect(r.count).toBeGreaterThan(0);
  });
});
