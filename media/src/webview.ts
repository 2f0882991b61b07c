import type { SkillState } from '../../src/core/progress/model';
import type { EvidenceView, HostMessage, MilestoneCheckView, PanelState, PanelView, QuizResultView, SkillView } from '../../src/core/view/protocol';
import { STATE_ICONS } from '../../src/core/view/stateIcons';
import { projectIdeasSection, renderBrief } from './brief';
import { renderDashboard } from './dashboard';
import { el, icon, markdownBlock, markdownInline, textWithCode } from './dom';
import { quizSection } from './quiz';
import { vscode } from './vscodeApi';
import { button, section, skillLink } from './widgets';

const app = document.getElementById('app') ?? document.body;

/** The skill on screen, so a quiz result can redraw its section alone. */
let shownSkill: SkillView | undefined;

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'render') {
    render(message.view);
  } else if (message.type === 'unavailable') {
    // In place of "Loading…", which would otherwise stay: the page says why it is not there and what to do.
    app.replaceChildren(el('p', { class: 'unavailable', role: 'alert' }, icon('error'), ` ${message.message}`));
    document.body.dataset.view = 'unavailable';
  } else {
    showQuizResult(message.skillId, message.result);
  }
});

function pageState(): PanelState {
  return vscode.getState() ?? {};
}

/** Keeps the last result per skill in the page state (it survives a reload), then shows it if that skill is on screen. */
function showQuizResult(skillId: string, result: QuizResultView): void {
  const state = pageState();
  vscode.setState({ ...state, quizResults: { ...state.quizResults, [skillId]: result } });
  redrawQuiz(skillId, true);
}

function forgetQuizResult(skillId: string): void {
  const { [skillId]: _forgotten, ...others } = pageState().quizResults ?? {};
  vscode.setState({ ...pageState(), quizResults: others });
  redrawQuiz(skillId, false);
}

function redrawQuiz(skillId: string, showingResult: boolean): void {
  if (shownSkill?.id !== skillId) {
    return;
  }
  const section = quizSectionFor(shownSkill);
  if (section) {
    document.getElementById('quiz')?.replaceWith(section);
    // Move focus to what changed: the result, or the first choice for a new try.
    const target = showingResult ? section.querySelector<HTMLElement>('#quiz-result') : section.querySelector<HTMLElement>('input');
    target?.focus();
  }
}

function quizSectionFor(view: SkillView): HTMLElement | undefined {
  return quizSection(view, pageState().quizResults?.[view.id], {
    submit: (answers) => vscode.postMessage({ type: 'submitQuiz', skillId: view.id, answers }),
    retry: () => forgetQuizResult(view.id),
  });
}

// Links inside rendered Markdown leave through the host, which opens only http(s). The click stops here:
// VS Code's webview frame also handles link clicks on the window (it would open the link a second time,
// behind a confirmation), and it scrolls to the top for `#` links.
document.addEventListener('click', (event) => {
  const anchor = (event.target as HTMLElement | null)?.closest('a');
  if (!anchor) {
    return;
  }
  event.stopPropagation();
  if (anchor.href && !anchor.dataset.skill) {
    event.preventDefault();
    vscode.postMessage({ type: 'openExternal', url: anchor.href });
  }
});

function render(view: PanelView): void {
  const shownBefore = document.body.dataset.view === 'skill' ? shownSkill?.id : document.body.dataset.view;
  const { skillId: _previous, ...kept } = pageState();
  vscode.setState(view.kind === 'skill' ? { ...kept, skillId: view.id } : kept);
  shownSkill = view.kind === 'skill' ? view : undefined;
  // A re-render (progress changed) keeps keyboard focus where it was, e.g. on a quiz choice or result.
  const focusedId = document.activeElement?.id;
  app.replaceChildren(view.kind === 'skill' ? renderSkill(view) : view.kind === 'brief' ? renderBrief(view) : renderDashboard(view));
  if (focusedId) {
    document.getElementById(focusedId)?.focus();
  }
  document.body.dataset.view = view.kind;
  // Another skill (or the dashboard) starts at the top, with its title and buttons in view; a re-render of
  // the same one (progress changed) keeps the learner's place.
  if ((view.kind === 'skill' ? view.id : view.kind) !== shownBefore) {
    window.scrollTo(0, 0);
  }
}

function renderSkill(view: SkillView): HTMLElement {
  return el(
    'article',
    { 'aria-labelledby': 'skill-title' },
    skillHeader(view),
    section('What it is', 'book', markdownBlock(view.summaryHtml)),
    section('Why it matters', 'lightbulb', markdownBlock(view.whyHtml)),
    view.subtopics.length > 0 && section('Subtopics', 'list-unordered', el('ul', { class: 'chips' }, ...view.subtopics.map((topic) => el('li', {}, topic)))),
    view.resources.length > 0 && section('Resources', 'link-external', resourceList(view)),
    view.practiceHtml.length > 0 && section('Practice', 'tools', el('ol', {}, ...view.practiceHtml.map((task) => el('li', {}, markdownInline(task))))),
    view.projectIdeas.length > 0 && projectIdeasSection(view.projectIdeas),
    quizSectionFor(view),
    section('Evidence', 'verified', evidenceList(view)),
    whyNotDone(view),
    skillLinks(view),
  );
}

