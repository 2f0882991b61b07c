// Entry of dist/detection.js: everything detection runs, loaded on first use (see ./modules.ts), never at activation.
export { DetectionCore } from '../detection/detectionCore';
export { milestonesAffectedByPath, scanFolder } from '../milestones/engine';
export { createGitRunner } from '../scan/gitRunner';
export { describeTestRunners, detectTestCommand } from '../milestones/tests/findTestCommand';
export { isTestCommandLine, testPassingEvidence } from '../milestones/tests/recogniseTestRun';
export { practiceEvidence } from '../practice/records';
