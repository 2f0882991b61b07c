import type { ProgressMap } from '../../core/progress/model';
import type { Roadmap } from '../../core/roadmap/model';
import { DASHBOARD_NEXT_LIMIT, buildDashboardView } from '../../core/view/dashboardView';
import type { DashboardView } from '../../core/view/dashboardView';
import type { PlanService } from '../plan/planService';
import { localUtcOffsetMinutes } from '../plan/planService';

/**
 * The dashboard from the plan service (path, plan, what next, reviews: the same figures as the status bar
 * and the tree) and progress; undefined until the plan service has the roadmap.
 */
export function dashboardData(roadmap: Roadmap, progress: ProgressMap, plan: PlanService, alsoKnown: readonly Roadmap[], now = new Date()): DashboardView | undefined {
  const planned = plan.plan();
  if (planned === undefined) {
    return undefined;
  }
  return buildDashboardView({
    roadmap,
    progress,
    path: plan.currentPath(),
    plan: planned,
    next: plan.whatNext(DASHBOARD_NEXT_LIMIT),
    due: plan.reviewsEnabled() ? plan.dueReviews() : undefined,
    today: now,
    utcOffsetMinutes: localUtcOffsetMinutes(now),
    alsoKnown,
  });
}
