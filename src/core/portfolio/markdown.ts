import { escapeMarkdown, markdownUrl } from './escape';
import type { Portfolio, PortfolioEvidence, PortfolioLink, PortfolioSkill } from './model';
import { safeLinkUrl } from './remoteLinks';

/** The portfolio as Markdown: every piece of text escaped, every link an https page of a known kind. */
export function renderPortfolioMarkdown(portfolio: Portfolio): string {
  const lines: string[] = ['# Backend skills portfolio', ''];
  lines.push(`${portfolio.finishedSkills} of ${portfolio.totalSkills} roadmap skills finished. Made with Backend Roadmap on ${portfolio.createdAt.slice(0, 10)}.`, '');
  lines.push(
    'The evidence listed is the learner\'s own work: their commits, their uncommitted changes, commands they ran. ' +
      'Each claim with a commit is in the proof file beside this page; anyone with a clone can re-check it with `backend-roadmap verify PROOF.json --repo DIR`.',
    '',
  );
  lines.push('## Finished skills', '');
  if (portfolio.stages.length === 0) {
    lines.push('No skill finished yet.', '');
  }
  for (const stage of portfolio.stages) {
    lines.push(`### ${escapeMarkdown(stage.title)}`, '');
    for (const skill of stage.skills) {
      lines.push(...skillLines(skill), '');
    }
  }
  if (portfolio.briefs.length > 0) {
    lines.push('## Projects built', '');
    for (const brief of portfolio.briefs) {
      lines.push(`- ${escapeMarkdown(brief.title)}${brief.repository === undefined ? '' : `: ${link(brief.repository)}`}`);
    }
    lines.push('');
  }
  if (portfolio.selfChecks.length > 0) {
    lines.push('## Self-checks passed', '');
    for (const check of portfolio.selfChecks) {
      lines.push(`- ${escapeMarkdown(check.skill)}: ${Math.round(check.score * 100)}% right${check.passedOn === undefined ? '' : ` (${check.passedOn})`}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function skillLines(skill: PortfolioSkill): string[] {
  const lines = [`#### ${escapeMarkdown(skill.title)}`, ''];
  const how = skill.markedByLearner ? 'marked done by the learner' : 'proved by the evidence below';
  lines.push(`Finished${skill.finishedOn === undefined ? '' : ` on ${skill.finishedOn}`}, ${how}.`);
  if (skill.note !== undefined) {
    lines.push('', `> ${escapeMarkdown(skill.note)}`);
  }
  lines.push('');
  if (skill.evidence.length === 0) {
    lines.push('- No evidence of the learner\'s own work recorded.');
  }
  for (const evidence of skill.evidence) {
    lines.push(`- ${evidenceText(evidence)}`);
  }
  return lines;
}

function evidenceText(evidence: PortfolioEvidence): string {
  const parts: string[] = [];
  if (evidence.project !== undefined) {
    parts.push(`in ${link(evidence.project)}`);
  }
  if (evidence.location !== undefined) {
    parts.push(`at ${link(evidence.location)}`);
  }
  if (evidence.commit !== undefined) {
    parts.push(`commit ${link(evidence.commit)}`);
  }
  if (evidence.command !== undefined) {
    parts.push(`ran ${escapeMarkdown(evidence.command)} in the terminal`);
  }
  return parts.length === 0 ? escapeMarkdown(evidence.milestone) : `${escapeMarkdown(evidence.milestone)}: ${parts.join(', ')}`;
}

function link(target: PortfolioLink): string {
  const text = escapeMarkdown(target.text);
  const url = target.url === undefined ? undefined : safeLinkUrl(target.url);
  return url === undefined ? text : `[${text}](${markdownUrl(url)})`;
}
