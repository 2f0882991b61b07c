import { formatNumber } from '../text/numbers';

import { plural } from '../text/plural';

/** Short texts the tree, the panel and the status bar share, so they never disagree. */

/** A skill's estimate, read as study time to come, not time spent: "about 6 h of study". */
export function studyEstimate(hours: number): string {
  return `about ${formatNumber(hours)} h of study`;
}

/** Stage titles longer than this are shortened in the tree, so the row's done/total stays in view at the default side bar width. */
export const STAGE_LABEL_MAX = 28;

/**
 * The tree row of a stage: its title, shortened at a word when long (the full title is in the tooltip and
 * the accessible label), and done/total as the description right after it.
 */
export function stageRow(title: string, done: number, total: number, max = STAGE_LABEL_MAX): { readonly label: string; readonly description: string } {
  return { label: shorten(title, max), description: `${done}/${total}` };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  // Cut at the last word boundary when it keeps most of the text; never leave a dangling comma or "and".
  const space = /\s/.test(text.charAt(max - 1)) ? cut.length : cut.lastIndexOf(' ');
  const words = (space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:\u2013-]+$/, '').replace(/\s+(?:and|or|of|for|with|the|a|an)$/i, '');
  return `${words}…`;
}

/**
 * The Roadmap view's note while done and skipped skills are hidden (its description beside the title, and the
 * first line of its message, which a narrow side bar never cuts off); undefined when nothing is filtered.
 */
export function treeFilterDescription(hideFinished: boolean, hiddenCount: number): string | undefined {
  if (!hideFinished) {
    return undefined;
  }
  return hiddenCount === 0 ? 'hiding done and skipped' : `${plural(hiddenCount, 'done or skipped skill', 'done or skipped skills')} hidden`;
}

/** The line above the tree: the filter, when on, then what is off in detection (Restricted Mode, checks disabled). */
export function treeViewMessage(filter: string | undefined, detection: string | undefined): string | undefined {
  const filterLine = filter === undefined ? undefined : `Showing open skills only (${filter}): use the filled filter button to show them all.`;
  const lines = [filterLine, detection].filter((line): line is string => line !== undefined);
  return lines.length === 0 ? undefined : lines.join(' ');
}
