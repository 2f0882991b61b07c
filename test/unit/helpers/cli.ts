import { main } from '../../../src/cli/main';
import type { CliTuning } from '../../../src/cli/memorySettings';

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: readonly string[], tuning: CliTuning = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  }, tuning);
  return { code, stdout, stderr };
}

/** A small stage of our own (write it to `stages/01-shipping.yaml`), so CLI tests do not depend on the shipped content. */
export const SHIPPING_STAGE = `id: shipping
title: Shipping
order: 1
summary: Ship it.
projectIdeas: []
skills:
  - id: dockerfiles
    title: Writing a Dockerfile
    summary: Images.
    whyItMatters: Everyone uses them.
    subtopics: [Layers]
    resources: []
    practice: [Write one]
    estimatedHours: 2
    prerequisites: []
    detect:
      all: [docker.file]
  - id: compose
    title: Docker Compose
    summary: Many containers.
    whyItMatters: Local stacks.
    subtopics: [Services]
    resources: []
    practice: [Write one]
    estimatedHours: 2
    prerequisites: []
    detect:
      all: [docker.compose]
`;
