import type { SkillLink } from '../../src/core/view/protocol';
import { STATE_ICONS } from '../../src/core/view/stateIcons';
import { el, icon } from './dom';
import { vscode } from './vscodeApi';

/** Pieces the skill page and the dashboard share: links to skills, buttons, sections, progress bars. */

/** A link that opens a skill in the panel (`data-skill` keeps the page's link handler from opening it as a URL). */
export function skillLink({ id, title, state }: SkillLink): HTMLElement {
  const anchor = el('a', { href: '#', 'data-skill': id, class: 'skill-link' }, icon(STATE_ICONS[state].codicon), ` ${title}`);
  anchor.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'openSkill', skillId: id });
  });
  return anchor;
}

export function button(label: string, codicon: string, onClick: () => void, extra: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...extra }, icon(codicon), ` ${label}`);
  b.addEventListener('click', onClick);
  return b;
}

export function section(title: string, codicon: string, ...children: (Node | false | undefined)[]): HTMLElement {
  return el('section', {}, el('h2', {}, icon(codicon), ` ${title}`), ...children);
}

export function progressBar(value: number, label: string): HTMLElement {
  const bar = el('div', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(value), 'aria-label': label });
  const fill = el('div', { class: 'fill' });
  fill.style.width = `${value}%`;
  bar.append(fill);
  return bar;
}
