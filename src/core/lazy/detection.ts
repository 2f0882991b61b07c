// Entry of dist/detection.js: everything detection runs, loaded on first use (see ./modules.ts), never at activation.
export { DetectionCore } from '../detection/detectionCore';
export { changedPathTest, milestonesAffectedByPath, scanFolder } from '../milestones/engine';
export { createGitRunner, startGitFrom } from '../scan/gitRunner';
// The bench's design floor asks git what a scan asks (scripts/bench/scanFloor.mjs).
export { SCAN_GIT_QUESTIONS } from '../milestones/scanGitQuestions';
export { gitWorkerLauncher } from '../scan/gitWorkerClient';
export { describeTestRunners, detectTestCommand } from '../milestones/tests/findTestCommand';
export { isTestCommandLine, testPassingEvidence } from '../milestones/tests/recogniseTestRun';
export { practiceEvidence } from '../practice/records';
// The portfolio, its proof file and `verify` ask git and scan commits: they load with the engine, not at activation.
export { exportPortfolio } from '../portfolio/exportPortfolio';
export { parseProof } from '../portfolio/proof';
export { gitRepositoryResolver } from '../portfolio/repositories';
export { publicRemoteUrl } from '../portfolio/remoteLinks';
// Scan My Projects finds and scans many repositories: it loads with the engine too.
export { scanMyProjects } from '../detection/scanMyProjects';
export { verifyProof } from '../portfolio/verify';
