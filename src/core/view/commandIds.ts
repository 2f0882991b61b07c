/** Every command id in one place; test/unit/contributions.test.ts checks these against package.json. */
export enum CommandId {
  OpenDashboard = 'backendRoadmap.openDashboard',
  GoToSkill = 'backendRoadmap.goToSkill',
  ShowSkill = 'backendRoadmap.showSkill',
  MarkDone = 'backendRoadmap.markDone',
  MarkInProgress = 'backendRoadmap.markInProgress',
  MarkSkipped = 'backendRoadmap.markSkipped',
  ResetSkill = 'backendRoadmap.resetSkill',
  EditNote = 'backendRoadmap.editNote',
  SuggestNext = 'backendRoadmap.suggestNext',
  ExportProgress = 'backendRoadmap.exportProgress',
  ImportProgress = 'backendRoadmap.importProgress',
  ResetAllProgress = 'backendRoadmap.resetAllProgress',
  HideFinished = 'backendRoadmap.hideFinished',
  ShowFinished = 'backendRoadmap.showFinished',
  RecheckWorkspace = 'backendRoadmap.recheckWorkspace',
  RunMyTests = 'backendRoadmap.runMyTests',
  ShowEvidence = 'backendRoadmap.showEvidence',
  ChoosePath = 'backendRoadmap.choosePath',
  OpenWalkthrough = 'backendRoadmap.openWalkthrough',
  SwitchRoadmap = 'backendRoadmap.switchRoadmap',
  StartProject = 'backendRoadmap.startProject',
  ExportPortfolio = 'backendRoadmap.exportPortfolio',
  ScanMyProjects = 'backendRoadmap.scanMyProjects',
  ShowPathOnly = 'backendRoadmap.showPathOnly',
  ShowWholeRoadmap = 'backendRoadmap.showWholeRoadmap',
  StartReview = 'backendRoadmap.startReview',
}

/** Context keys set by the extension for `when` clauses in package.json. */
export enum ContextKey {
  HideFinished = 'backendRoadmap.hideFinished',
  /** The tree shows the learner's path only (setting tree.pathOnly). */
  PathOnly = 'backendRoadmap.pathOnly',
  /** Reviews are on and at least one is due: Start Review shows in the view's title bar. */
  ReviewDue = 'backendRoadmap.reviewDue',
  /** Walkthrough steps complete on these (package.json `walkthroughs`, `onContext:` completion events). */
  SkillOpened = 'backendRoadmap.skillOpened',
  MilestoneProved = 'backendRoadmap.milestoneProved',
  TestsPassed = 'backendRoadmap.testsPassed',
}

export const VIEW_ID = 'backendRoadmap.roadmap';
export const VIEW_CONTAINER_ID = 'backendRoadmap';
export const DETAILS_PANEL_TYPE = 'backendRoadmap.details';
/** The Get Started walkthrough (package.json `contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'backendRoadmap.gettingStarted';
