/** The roadmap as the extension uses it, after loading and validation. Pure data, no behaviour. */

export type ResourceKind = 'docs' | 'article' | 'video' | 'course';

export interface Resource {
  readonly title: string;
  readonly url: string;
  readonly kind: ResourceKind;
}

/** One acceptance criterion of a project brief. */
export interface BriefCriterion {
  /** Inline Markdown, written for the learner. */
  readonly text: string;
  /**
   * What proves it in one workspace folder: milestone ids of the catalog, and `quiz:SKILL_ID` for that skill's
   * passed self-check (src/core/briefs/briefChecks.ts). Empty: the learner checks it themselves.
   */
  readonly checks: readonly string[];
}

/**
 * A project to build. A brief (`id` set, with `goal`, `criteria` and `skills`) has a checklist checked in the
 * workspace; an idea with only `title` and `description` (older or custom roadmaps) has none.
 */
export interface ProjectIdea {
  readonly title: string;
  /** Inline Markdown. */
  readonly description: string;
  /** Unique across the roadmap. */
  readonly id?: string;
  /** Markdown. */
  readonly goal?: string;
  readonly criteria?: readonly BriefCriterion[];
  /** Ids of the skills the project exercises. */
  readonly skills?: readonly string[];
}

/** A project idea with its checklist. */
export type ProjectBrief = ProjectIdea & {
  readonly id: string;
  readonly goal: string;
  readonly criteria: readonly BriefCriterion[];
  readonly skills: readonly string[];
};

export function isProjectBrief(idea: ProjectIdea): idea is ProjectBrief {
  return idea.id !== undefined && idea.goal !== undefined && idea.criteria !== undefined && idea.skills !== undefined;
}

/**
 * Which milestones prove a skill: every id in `all`, and at least one id in `any` when `any` is given.
 * Ids come from the milestone catalog (src/core/milestones/catalog.ts).
 */
export interface DetectRule {
  readonly all: readonly string[];
  readonly any: readonly string[];
  /** How many ids of `any` must be present (default 1). */
  readonly atLeast?: number;
}

/** One self-check question. The page never sees `answer` or `explain` before the learner submits. */
export interface QuizQuestion {
  /** Markdown. */
  readonly question: string;
  /** Inline Markdown, 2 to 6 of them. */
  readonly choices: readonly string[];
  /** Indices of the right choices, ascending; one for a single-answer question. */
  readonly answer: readonly number[];
  /** Markdown: why the right answer is right, shown after answering. */
  readonly explain: string;
}

/** The language ecosystems a skill can be specific to; a skill without `stacks` applies to every one. */
export const STACKS = ['node', 'python', 'java', 'csharp', 'go', 'php', 'ruby', 'rust'] as const;
export type Stack = (typeof STACKS)[number];

/** How a stack is named to the learner, everywhere (path picker, plan, dashboard). */
export const STACK_LABELS: Readonly<Record<Stack, string>> = {
  node: 'Node.js / TypeScript',
  python: 'Python',
  java: 'Java / Kotlin',
  csharp: 'C# / .NET',
  go: 'Go',
  php: 'PHP',
  ruby: 'Ruby',
  rust: 'Rust',
};

/** `core` skills make the path a learner follows; `optional` ones stay reachable but are not planned. */
export type SkillLevel = 'core' | 'optional';

export interface Skill {
  readonly id: string;
  readonly stageId: string;
  readonly title: string;
  /** Markdown. */
  readonly summary: string;
  /** Markdown. */
  readonly whyItMatters: string;
  readonly subtopics: readonly string[];
  readonly resources: readonly Resource[];
  readonly practice: readonly string[];
  readonly estimatedHours: number;
  /** `core` when the roadmap does not say. */
  readonly level: SkillLevel;
  /** The stacks the skill is for; absent when it is for all of them. */
  readonly stacks?: readonly Stack[];
  readonly prerequisites: readonly string[];
  readonly detect?: DetectRule;
  /** The skill's self-check; empty when the roadmap has none for it. */
  readonly quiz: readonly QuizQuestion[];
  /** Ids the skill had before (renamed, or several skills merged into it): progress stored under them is read under `id`. */
  readonly formerIds?: readonly string[];
}

export interface Stage {
  readonly id: string;
  readonly title: string;
  /** Markdown. */
  readonly summary: string;
  readonly order: number;
  readonly projectIdeas: readonly ProjectIdea[];
  readonly skills: readonly Skill[];
  /** The file the stage came from, for messages. */
  readonly source: string;
  /** Ids the stage had before: anything kept under them is read under `id`. */
  readonly formerIds?: readonly string[];
}

export interface Roadmap {
  /** Stages sorted by `order`. */
  readonly stages: readonly Stage[];
  /** Every skill in roadmap order (stage order, then order within the stage). */
  readonly skills: readonly Skill[];
  readonly skillById: ReadonlyMap<string, Skill>;
  readonly stageById: ReadonlyMap<string, Stage>;
}

export function createRoadmap(stages: readonly Stage[]): Roadmap {
  const sorted = [...stages].sort((a, b) => a.order - b.order);
  const skills = sorted.flatMap((stage) => stage.skills);
  return {
    stages: sorted,
    skills,
    skillById: new Map(skills.map((skill) => [skill.id, skill])),
    stageById: new Map(sorted.map((stage) => [stage.id, stage])),
  };
}
