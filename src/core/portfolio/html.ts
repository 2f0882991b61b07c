import { escapeHtml } from './escape';
import type { Portfolio, PortfolioEvidence, PortfolioLink, PortfolioSkill } from './model';
import { safeLinkUrl } from './remoteLinks';

/**
 * A page that works opened from disk or put on any web host: inline CSS, no script (the policy forbids
 * any), no outside resource, the reader's light or dark preference.
 */
const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --line: #d1d9e0; --link: #0969da; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d; --link: #4493f8; --ok: #3fb950; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.lead, .meta { color: var(--muted); }
.skill { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin: .6rem 0; }
.skill h4 { margin: 0; font-size: 1.05rem; }
.skill h4::before { content: "\\2713  "; color: var(--ok); }
.meta { font-size: .9rem; margin: .15rem 0 .4rem; }
blockquote { margin: .4rem 0; padding: .1rem .8rem; border-left: 3px solid var(--line); color: var(--muted); white-space: pre-wrap; }
ul { margin: .3rem 0 0; padding-left: 1.2rem; }
li { margin: .15rem 0; }
a { color: var(--link); }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
`;

/** The portfolio as one standalone HTML page, every piece of text escaped. */
export function renderPortfolioHtml(portfolio: Portfolio): string {
  const body: string[] = [];
  body.push('<h1>Backend skills portfolio</h1>');
  body.push(`<p class="lead">${portfolio.finishedSkills} of ${portfolio.totalSkills} roadmap skills finished. Made with Backend Roadmap on ${escapeHtml(portfolio.createdAt.slice(0, 10))}.</p>`);
  body.push('<h2>Finished skills</h2>');
  if (portfolio.stages.length === 0) {
    body.push('<p>No skill finished yet.</p>');
  }
  for (const stage of portfolio.stages) {
    body.push(`<section><h3>${escapeHtml(stage.title)}</h3>`);
    body.push(...stage.skills.map(skillHtml));
    body.push('</section>');
  }
  if (portfolio.briefs.length > 0) {
    body.push('<h2>Projects built</h2><ul>');
    for (const brief of portfolio.briefs) {
      body.push(`<li>${escapeHtml(brief.title)}${brief.repository === undefined ? '' : `: ${link(brief.repository)}`}</li>`);
    }
    body.push('</ul>');
  }
  if (portfolio.selfChecks.length > 0) {
    body.push('<h2>Self-checks passed</h2><ul>');
    for (const check of portfolio.selfChecks) {
      body.push(`<li>${escapeHtml(check.skill)}: ${Math.round(check.score * 100)}% right${check.passedOn === undefined ? '' : ` (${escapeHtml(check.passedOn)})`}</li>`);
    }
    body.push('</ul>');
  }
  body.push(
    '<footer>The evidence listed is the learner\'s own work: their commits, their uncommitted changes, commands they ran. ' +
      'Each claim with a commit is in the proof file beside this page; anyone with a clone can re-check it with <code>backend-roadmap verify PROOF.json --repo DIR</code>.</footer>',
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No script, no outside resource, no form: only the inline style below.
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src \'none\'; form-action \'none\'; base-uri \'none\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="referrer" content="no-referrer">',
    '<title>Backend skills portfolio</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    ...body,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

function skillHtml(skill: PortfolioSkill): string {
  const how = skill.markedByLearner ? 'marked done by the learner' : 'proved by the evidence below';
  const parts = [`<article class="skill"><h4>${escapeHtml(skill.title)}</h4>`];
  parts.push(`<p class="meta">Finished${skill.finishedOn === undefined ? '' : ` on ${escapeHtml(skill.finishedOn)}`}, ${how}.</p>`);
  if (skill.note !== undefined) {
    parts.push(`<blockquote>${escapeHtml(skill.note)}</blockquote>`);
  }
  parts.push('<ul>');
  if (skill.evidence.length === 0) {
    parts.push('<li>No evidence of the learner\'s own work recorded.</li>');
  }
  for (const evidence of skill.evidence) {
    parts.push(`<li>${evidenceHtml(evidence)}</li>`);
  }
  parts.push('</ul></article>');
  return parts.join('');
}

function evidenceHtml(evidence: PortfolioEvidence): string {
  const parts: string[] = [];
  if (evidence.project !== undefined) {
    parts.push(`in ${link(evidence.project)}`);
  }
  if (evidence.location !== undefined) {
    parts.push(`at <code>${link(evidence.location)}</code>`);
  }
  if (evidence.commit !== undefined) {
    parts.push(`commit <code>${link(evidence.commit)}</code>`);
  }
  if (evidence.command !== undefined) {
    parts.push(`ran <code>${escapeHtml(evidence.command)}</code> in the terminal`);
  }
  const title = escapeHtml(evidence.milestone);
  return parts.length === 0 ? title : `${title}: ${parts.join(', ')}`;
}

function link(target: PortfolioLink): string {
  const text = escapeHtml(target.text);
  const url = target.url === undefined ? undefined : safeLinkUrl(target.url);
  return url === undefined ? text : `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>`;
}
