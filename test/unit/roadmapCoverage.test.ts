// Content coverage: the roadmap YAML must cover every topic named in the seed articles and the extra areas,
// and every stage and skill must carry the fields a learner needs. Failures list every gap at once.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { EXTRA_TOPICS, SEED_PROJECT_IDEAS, SEED_TOPICS } from './fixtures/seedTopics';
import type { SeedTopic } from './fixtures/seedTopics';

interface ProjectIdeaDoc {
  readonly title: string;
  readonly description: string;
}

interface SkillDoc {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly whyItMatters: string;
  readonly subtopics: readonly string[];
  readonly resourceCount: number;
  readonly practice: readonly string[];
}

interface StageDoc {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly order: number | undefined;
  readonly estimatedWeeks: number | undefined;
  readonly projectIdeas: readonly ProjectIdeaDoc[];
  readonly skills: readonly SkillDoc[];
}

interface LoadedRoadmap {
  readonly stages: readonly StageDoc[];
  /** Files that could not be read or parsed, and fields of the wrong type. */
  readonly problems: readonly string[];
}

// The test is compiled to out/test/unit/roadmapCoverage.test.js: three levels up is the repository root.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const STAGES_DIR = path.join(REPO_ROOT, 'roadmap', 'stages');
const MIN_STAGES = 18;
const MIN_SKILLS = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

function strings(value: unknown): readonly string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

function toSkill(file: string, raw: unknown, index: number, problems: string[]): SkillDoc | undefined {
  if (!isRecord(raw)) {
    problems.push(`${file}: skills[${index}] is not a mapping`);
    return undefined;
  }
  return {
    file,
    id: text(raw.id) || `skills[${index}]`,
    title: text(raw.title),
    summary: text(raw.summary),
    whyItMatters: text(raw.whyItMatters),
    subtopics: strings(raw.subtopics),
    resourceCount: list(raw.resources).filter(isRecord).length,
    practice: strings(raw.practice),
  };
}

function toStage(file: string, raw: unknown, problems: string[]): StageDoc | undefined {
  if (!isRecord(raw)) {
    problems.push(`${file}: the document is not a mapping`);
    return undefined;
  }
  if (!Array.isArray(raw.skills)) problems.push(`${file}: skills is not a list`);
  if (!Array.isArray(raw.projectIdeas)) problems.push(`${file}: projectIdeas is not a list`);
  const skills: SkillDoc[] = [];
  list(raw.skills).forEach((item, index) => {
    const skill = toSkill(file, item, index, problems);
    if (skill) skills.push(skill);
  });
  const projectIdeas = list(raw.projectIdeas)
    .filter(isRecord)
    .map((idea): ProjectIdeaDoc => ({ title: text(idea.title), description: text(idea.description) }));
  return {
    file,
    id: text(raw.id),
    title: text(raw.title),
    summary: text(raw.summary),
    order: numberOrUndefined(raw.order),
    estimatedWeeks: numberOrUndefined(raw.estimatedWeeks),
    projectIdeas,
    skills,
  };
}

function loadRoadmap(): LoadedRoadmap {
  const problems: string[] = [];
  const stages: StageDoc[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(STAGES_DIR).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    problems.push(`cannot list ${STAGES_DIR}: ${String(error)}`);
  }
  for (const file of files) {
    try {
      const stage = toStage(file, parse(readFileSync(path.join(STAGES_DIR, file), 'utf8')) as unknown, problems);
      if (stage) stages.push(stage);
    } catch (error) {
      problems.push(`${file}: cannot parse: ${String(error)}`);
    }
  }
  return { stages, problems };
}

/** Lower-cased text with URLs removed, so a link (e.g. to redis.io) never counts as covering a topic. */
function normalise(value: string): string {
  return value.replace(/https?:\/\/[^\s)>\]]+/gi, ' ').toLowerCase();
}

interface Haystack {
  /** Every searched field joined, for substring matching. */
  readonly all: string;
  /** The title and each subtopic, trimmed, for whole-field matching of short names such as "ls" or "Go". */
  readonly wholeFields: ReadonlySet<string>;
}

function haystack(fields: readonly string[], wholeFields: readonly string[]): Haystack {
  return {
    all: fields.map(normalise).join('\n'),
    wholeFields: new Set(wholeFields.map((field) => normalise(field).trim())),
  };
}

function skillHaystack(skill: SkillDoc): Haystack {
  return haystack([skill.title, ...skill.subtopics, skill.summary, skill.whyItMatters], [skill.title, ...skill.subtopics]);
}

function covers(hay: Haystack, topic: SeedTopic): boolean {
  return topic.match.some((alternative) => hay.all.includes(alternative) || hay.wholeFields.has(alternative.trim()));
}

