import type { Skill, Stage } from './model';

/**
 * The shape of a stage file once it has passed roadmap.schema.json: the model's fields as written,
 * before the loader adds `stageId` and `source` and gives `detect` its defaults.
 */
export type SkillDocument = Omit<Skill, 'stageId' | 'detect'> & {
  readonly detect?: { readonly all?: readonly string[]; readonly any?: readonly string[] };
};

export type StageDocument = Omit<Stage, 'skills' | 'source'> & { readonly skills: readonly SkillDocument[] };
