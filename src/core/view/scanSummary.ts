import type { ProjectsScan } from '../detection/scanMyProjects';
import type { ScanImport } from '../progress/scanImport';
import type { Roadmap } from '../roadmap/model';
import { agree, plural } from '../text/plural';

/** What "Scan My Projects" tells the learner before anything is recorded. */
export interface ScanSummary {
  /** The question (or the outcome when there is nothing to record), one sentence. */
  readonly message: string;
  /** The skills it would mark done, and what else the learner should know (failed repositories, a stop at a bound). */
  readonly detail: string;
  /** Skills the import would mark done: zero means nothing to ask. */
  readonly newlyDone: number;
}

/** Skill titles listed at most in the summary; the rest are counted. */
export const SUMMARY_TITLES_SHOWN = 25;

export function scanSummary(roadmap: Roadmap, scan: ProjectsScan, plan: ScanImport): ScanSummary {
  const repositories = plural(scan.repositories.length, 'repository', 'repositories');
  const failed = scan.repositories.filter((outcome) => 'error' in outcome).length;
  const extra = [
    ...(failed > 0 ? [`${plural(failed, 'repository', 'repositories')} could not be scanned (see the Backend Roadmap output).`] : []),
    ...(plan.alreadyDone.length > 0 ? [`${plural(plan.alreadyDone.length, 'more skill')} ${agree(plan.alreadyDone.length, 'is', 'are')} proved too, and already done.`] : []),
    ...(scan.stoppedEarly === undefined ? [] : [`The search ${scan.stoppedEarly}.`]),
  ];
  if (scan.repositories.length === 0) {
    return {
      message: `No git repository found under ${scan.root}.`,
      detail: ['Choose the folder that holds your projects (hidden, dependency and build folders are skipped).', ...extra].join('\n'),
      newlyDone: 0,
    };
  }
  if (plan.newlyDone.length === 0) {
    const why = plan.alreadyDone.length > 0 ? 'every skill your own work proves is already done.' : 'no skill is proved by your own work in them (commits under your git user.email, or an email in the setting "backendRoadmap.identity.emails").';
    return { message: `Scanned ${repositories}: nothing new to record.`, detail: [`Nothing was recorded: ${why}`, ...extra.filter((line) => !line.includes('already done'))].join('\n'), newlyDone: 0 };
  }
  const titles = plan.newlyDone.map((id) => roadmap.skillById.get(id)?.title ?? id);
  const shown = titles.slice(0, SUMMARY_TITLES_SHOWN);
  const more = titles.length - shown.length;
  return {
    message: `Scanned ${repositories}: your own work proves ${plural(titles.length, 'skill')} not done yet. Mark ${agree(titles.length, 'it', 'them')} done?`,
    detail: [`${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`, ...extra, 'Each is recorded with its evidence, like an import; nothing is recorded unless you agree.'].join('\n'),
    newlyDone: titles.length,
  };
}
