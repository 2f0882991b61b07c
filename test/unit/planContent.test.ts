// The shipped roadmap plans well: on every path, a skill's prerequisites are on the same path, so "what
// next" never leaves a path skill waiting for one the learner is not shown.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { skillsOnPath } from '../../src/core/plan/path';
import type { LearningPath } from '../../src/core/plan/path';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import { STACKS } from '../../src/core/roadmap/model';
import type { Roadmap } from '../../src/core/roadmap/model';

// Compiled to .out-*/test/unit/: three levels up is the repository root.
const ROADMAP_DIR = path.join(path.resolve(__dirname, '../../..'), 'roadmap');

describe('plan: shipped roadmap paths', () => {
  let roadmap: Roadmap;

  before(async () => {
    const result = await loadRoadmapFromDirectory(ROADMAP_DIR);
    assert.ok(result.roadmap, `the shipped roadmap does not load (${result.problems.length} problem(s))`);
    roadmap = result.roadmap;
  });

  it('keeps every prerequisite of a skill on a path on that path', () => {
    const paths: LearningPath[] = [{ scope: 'core' }, { scope: 'all' }, ...STACKS.flatMap((stack): LearningPath[] => [{ stack, scope: 'core' }, { stack, scope: 'all' }])];
    const gaps: string[] = [];
    for (const learningPath of paths) {
      const onPath = skillsOnPath(roadmap, learningPath);
      const ids = new Set(onPath.map((skill) => skill.id));
      for (const skill of onPath) {
        for (const prerequisite of skill.prerequisites.filter((id) => !ids.has(id))) {
          gaps.push(`${learningPath.stack ?? 'no stack'}/${learningPath.scope}: ${skill.id} needs ${prerequisite}, which is off the path`);
        }
      }
    }
    assert.deepEqual(gaps, [], gaps.join('\n'));
  });
});
