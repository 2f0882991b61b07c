import * as vscode from 'vscode';
import type { Plan } from '../../core/plan/pace';
import { planPath } from '../../core/plan/pace';
import type { LearningPath } from '../../core/plan/path';
import { isOnPath } from '../../core/plan/path';
import { hoursFromSetting, pathFromSettings } from '../../core/plan/planSettings';
import { planSentences } from '../../core/plan/planText';
import type { DueReview, ReviewSchedule } from '../../core/plan/review';
import { dueReviews, nextReview } from '../../core/plan/review';
import type { NextSkill } from '../../core/plan/whatNext';
import { ruleProgressBySkill, whatNext } from '../../core/plan/whatNext';
import { dayOf } from '../../core/plan/days';
import type { Roadmap } from '../../core/roadmap/model';
import type { TreeFilter } from '../../core/view/treeFilter';
import { getConfig, onDidChangeConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';

/** What the plan needs from detection: the milestones found, and when they change. */
export interface PlanDetection {
  /** Milestones present in the open workspace (loads the detection core on first call). */
  presentMilestones(): ReadonlySet<string>;
  readonly onDidChange: vscode.Event<void>;
}

/** Finish dates and due reviews move at the learner's midnight: look for a new day this often. */
const DAY_CHECK_MS = 10 * 60 * 1000;

export interface PlanServiceDeps {
  readonly roadmaps: RoadmapService;
  readonly progress: ProgressService;
  /** Asked only when "what next" is asked, so the detection core is never loaded for the plan alone. */
  readonly detection: () => PlanDetection;
  /** The clock (tests fix it). */
  readonly now?: () => Date;
}

/** Minutes east of UTC of the learner's time zone at `now`: plans and reviews count the learner's own days. */
export function localUtcOffsetMinutes(now: Date): number {
  return -now.getTimezoneOffset();
}

/**
 * The learner's path, plan, "what next" and due reviews in this window, from the settings
 * (`backendRoadmap.plan.stack`, `.plan.path`, `.plan.hoursPerWeek`, `.review.enabled`) and progress.
 * The status bar, the tree, the commands and the dashboard all read it here, so they never disagree;
 * `onDidChange` fires when any of them may have changed (progress, those settings, the roadmap loading,
 * milestones found once `whatNext` was first asked, a new day). Every method is synchronous and cheap; those needing the roadmap return nothing
 * until it has loaded (`ready()` waits for it).
 */
export class PlanService extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Progress, plan settings, the roadmap or the milestones found changed: read again. */
  readonly onDidChange = this.changed.event;
  private detectionWatched = false;

  constructor(private readonly deps: PlanServiceDeps) {
    super();
    this._register(deps.progress.onDidChange(() => this.changed.fire()));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('plan.stack') || affects('plan.path') || affects('plan.hoursPerWeek') || affects('review.enabled')) {
          this.changed.fire();
        }
      }),
    );
    void deps.roadmaps.load().then(() => this.changed.fire());
    this._register(deps.roadmaps.onDidChange(() => this.changed.fire()));
    let today = this.today();
    const timer = setInterval(() => {
      if (this.today() !== today) {
        today = this.today();
        this.changed.fire();
      }
    }, DAY_CHECK_MS);
    this._register({ dispose: () => clearInterval(timer) });
  }

  /** Resolves once the roadmap has loaded (or failed to): then `plan()` and the rest have answers. */
  async ready(): Promise<Roadmap | undefined> {
    return (await this.deps.roadmaps.load()).roadmap;
  }

  /** The path the learner chose (stack, core or all); the whole roadmap when no stack is chosen and the scope is `all`. */
  currentPath(): LearningPath {
    return pathFromSettings(getConfig('plan.stack'), getConfig('plan.path'));
  }

  /** Hours a week from the setting, kept within 1 to 80. */
  hoursPerWeek(): number {
    return hoursFromSetting(getConfig('plan.hoursPerWeek'));
  }

  /** What the Roadmap view shows (settings `tree.hideFinished`, `tree.pathOnly`). */
  treeFilter(): TreeFilter {
    return { hideFinished: getConfig('tree.hideFinished'), ...(getConfig('tree.pathOnly') ? { path: this.currentPath() } : {}) };
  }

  /** Whether a skill is on the learner's path (false while the roadmap is loading). */
  isOnPath(skillId: string): boolean {
    const skill = this.deps.roadmaps.current?.skillById.get(skillId);
    return skill !== undefined && isOnPath(skill, this.currentPath());
  }

  /** Hours and weeks left, finish dates at the stated and measured pace, per stage; undefined until the roadmap loads. */
  plan(): Plan | undefined {
    const roadmap = this.deps.roadmaps.current;
    if (!roadmap) {
      return undefined;
    }
    const now = this.now();
    return planPath(roadmap, this.deps.progress.all, this.currentPath(), this.hoursPerWeek(), now, localUtcOffsetMinutes(now));
  }

  /** The plan in sentences (planText.ts), as the status bar tooltip shows it; empty until the roadmap loads. */
  planText(): readonly string[] {
    const plan = this.plan();
    return plan === undefined ? [] : planSentences(plan, this.currentPath());
  }

  /**
   * Open skills on the path whose prerequisites are finished, best first (in progress, then partly proved by
   * milestones found in the workspace, then path order), each with its reason; at most `limit`.
   * The first call loads the detection core (to know the milestones found).
   */
  whatNext(limit = Number.POSITIVE_INFINITY): readonly NextSkill[] {
    const roadmap = this.deps.roadmaps.current;
    if (!roadmap) {
      return [];
    }
    const detection = this.deps.detection();
    if (!this.detectionWatched) {
      this.detectionWatched = true;
      this._register(detection.onDidChange(() => this.changed.fire()));
    }
    const rules = ruleProgressBySkill(roadmap, detection.presentMilestones());
    return whatNext(roadmap, this.deps.progress.all, this.currentPath(), rules).slice(0, limit);
  }

  /** Whether reviews are on (`backendRoadmap.review.enabled`). */
  reviewsEnabled(): boolean {
    return getConfig('review.enabled');
  }

  /** Self-checks due for review today or earlier, the longest overdue first; none when reviews are off or the roadmap is loading. */
  dueReviews(): readonly DueReview[] {
    const roadmap = this.deps.roadmaps.current;
    if (!roadmap || !this.reviewsEnabled()) {
      return [];
    }
    const now = this.now();
    return dueReviews(this.deps.progress.all, now, localUtcOffsetMinutes(now), (id) => roadmap.skillById.has(id));
  }

  /** The review to take next: the longest overdue, or else the soonest coming; undefined when none or reviews are off. */
  nextReview(): ReviewSchedule | undefined {
    const roadmap = this.deps.roadmaps.current;
    if (!roadmap || !this.reviewsEnabled()) {
      return undefined;
    }
    const now = this.now();
    return nextReview(this.deps.progress.all, now, localUtcOffsetMinutes(now), (id) => roadmap.skillById.has(id));
  }

  private today(): string {
    const now = this.now();
    return dayOf(now, localUtcOffsetMinutes(now));
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
