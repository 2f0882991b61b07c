import { MILESTONE_IDS } from '../milestones/catalog';
import { QUIZ_PASSED } from '../quiz/passRecord';
import { parseBriefCheck, quizCheck } from '../briefs/briefChecks';
import type { ProjectIdea } from './model';
import type { ProjectIdeaDocument, SkillDocument } from './stageDocument';

/** A problem the schema cannot see in a project brief. Path is relative to the project idea. */
export interface BriefProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Checks a brief's names against the roadmap: every check a catalog milestone or the self-check of a skill that
 * has one, every exercised skill a skill of the roadmap. A plain idea (no id) has nothing to check.
 */
export function briefProblems(idea: ProjectIdeaDocument, skills: ReadonlyMap<string, SkillDocument>): BriefProblem[] {
  if (idea.id === undefined) {
    return [];
  }
  const problems: BriefProblem[] = [];
  const name = `project brief "${idea.id}"`;
  (idea.criteria ?? []).forEach((criterion, c) => {
    (criterion.checks ?? []).forEach((check, k) => {
      const path = ['criteria', c, 'checks', k];
      const parsed = parseBriefCheck(check);
      if (parsed.kind === 'quiz') {
        const skill = skills.get(parsed.skillId);
        if (skill === undefined) {
          problems.push({ path, message: `${name} checks the self-check of an unknown skill "${parsed.skillId}"` });
        } else if ((skill.quiz ?? []).length === 0) {
          problems.push({ path, message: `${name} checks the self-check of skill "${parsed.skillId}", which has no quiz: add one to the skill, or remove the check` });
        }
      } else if (parsed.id === QUIZ_PASSED) {
        problems.push({ path, message: `${name} names "${QUIZ_PASSED}", which belongs to no brief: write ${quizCheck('SKILL_ID')} for a skill's self-check` });
      } else if (!MILESTONE_IDS.has(parsed.id)) {
        problems.push({ path, message: `${name} names an unknown milestone "${parsed.id}"` });
      }
    });
  });
  (idea.skills ?? []).forEach((id, index) => {
    if (!skills.has(id)) {
      problems.push({ path: ['skills', index], message: `${name} exercises an unknown skill "${id}"` });
    }
  });
  return problems;
}

/** The model's form: every criterion has its list of checks (empty when it has none). */
export function toProjectIdea(idea: ProjectIdeaDocument): ProjectIdea {
  const { criteria, ...rest } = idea;
  return criteria === undefined ? rest : { ...rest, criteria: criteria.map((criterion) => ({ text: criterion.text, checks: criterion.checks ?? [] })) };
}
