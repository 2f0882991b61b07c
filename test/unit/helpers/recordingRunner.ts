import * as assert from 'node:assert/strict';
import { attributeFileEvidence, readWorkTree } from '../../../src/core/detection/authorship';
import type { AuthorshipOptions } from '../../../src/core/detection/authorship';
import type { Evidence } from '../../../src/core/progress/model';
import { createGitRunner } from '../../../src/core/scan/gitRunner';
import type { GitRunner } from '../../../src/core/scan/gitRunner';

/** A runner that records each git subcommand it runs. */
export function recordingRunner(folder: string): { git: GitRunner; subcommands: string[] } {
  const real = createGitRunner(folder);
  const subcommands: string[] = [];
  return {
    subcommands,
    git: {
      run: (args) => {
        subcommands.push(args[0] ?? '');
        return real.run(args);
      },
      // The configuration as the real runner reads it: once, and not among the subcommands recorded.
      config: real.config?.bind(real),
    },
  };
}

/** `attributeFileEvidence` in `folder`, with the git subcommands it ran (not the work tree's lookup). */
export async function attributeRecorded(folder: string, evidence: readonly Evidence[], options: Omit<AuthorshipOptions, 'git'>): Promise<{ attributed: Evidence[]; subcommands: string[] }> {
  const { git, subcommands } = recordingRunner(folder);
  const workTree = await readWorkTree(git);
  assert.ok(workTree);
  subcommands.length = 0;
  const attributed = await attributeFileEvidence(folder, evidence, workTree, { ...options, git });
  return { attributed, subcommands };
}
