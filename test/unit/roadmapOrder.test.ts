// No practice task of the shipped roadmap may need something taught later: a task that uses Docker or unit tests
// belongs to a skill that comes after the stage teaching it, or that has the short early skill among its prerequisites.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import type { Roadmap, Skill } from '../../src/core/roadmap/model';
import { formatProblem } from '../../src/core/roadmap/problems';

// Compiled to <outDir>/test/unit/: three levels up is the repository root.
const ROADMAP_DIR = path.resolve(__dirname, '../../..', 'roadmap');

interface EarlyRule {
  readonly what: string;
  /** Matches a practice task that needs the tool. */
  readonly needs: RegExp;
  /** The short, early skill that teaches just enough. */
  readonly early: string;
  /** A skill of the stage that teaches the tool in full: skills of that stage and later ones need no early skill. */
  readonly taughtBy: string;
}

const RULES: readonly EarlyRule[] = [
  { what: 'Docker', needs: /\bdocker\b/i, early: 'docker-first-service', taughtBy: 'docker-basics' },
  { what: 'unit tests', needs: /\bunit tests?\b|\btests\b|\bwrite a test\b|\btest (it|that|proving)\b/i, early: 'first-unit-test', taughtBy: 'unit-testing' },
];

/** The skill and every skill it needs, directly or through other prerequisites. */
function closure(roadmap: Roadmap, skill: Skill): Set<string> {
  const seen = new Set<string>();
  const pending = [skill.id];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (!seen.has(id)) {
      seen.add(id);
      pending.push(...(roadmap.skillById.get(id)?.prerequisites ?? []));
    }
  }
  return seen;
}

function stageOrder(roadmap: Roadmap, skillId: string): number {
  const skill = roadmap.skillById.get(skillId);
  assert.ok(skill, `the roadmap has no skill "${skillId}"`);
  const stage = roadmap.stageById.get(skill.stageId);
  assert.ok(stage);
  return stage.order;
}

/** Practice tasks that need a tool before the learner met it, as readable lines. */
export function tasksBeforeTheirTool(roadmap: Roadmap, rules: readonly EarlyRule[]): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const taughtAt = stageOrder(roadmap, rule.taughtBy);
    const earlyAt = stageOrder(roadmap, rule.early);
    assert.ok(earlyAt < taughtAt, `${rule.early} must come before the stage of ${rule.taughtBy}`);
    for (const skill of roadmap.skills) {
      if (stageOrder(roadmap, skill.id) >= taughtAt || closure(roadmap, skill).has(rule.early)) {
        continue;
      }
      for (const task of skill.practice.filter((text) => rule.needs.test(text))) {
        problems.push(`${skill.id} (stage ${skill.stageId}) needs ${rule.what} before it is taught; add "${rule.early}" to its prerequisites: ${task}`);
      }
    }
  }
  return problems;
}

describe('shipped roadmap order', () => {
  let roadmap: Roadmap;

  before(async () => {
    const result = await loadRoadmapFromDirectory(ROADMAP_DIR);
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.ok(result.roadmap);
    roadmap = result.roadmap;
  });

  it('teaches Docker and unit tests before any practice task uses them', () => {
    const problems = tasksBeforeTheirTool(roadmap, RULES);
    assert.deepEqual(problems, [], `${problems.length} practice task(s) use something taught later:\n  ${problems.join('\n  ')}`);
  });

  it('finds a task that uses Docker early when the early skill is missing', () => {
    // The check must be able to fail: drop the early skill from every prerequisite list and look again.
    const stripped: Roadmap = {
      ...roadmap,
      skillById: new Map([...roadmap.skillById].map(([id, skill]) => [id, { ...skill, prerequisites: skill.prerequisites.filter((p) => p !== 'docker-first-service') }])),
    };
    const problems = tasksBeforeTheirTool({ ...stripped, skills: [...stripped.skillById.values()] }, RULES);
    assert.ok(
      problems.some((line) => line.startsWith('relational-databases')),
      `expected relational-databases to be reported without its early Docker skill, got:\n  ${problems.join('\n  ')}`,
    );
  });

  it('makes SOLID build on object-oriented basics', () => {
    assert.ok(closure(roadmap, roadmap.skillById.get('solid') ?? assert.fail('no skill "solid"')).has('oop-basics'));
  });
});
