import type { ProjectIdea, Resource } from './model';

/** The shape of a stage file once it has passed roadmap.schema.json (before defaults are applied). */
export interface StageDocument {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number;
  readonly estimatedWeeks: number;
  readonly projectIdeas: readonly ProjectIdea[];
  readonly skills: readonly SkillDocument[];
}

export interface SkillDocument {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly whyItMatters: string;
  readonly subtopics: readonly string[];
  readonly resources: readonly Resource[];
  readonly practice: readonly string[];
  readonly estimatedHours: number;
  readonly prerequisites: readonly string[];
  readonly detect?: { readonly all?: readonly string[]; readonly any?: readonly string[] };
}
