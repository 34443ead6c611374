import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldError } from '../common/errors/app.exception.js';
import { SeededRandom } from '../common/random/seeded-random.js';
import { examDrawableSql } from '../question-bank/item-use.js';
import type { Difficulty } from '../question-bank/model/question-types.js';
import type { Blueprint } from './blueprint.js';

interface Candidate {
  question_id: string;
  revision_id: string;
  section_keys: string[];
  difficulty: Difficulty;
}

export interface DrawnItem {
  questionId: string;
  revisionId: string;
  sectionKey: string;
  weight: number;
}

const inScope = (keys: string[], scope: string) => keys.some((key) => key === scope || key.startsWith(`${scope}.`));

/** Approved question revisions of a course that exams may use, and forms drawn from them. */
@Injectable()
export class QuestionPool {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async checkSupply(blueprint: Blueprint, manager?: EntityManager): Promise<{ available: Record<string, number>; problems: FieldError[] }> {
    const candidates = await this.candidates(blueprint, manager);
    const available: Record<string, number> = {};
    const problems: FieldError[] = [];
    const kind = blueprint.highStakes ? 'approved exam-only' : 'approved';
    blueprint.sections.forEach((draw, i) => {
      const inSection = candidates.filter((c) => inScope(c.section_keys, draw.sectionKey));
      available[draw.sectionKey] = inSection.length;
      if (inSection.length < draw.count) {
        problems.push({ path: `sections[${i}].count`, message: `section ${draw.sectionKey} has ${inSection.length} ${kind} ${blueprint.language} questions, ${draw.count} needed` });
      }
      for (const [difficulty, needed] of Object.entries(draw.difficulty ?? {})) {
        const have = inSection.filter((c) => c.difficulty === difficulty).length;
        if (have < (needed ?? 0)) problems.push({ path: `sections[${i}].difficulty.${difficulty}`, message: `${have} ${difficulty} questions available, ${needed} needed` });
      }
    });
    const byId = new Set(candidates.map((c) => c.question_id));
    blueprint.fixedQuestionIds.forEach((id, i) => {
      if (!byId.has(id)) problems.push({ path: `fixedQuestionIds[${i}]`, message: `not an ${kind} question of this course in the exam language` });
    });
    return { available, problems };
  }

  /**
   * Draws a form from `seed`: per-section counts and difficulty mix respected, no item
   * twice, and questions the candidate already saw in earlier attempts drawn last.
   */
  async draw(blueprint: Blueprint, seed: string, seen: Set<string>, manager: EntityManager = this.dataSource.manager): Promise<DrawnItem[]> {
    const candidates = await this.candidates(blueprint, manager);
    const random = new SeededRandom(seed);
    const weight = blueprint.questionWeight;
    if (blueprint.fixedQuestionIds.length) {
      const byId = new Map(candidates.map((c) => [c.question_id, c]));
      const items = blueprint.fixedQuestionIds.map((id) => byId.get(id)).filter((c): c is Candidate => Boolean(c));
      const drawn = items.map((c) => ({ questionId: c.question_id, revisionId: c.revision_id, sectionKey: c.section_keys[0]!, weight }));
      return blueprint.shuffleQuestions ? random.shuffle(drawn) : drawn;
    }
    const taken = new Set<string>();
    const drawn: DrawnItem[] = [];
    for (const draw of blueprint.sections) {
      const pool = candidates.filter((c) => inScope(c.section_keys, draw.sectionKey) && !taken.has(c.question_id));
      const preferUnseen = (list: Candidate[]) => {
        const shuffled = random.shuffle(list);
        return [...shuffled.filter((c) => !seen.has(c.question_id)), ...shuffled.filter((c) => seen.has(c.question_id))];
      };
      const picks: Candidate[] = [];
      if (draw.difficulty) {
        for (const [difficulty, count] of Object.entries(draw.difficulty)) {
          picks.push(...preferUnseen(pool.filter((c) => c.difficulty === difficulty)).slice(0, count ?? 0));
        }
      } else {
        picks.push(...preferUnseen(pool).slice(0, draw.count));
      }
      for (const c of picks) {
        taken.add(c.question_id);
        const key = c.section_keys.find((k) => k === draw.sectionKey || k.startsWith(`${draw.sectionKey}.`)) ?? draw.sectionKey;
        drawn.push({ questionId: c.question_id, revisionId: c.revision_id, sectionKey: key, weight });
      }
    }
    return blueprint.shuffleQuestions ? random.shuffle(drawn) : drawn;
  }

  /** Runs on the caller's manager: inside a transaction, a second connection could deadlock the pool. */
  private candidates(blueprint: Blueprint, manager: EntityManager = this.dataSource.manager): Promise<Candidate[]> {
    return manager.query(
      `SELECT q.id AS question_id, r.id AS revision_id, q.section_keys, q.difficulty
         FROM questions q JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision
        WHERE q.course_id = $1 AND q.language = $2 AND q.status = 'approved' AND ${examDrawableSql('q', blueprint.highStakes === true)}
        ORDER BY q.id`,
      [blueprint.courseId, blueprint.language],
    );
  }
}
