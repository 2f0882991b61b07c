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

/** A shipped skill reused by id in a roadmap with a header (src/core/roadmap/sharedSkills.ts). */
export interface SkillRefDocument {
  readonly ref: string;
}

export function isSkillRef(skill: SkillDocument | SkillRefDocument): skill is SkillRefDocument {
  return 'ref' in skill;
}

/** A stage as written: its skills defined in place, or (custom roadmaps) shipped skills reused by `ref`. */
export type WrittenStageDocument = Omit<StageDocument, 'skills'> & {
  readonly skills: readonly (SkillDocument | SkillRefDocument)[];
};

export type StageDocument = Omit<Stage, 'skills' | 'source' | 'projectIdeas'> & {
  readonly skills: readonly SkillDocument[];
  readonly projectIdeas: readonly ProjectIdeaDocument[];
};
