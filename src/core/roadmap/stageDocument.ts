import type { BriefCriterion, ProjectIdea, QuizQuestion, Skill, Stage } from './model';

/** A self-check question as written: `answer` is one index or a list of them. */
export type QuizQuestionDocument = Omit<QuizQuestion, 'answer'> & { readonly answer: number | readonly number[] };

/**
 * The shape of a stage file once it has passed roadmap.schema.json: the model's fields as written,
 * before the loader adds `stageId` and `source`, gives `detect` its defaults and normalises `quiz`.
 */
export type SkillDocument = Omit<Skill, 'stageId' | 'detect' | 'quiz' | 'level'> & {
  readonly level?: Skill['level'];
  readonly detect?: { readonly all?: readonly string[]; readonly any?: readonly string[]; readonly atLeast?: number };
  readonly quiz?: readonly QuizQuestionDocument[];
};

/** A project idea as written: a criterion's `checks` may be left out (none: the learner checks it). */
export type ProjectIdeaDocument = Omit<ProjectIdea, 'criteria'> & {
  readonly criteria?: readonly (Omit<BriefCriterion, 'checks'> & { readonly checks?: readonly string[] })[];
};

export type StageDocument = Omit<Stage, 'skills' | 'source' | 'projectIdeas'> & {
  readonly skills: readonly SkillDocument[];
  readonly projectIdeas: readonly ProjectIdeaDocument[];
};