function skillHeader(view: SkillView): HTMLElement {
  const crumbs = el('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' });
  const home = el('a', { href: '#', 'data-skill': '' }, 'Roadmap');
  home.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openDashboard' });
  });
  crumbs.append(home, ` › Stage ${view.stage.order}: ${view.stage.title}`);
  return el(
    'header',
    {},
    crumbs,
    el('h1', { id: 'skill-title' }, view.title),
    el('p', { class: `state state-${view.state}`, id: 'skill-state' }, icon(STATE_ICONS[view.state].codicon), ` ${view.stateLabel}`, view.stateDetail ? el('span', { class: 'muted' }, ` · ${view.stateDetail}`) : undefined, ` · ${view.estimate}`),
    view.note ? el('p', { class: 'note' }, icon('note'), ` ${view.note}`) : undefined,
    stateActions(view),
  );
}

function stateActions(view: SkillView): HTMLElement {
  const setState = (state: SkillState) => (): void => vscode.postMessage({ type: 'setState', skillId: view.id, state });
  return el(
    'div',
    { class: 'actions', role: 'toolbar', 'aria-label': 'Skill state' },
    view.state !== 'done' && button('Mark done', 'pass', setState('done'), { class: 'primary', 'data-action': 'done' }),
    view.state !== 'inProgress' && button('Start', 'play', setState('inProgress'), { 'data-action': 'inProgress' }),
    view.state !== 'skipped' && button('Skip', 'circle-slash', setState('skipped'), { 'data-action': 'skipped' }),
    view.state !== 'notStarted' && button('Reset', 'discard', setState('notStarted'), { 'data-action': 'notStarted' }),
    button(view.note ? 'Edit note' : 'Add note', 'note', () => vscode.postMessage({ type: 'editNote', skillId: view.id }), { 'data-action': 'note' }),
  );
}

function resourceList(view: SkillView): HTMLElement {
  return el(
    'ul',
    { class: 'resources' },
    ...view.resources.map((resource) => el('li', {}, el('a', { href: resource.url, title: resource.url }, resource.title), el('span', { class: `badge kind-${resource.kind}` }, resource.kind))),
  );
}

function evidenceList(view: SkillView): HTMLElement {
  if (view.evidence.length === 0) {
    return el('p', { class: 'empty', id: 'evidence-empty' }, 'No evidence yet. When your workspace shows this skill (see the checks below), the proof appears here.');
  }
  return el('ul', { class: 'evidence', id: 'evidence-list' }, ...view.evidence.map((item) => evidenceRow(view.id, item)));
}

function evidenceRow(skillId: string, item: EvidenceView): HTMLElement {
  const label = el('span', {}, el('strong', {}, item.milestoneTitle), ' — ', textWithCode(item.summary), item.folderName ? el('span', { class: 'muted' }, ` · ${item.folderName}`) : undefined);
  const row = el('li', {}, icon('verified-filled'), ' ', label);
  if (item.openable) {
    const open = el('a', { href: '#', 'data-skill': '', class: 'open-evidence' }, ` ${item.location ?? 'open'}`);
    open.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openEvidence', skillId, index: item.index });
    });
    row.append(' ', open);
  } else if (item.location) {
    row.append(el('code', {}, ` ${item.location}`));
  }
  row.append(el('span', { class: 'muted' }, ` · ${new Date(item.at).toLocaleString()}`));
  return row;
}

const CHECK_ICONS: Record<MilestoneCheckView['status'], string> = { present: 'pass-filled', notCredited: 'person', missing: 'circle-large-outline', unknown: 'question' };

function whyNotDone(view: SkillView): HTMLElement {
  const checks =
    view.checks.length === 0
      ? undefined
      : el(
          'ul',
          { class: 'checks', id: 'checks' },
          ...view.checks.map((check) =>
            el(
              'li',
              { class: `check-${check.status}`, 'data-milestone': check.id },
              icon(CHECK_ICONS[check.status]),
              ' ',
              el('strong', {}, check.title),
              check.group === 'any' ? el('span', { class: 'muted' }, ' (one of these is enough)') : undefined,
              el('span', { class: 'muted' }, ' — ', textWithCode(check.detail)),
              check.action === 'runTests' ? button('Run My Tests', 'beaker', () => vscode.postMessage({ type: 'runTests' }), { class: 'inline-action', 'data-action': 'runTests' }) : undefined,
            ),
          ),
        );
  return section('Why is this (not) done?', 'question', el('p', { class: 'muted', id: 'detection-note' }, view.detectionNote), checks, view.checks.length > 0 ? button('Re-check workspace', 'refresh', () => vscode.postMessage({ type: 'recheck' })) : undefined);
}

function skillLinks(view: SkillView): HTMLElement {
  const prerequisites = view.prerequisites.flatMap((p, i) => (i === 0 ? [skillLink(p)] : [' · ', skillLink(p)]));
  return el(
    'footer',
    { class: 'links' },
    prerequisites.length > 0 ? el('div', {}, el('span', { class: 'muted' }, 'Learn first: '), ...prerequisites) : el('div', { class: 'muted' }, 'No prerequisites.'),
    view.next ? el('div', { id: 'next-skill' }, el('span', { class: 'muted' }, 'Next: '), skillLink(view.next)) : undefined,
  );
}

vscode.postMessage({ type: 'ready' });
