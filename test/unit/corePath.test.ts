// The core path of each stack must fit about six months at 15 hours a week, and must never need a skill outside it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import { STACKS } from '../../src/core/roadmap/model';
import type { Roadmap, Skill, Stack } from '../../src/core/roadmap/model';
import { formatProblem } from '../../src/core/roadmap/problems';

// Compiled to <outDir>/test/unit/: three levels up is the repository root.
const ROADMAP_DIR = path.resolve(__dirname, '../../..', 'roadmap');

// 26 weeks × 15 hours ≈ 390 hours; a little below leaves room for review and projects that run long.
const MIN_CORE_HOURS = 330;
const MAX_CORE_HOURS = 400;

function appliesTo(skill: Skill, stack: Stack): boolean {
  return skill.stacks === undefined || skill.stacks.includes(stack);
}

function corePath(roadmap: Roadmap, stack: Stack): Skill[] {
  return roadmap.skills.filter((skill) => skill.level === 'core' && appliesTo(skill, stack));
}

describe('core path of each stack', () => {
  let roadmap: Roadmap;

  before(async () => {
    const result = await loadRoadmapFromDirectory(ROADMAP_DIR);
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.ok(result.roadmap);
    roadmap = result.roadmap;
  });

  for (const stack of STACKS) {
    it(`fits ${MIN_CORE_HOURS}–${MAX_CORE_HOURS} hours for ${stack}`, () => {
      const hours = corePath(roadmap, stack).reduce((sum, skill) => sum + skill.estimatedHours, 0);
      assert.ok(hours >= MIN_CORE_HOURS && hours <= MAX_CORE_HOURS, `the ${stack} core path takes ${hours} hours`);
    });

    it(`needs only core skills of the same stack for ${stack}`, () => {
      const outside = corePath(roadmap, stack).flatMap((skill) =>
        skill.prerequisites
          .map((id) => roadmap.skillById.get(id))
          .filter((needed): needed is Skill => needed !== undefined && (needed.level !== 'core' || !appliesTo(needed, stack)))
          .map((needed) => `${skill.id} needs ${needed.id} (${needed.level}${needed.stacks ? `, ${needed.stacks.join('/')} only` : ''})`),
      );
      assert.deepEqual(outside, [], `core skills of ${stack} that need a skill outside its core path:\n  ${outside.join('\n  ')}`);
    });
  }

  it('keeps optional material: the full roadmap is longer than any core path', () => {
    const all = roadmap.skills.reduce((sum, skill) => sum + skill.estimatedHours, 0);
    const optional = roadmap.skills.filter((skill) => skill.level === 'optional');
    assert.ok(optional.length > 0, 'no skill is optional');
    assert.ok(all > MAX_CORE_HOURS, `the whole roadmap takes only ${all} hours`);
  });

  it('names only known stacks, at most once each', () => {
    const bad = roadmap.skills.filter((skill) => skill.stacks !== undefined && (skill.stacks.length === 0 || new Set(skill.stacks).size !== skill.stacks.length || skill.stacks.some((s) => !STACKS.includes(s))));
    assert.deepEqual(bad.map((skill) => skill.id), []);
  });
});
