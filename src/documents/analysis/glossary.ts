import { parse } from 'yaml';

/**
 * Category of a glossary entry. Question generators draw distractors from entries of the
 * same kind, so a kind must only group things that are real alternatives to one another.
 */
export const GLOSSARY_KINDS = [
  'control-plane-component', 'node-component', 'container-runtime', 'controller', 'workload-object',
  'object', 'object-field', 'proxy-mode', 'feature', 'rollout-strategy', 'selector-type', 'service-type',
  'scheduling-phase', 'builtin-namespace', 'ingress-controller', 'storage-backend', 'application',
  'concept', 'tool', 'project', 'organization',
] as const;

export type GlossaryKind = (typeof GLOSSARY_KINDS)[number];

/** One term of the glossary in both languages. */
export interface GlossaryEntry {
  /** Stable kebab-case id, referenced by terms and questions. */
  id: string;
  kind: GlossaryKind;
  /** English display form. */
  en: string;
  /** Chinese display form. */
  zh: string;
  /** Other spellings, matched in text of either language. */
  aliases: string[];
  /** Match Latin forms with their exact case, for words that are also plain English ("Service", "Job"). */
  caseSensitive: boolean;
}

/**
 * A claim that is wrong in current Kubernetes (or was never right) but still found in course
 * material. A sentence matching a pattern is flagged to the author and never quizzed on.
 */
export interface OutdatedFact {
  id: string;
  /** The Kubernetes version that made the claim wrong. */
  since: string;
  /** What holds now, per language. */
  note: { en: string; zh: string };
  /** Regular expressions matching the wrong claim, per language. */
  patterns: { en: RegExp[]; zh: RegExp[] };
}

export interface Glossary {
  version: number;
  entries: GlossaryEntry[];
  /** Outdated claims; absent in glossaries that carry none. */
  outdated?: OutdatedFact[];
}

/** The glossary file is invalid; `problems` names every bad entry. */
export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';

  constructor(readonly problems: string[]) {
    super(`Invalid glossary: ${problems.join('; ')}`);
  }
}

/** Parses and validates glossary YAML (see `seeds/glossary/kubernetes.yaml`). */
export function parseGlossary(yamlText: string): Glossary {
  const doc = parse(yamlText) as unknown;
  const problems: string[] = [];
  const root = isRecord(doc) ? doc : {};
  const rawEntries = Array.isArray(root['entries']) ? (root['entries'] as unknown[]) : [];
  if (rawEntries.length === 0) problems.push('no entries');
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  rawEntries.forEach((raw, i) => {
    const e = isRecord(raw) ? raw : {};
    const where = typeof e['id'] === 'string' ? `entry ${e['id']}` : `entry #${i + 1}`;
    const id = e['id'];
    if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`${where}: id must be kebab-case`);
    else if (seen.has(id)) problems.push(`${where}: duplicate id`);
    else seen.add(id);
    if (!GLOSSARY_KINDS.includes(e['kind'] as GlossaryKind)) problems.push(`${where}: unknown kind ${String(e['kind'])}`);
    for (const lang of ['en', 'zh'] as const) {
      if (typeof e[lang] !== 'string' || (e[lang] as string).trim() === '') problems.push(`${where}: ${lang} is required`);
    }
    const aliases = e['aliases'] ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || a.trim() === '')) {
      problems.push(`${where}: aliases must be a list of strings`);
    }
    entries.push({
      id: String(id),
      kind: e['kind'] as GlossaryKind,
      en: String(e['en']),
      zh: String(e['zh']),
      aliases: Array.isArray(aliases) ? aliases.map(String) : [],
      caseSensitive: e['caseSensitive'] === true,
    });
  });
  const outdated = parseOutdated(root['outdated'], problems);
  if (problems.length > 0) throw new GlossaryError(problems);
  return { version: typeof root['version'] === 'number' ? root['version'] : 1, entries, outdated };
}

function parseOutdated(raw: unknown, problems: string[]): OutdatedFact[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('outdated must be a list');
    return [];
  }
  return raw.map((item, i): OutdatedFact => {
    const f = isRecord(item) ? item : {};
    const where = typeof f['id'] === 'string' ? `outdated ${f['id']}` : `outdated #${i + 1}`;
    const note = isRecord(f['note']) ? f['note'] : {};
    const patterns = isRecord(f['patterns']) ? f['patterns'] : {};
    if (typeof f['id'] !== 'string' || typeof f['since'] !== 'string') problems.push(`${where}: id and since are required strings`);
    const compiled = { en: [] as RegExp[], zh: [] as RegExp[] };
    for (const lang of ['en', 'zh'] as const) {
      if (typeof note[lang] !== 'string') problems.push(`${where}: note.${lang} is required`);
      const list = patterns[lang];
      if (!Array.isArray(list) || list.length === 0) {
        problems.push(`${where}: patterns.${lang} must be a non-empty list`);
        continue;
      }
      for (const p of list) {
        try {
          compiled[lang].push(new RegExp(String(p), 'iu'));
        } catch {
          problems.push(`${where}: pattern ${String(p)} is not a regular expression`);
        }
      }
    }
    return { id: String(f['id']), since: String(f['since']), note: { en: String(note['en']), zh: String(note['zh']) }, patterns: compiled };
  });
}

/** The outdated claim a sentence makes, if any. */
export function outdatedClaim(sentence: string, language: 'en' | 'zh', glossary: Glossary): OutdatedFact | null {
  return glossary.outdated?.find((f) => f.patterns[language].some((re) => re.test(sentence))) ?? null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
