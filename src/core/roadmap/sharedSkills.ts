import type { Roadmap, Skill } from './model';
import { isSkillRef } from './stageDocument';
import type { SkillDocument, StageDocument, WrittenStageDocument } from './stageDocument';

/**
 * A skill is one skill everywhere: a roadmap with a header (src/core/roadmap/customRoadmap.ts) reuses a
 * shipped skill by writing `- ref: SKILL_ID` in a stage's skills, and progress, kept per skill id, counts in
 * every roadmap that has the skill. A skill it defines itself must therefore not take a shipped id, nor a
 * shipped skill's former id (its progress would be read as that skill's).
 */

/** A problem at `path` inside the stage at index `stage`. */
export interface SharedSkillProblem {
  readonly stage: number;
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface ResolvedStages {
  /** The stages with every `ref` replaced by the skill it names (same positions, so problems still point right). */
  readonly stages: readonly StageDocument[];
  readonly problems: readonly SharedSkillProblem[];
}

/**
 * Resolves `ref`s against the shipped roadmap and checks own skills against it. Without `shipped` (a roadmap
 * without a header) every `ref` is a problem. A reused skill keeps its content, rule and former ids; its
 * prerequisites are the ones this roadmap has too. Pure.
 */
export function resolveSharedSkills(stages: readonly WrittenStageDocument[], shipped: Roadmap | undefined): ResolvedStages {
  const problems: SharedSkillProblem[] = [];
  const formerOf = shipped === undefined ? new Map<string, string>() : shippedFormerIds(shipped);
  const present = new Set(stages.flatMap((stage) => stage.skills.map((skill) => (isSkillRef(skill) ? skill.ref : skill.id))));

  const resolved = stages.map((stage, s): StageDocument => {
    const skills = stage.skills.map((skill, k): SkillDocument => {
      if (!isSkillRef(skill)) {
        if (shipped !== undefined) {
          problems.push(...ownSkillProblems(skill, shipped, formerOf).map((problem) => ({ stage: s, path: ['skills', k, ...problem.path], message: problem.message })));
        }
        return skill;
      }
      const found = shipped?.skillById.get(skill.ref);
      if (found === undefined) {
        problems.push({ stage: s, path: ['skills', k, 'ref'], message: refProblem(skill.ref, shipped, formerOf) });
        return placeholder(skill.ref);
      }
      return reused(found, present);
    });
    return { ...stage, skills };
  });
  return { stages: resolved, problems };
}

/** Former id → the shipped skill that now has it. */
function shippedFormerIds(shipped: Roadmap): Map<string, string> {
  return new Map(shipped.skills.flatMap((skill) => (skill.formerIds ?? []).map((former) => [former, skill.id] as const)));
}

function ownSkillProblems(skill: SkillDocument, shipped: Roadmap, formerOf: ReadonlyMap<string, string>): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (shipped.skillById.has(skill.id)) {
    problems.push({
      path: ['id'],
      message:
        `"${skill.id}" is a skill of the shipped roadmap, and a skill is one skill everywhere: ` +
        `to reuse it, write only "- ref: ${skill.id}"; to define your own, give it another id`,
    });
  } else if (formerOf.has(skill.id)) {
    problems.push({
      path: ['id'],
      message: `"${skill.id}" is a former id of the shipped skill "${formerOf.get(skill.id) ?? ''}", whose progress is kept under it: give your skill another id, or write "- ref: ${formerOf.get(skill.id) ?? ''}" to reuse that skill`,
    });
  }
  (skill.formerIds ?? []).forEach((former, index) => {
    const owner = shipped.skillById.has(former) ? former : formerOf.get(former);
    if (owner !== undefined) {
      problems.push({
        path: ['formerIds', index],
        message: `former id "${former}" belongs to the shipped skill "${owner}": a skill you define cannot take over its progress; remove it from formerIds, or reuse the skill with "- ref: ${owner}"`,
      });
    }
  });
  return problems;
}

function refProblem(ref: string, shipped: Roadmap | undefined, formerOf: ReadonlyMap<string, string>): string {
  if (shipped === undefined) {
    return `"ref: ${ref}" reuses a shipped skill, which only a roadmap with a header can do: add a roadmap.yaml (id, title, description) beside the stages folder, or define the skill here`;
  }
  const renamed = formerOf.get(ref);
  if (renamed !== undefined) {
    return `"${ref}" is the former id of the shipped skill "${renamed}": write "- ref: ${renamed}"`;
  }
  return `"${ref}" is not a skill of the shipped roadmap: check the id (Backend Roadmap: Go to Skill lists them in the shipped roadmap), or define the skill here with its own id`;
}

/** The shipped skill as a stage document would define it, with only the prerequisites this roadmap has. */
function reused(skill: Skill, present: ReadonlySet<string>): SkillDocument {
  return {
    id: skill.id,
    title: skill.title,
    summary: skill.summary,
    whyItMatters: skill.whyItMatters,
    subtopics: skill.subtopics,
    resources: skill.resources,
    practice: skill.practice,
    estimatedHours: skill.estimatedHours,
    level: skill.level,
    prerequisites: skill.prerequisites.filter((id) => present.has(id)),
    quiz: skill.quiz,
    ...(skill.stacks === undefined ? {} : { stacks: skill.stacks }),
    ...(skill.detect === undefined ? {} : { detect: skill.detect }),
    ...(skill.formerIds === undefined ? {} : { formerIds: skill.formerIds }),
  };
}

/** Stands in for a `ref` that names nothing, so the other checks run and point at the right places; the roadmap does not load. */
function placeholder(id: string): SkillDocument {
  return { id, title: id, summary: id, whyItMatters: id, subtopics: [], resources: [], practice: [], estimatedHours: 1, prerequisites: [] };
}
