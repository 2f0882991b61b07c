import type { BriefCheckView, BriefCriterionView, BriefEvidenceView, BriefRowStatus, BriefView } from '../../src/core/view/briefViewTypes';
import type { SkillView } from '../../src/core/view/protocol';
import { el, icon, markdownBlock, markdownInline, textWithCode } from './dom';
import { vscode } from './vscodeApi';
import { button, section, skillLink } from './widgets';

/** The project brief page (src/core/view/briefView.ts builds it) and the Start project buttons on skill pages. */

const STATUS_ICONS: Readonly<Record<BriefRowStatus, string>> = {
  found: 'pass-filled',
  missing: 'circle-large-outline',
  notYours: 'person',
  notChecked: 'question',
  checkYourself: 'eye',
};

/** The stage's project ideas on a skill page; a brief has a Start project button that opens it. */
export function projectIdeasSection(ideas: SkillView['projectIdeas']): HTMLElement {
  return section(
    'Project ideas for this stage',
    'rocket',
    el(
      'ul',
      { class: 'project-ideas', id: 'project-ideas' },
      ...ideas.map((idea) =>
        el(
          'li',
          {},
          el('strong', {}, idea.title),
          ': ',
          markdownInline(idea.descriptionHtml),
          idea.briefId === undefined
            ? undefined
            : button('Start project', 'play', () => vscode.postMessage({ type: 'startProject', briefId: idea.briefId ?? '' }), { class: 'inline-action', 'data-brief': idea.briefId, id: `start-${idea.briefId}` }),
        ),
      ),
    ),
  );
}

export function renderBrief(view: BriefView): HTMLElement {
  return el(
    'article',
    { 'aria-labelledby': 'brief-title', class: 'brief' },
    briefHeader(view),
    section('Goal', 'target', markdownBlock(view.goalHtml), el('p', {}, markdownInline(view.descriptionHtml))),
    section(
      'Checklist',
      'checklist',
      el('p', { class: 'muted' }, `${view.checksFound} of ${view.checksTotal} checks found${view.folder ? ` in ${view.folder.name}` : ''}.`),
      el('ul', { class: 'checks brief-criteria', id: 'brief-criteria' }, ...view.criteria.map((criterion, index) => criterionRow(view.id, criterion, index))),
      ...view.notes.map((note) => el('p', { class: 'muted brief-note' }, icon('info'), ' ', textWithCode(note))),
    ),
    view.skills.length > 0 && section('Skills it exercises', 'mortar-board', el('ul', { class: 'brief-skills' }, ...view.skills.map((skill) => el('li', {}, skillLink(skill))))),
  );
}

function briefHeader(view: BriefView): HTMLElement {
  const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' });
  const home = el('a', { href: '#', 'data-skill': '' }, 'Roadmap');
  home.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openDashboard' });
  });
  crumbs.append(home, ` › Stage ${view.stage.order}: ${view.stage.title} › Project`);
  const summaryIcon = view.complete ? 'pass-filled' : view.active ? 'play-circle' : 'rocket';
  return el(
    'header',
    {},
    crumbs,
    el('h1', { id: 'brief-title' }, view.title),
    el(
      'p',
      { class: `state brief-summary${view.complete ? ' state-done' : ''}`, id: 'brief-summary', role: 'status' },
      icon(summaryIcon),
      ' ',
      view.summary,
      view.completedOn ? el('span', { class: 'muted' }, ` Recorded on ${view.completedOn}.`) : undefined,
    ),
    el(
      'div',
      { class: 'actions', role: 'toolbar', 'aria-label': 'Project' },
      button(view.active ? 'Change folder' : 'Start project', view.active ? 'folder-opened' : 'play', () => vscode.postMessage({ type: 'startProject', briefId: view.id }), {
        class: view.active ? '' : 'primary',
        id: 'brief-start',
      }),
      button('Re-check workspace', 'refresh', () => vscode.postMessage({ type: 'recheck' }), { id: 'brief-recheck' }),
      view.complete && button('Export Portfolio', 'export', () => vscode.postMessage({ type: 'exportPortfolio' }), { class: 'primary', id: 'brief-export' }),
    ),
  );
}

function criterionRow(briefId: string, criterion: BriefCriterionView, index: number): HTMLElement {
  return el(
    'li',
    { class: `brief-criterion check-${criterion.status}`, 'data-status': criterion.status, id: `criterion-${index}` },
    icon(STATUS_ICONS[criterion.status]),
    ' ',
    markdownInline(criterion.textHtml),
    el('span', { class: 'badge' }, criterion.statusLabel),
    criterion.checks.length > 0 ? el('ul', { class: 'checks brief-checks' }, ...criterion.checks.map((check) => checkRow(briefId, check))) : undefined,
  );
}

function checkRow(briefId: string, check: BriefCheckView): HTMLElement {
  return el(
    'li',
    { class: `check-${check.status}`, 'data-check': check.check, 'data-status': check.status },
    icon(STATUS_ICONS[check.status]),
    ' ',
    el('strong', {}, check.title),
    el('span', { class: 'muted' }, ` — ${check.statusLabel}`, check.reason ? ': ' : '', check.reason ? textWithCode(check.reason) : ''),
    check.evidence.length > 0 ? el('ul', { class: 'evidence brief-evidence' }, ...check.evidence.map((item) => evidenceRow(briefId, item))) : undefined,
  );
}

function evidenceRow(briefId: string, item: BriefEvidenceView): HTMLElement {
  const row = el('li', {}, textWithCode(item.summary), item.folderName ? el('span', { class: 'muted' }, ` · ${item.folderName}`) : undefined);
  if (item.openable) {
    const open = el('a', { href: '#', 'data-skill': '', class: 'open-evidence' }, item.location ?? 'open');
    open.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openBriefEvidence', briefId, index: item.index });
    });
    row.append(' ', open);
  } else if (item.location) {
    row.append(' ', el('code', {}, item.location));
  }
  if (item.commit) {
    row.append(el('span', { class: 'muted' }, ` · commit ${item.commit}`));
  }
  return row;
}