function uncovered(topics: readonly SeedTopic[], hays: readonly Haystack[]): string[] {
  return topics.filter((topic) => !hays.some((hay) => covers(hay, topic))).map((topic) => topic.name);
}

describe('roadmap content coverage', () => {
  const roadmap = loadRoadmap();
  const skills = roadmap.stages.flatMap((stage) => stage.skills);
  const skillHays = skills.map(skillHaystack);

  it('fixtures are well formed: unique names, non-empty lower-case alternatives', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const topic of [...SEED_TOPICS, ...EXTRA_TOPICS]) {
      if (seen.has(topic.name)) problems.push(`duplicate topic name: ${topic.name}`);
      seen.add(topic.name);
      if (topic.match.length === 0) problems.push(`${topic.name}: no match alternatives`);
      for (const alternative of [...topic.match]) {
        if (alternative.trim() === '') problems.push(`${topic.name}: empty alternative`);
        if (alternative !== alternative.toLowerCase()) problems.push(`${topic.name}: alternative "${alternative}" is not lower-case`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reads every stage file without problems', () => {
    assert.deepEqual(roadmap.problems, []);
  });

  it(`has at least ${MIN_STAGES} stages and ${MIN_SKILLS} skills`, () => {
    assert.ok(roadmap.stages.length >= MIN_STAGES, `only ${roadmap.stages.length} stages (need ${MIN_STAGES}) in ${STAGES_DIR}`);
    assert.ok(skills.length >= MIN_SKILLS, `only ${skills.length} skills (need ${MIN_SKILLS})`);
  });

  it('every stage and skill carries the fields a learner needs', () => {
    const problems: string[] = [];
    for (const stage of roadmap.stages) {
      const where = `${stage.file} (${stage.id || 'no id'})`;
      if (stage.id.trim() === '') problems.push(`${where}: missing id`);
      if (stage.title.trim() === '') problems.push(`${where}: missing title`);
      if (stage.summary.trim() === '') problems.push(`${where}: missing summary`);
      if (stage.order === undefined) problems.push(`${where}: missing order`);
      if (stage.estimatedWeeks !== undefined) problems.push(`${where}: estimatedWeeks is derived from the skills' hours at the learner's pace; remove it`);
      if (stage.projectIdeas.length === 0) problems.push(`${where}: no projectIdeas`);
      for (const idea of stage.projectIdeas) {
        if (idea.title.trim() === '' || idea.description.trim() === '') problems.push(`${where}: a project idea lacks a title or description`);
      }
      if (stage.skills.length === 0) problems.push(`${where}: no skills`);
      for (const skill of stage.skills) {
        const at = `${stage.file} skill ${skill.id}`;
        if (skill.title.trim() === '') problems.push(`${at}: missing title`);
        if (skill.summary.trim() === '') problems.push(`${at}: missing summary`);
        if (skill.whyItMatters.trim() === '') problems.push(`${at}: missing whyItMatters`);
        if (skill.resourceCount === 0) problems.push(`${at}: no resources`);
        if (skill.practice.filter((task) => task.trim() !== '').length === 0) problems.push(`${at}: no practice tasks`);
      }
    }
    if (problems.length > 0) assert.fail(`${problems.length} stage/skill problem(s):\n  ${problems.join('\n  ')}`);
  });

  it(`covers every topic named in the seed articles (${SEED_TOPICS.length} topics)`, () => {
    const missing = uncovered(SEED_TOPICS, skillHays);
    if (missing.length > 0) assert.fail(`${missing.length} of ${SEED_TOPICS.length} seed topics are not covered by any skill (title, subtopics, summary or whyItMatters):\n  ${missing.join('\n  ')}`);
  });

  it(`covers every extra area (${EXTRA_TOPICS.length} topics)`, () => {
    const missing = uncovered(EXTRA_TOPICS, skillHays);
    if (missing.length > 0) assert.fail(`${missing.length} of ${EXTRA_TOPICS.length} extra topics are not covered by any skill (title, subtopics, summary or whyItMatters):\n  ${missing.join('\n  ')}`);
  });

  it(`offers the project ideas named in the seed articles (${SEED_PROJECT_IDEAS.length} ideas)`, () => {
    const projectHays = [
      ...roadmap.stages.flatMap((stage) => stage.projectIdeas.map((idea) => haystack([idea.title, idea.description], [idea.title]))),
      ...skills.map((skill) => haystack([...skill.practice], [])),
    ];
    const missing = uncovered(SEED_PROJECT_IDEAS, projectHays);
    if (missing.length > 0) assert.fail(`${missing.length} seed project ideas appear in no stage projectIdeas or skill practice task:\n  ${missing.join('\n  ')}`);
  });
});
