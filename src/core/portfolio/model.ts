/**
 * The portfolio as data: what a reader (a recruiter, a reviewer) sees, already stripped of everything
 * private. Renderers (markdown.ts, html.ts) only lay it out and escape it.
 */
import type { Evidence, ProgressMap, SkillProgress } from '../progress/model';
import { milestoneTitle } from '../milestones/catalog';
import { isQuizPassEvidence } from '../quiz/passRecord';
import type { Roadmap } from '../roadmap/model';
import { pathFromTop, projectRelativePath, publicCommand } from './escape';
import type { RemoteRepository } from './remoteLinks';
import { commitUrl, fileAtCommitUrl, publicRemoteUrl, remoteRepository, safeLinkUrl } from './remoteLinks';

/** What is known about one evidence folder on this machine. */
export interface FolderFacts {
  /** The folder's `origin` remote URL as configured (credentials are stripped before anything shows it). */
  readonly remoteUrl?: string;
  /** The folder's path from its repository's top level (`''`, or `server/`), as `git rev-parse --show-prefix` prints it. */
  readonly prefix: string;
}

/** A finished project brief and where its code lives. */
export interface FinishedBrief {
  readonly title: string;
  /** The repository's remote URL; a local path is not shown. */
  readonly repositoryUrl?: string;
}

export interface PortfolioInput {
  readonly roadmap: Roadmap;
  readonly progress: ProgressMap;
  /** Facts per evidence folder (the absolute path stored in evidence); a folder not in it gets no links. */
  readonly folders: ReadonlyMap<string, FolderFacts>;
  readonly briefs?: readonly FinishedBrief[];
  readonly now: Date;
  /** Show the learner's notes on finished skills (default true). */
  readonly includeNotes?: boolean;
}

/** Text, and the https page it links to when there is one. */
export interface PortfolioLink {
  readonly text: string;
  readonly url?: string;
}

export interface PortfolioEvidence {
  /** The milestone's title from the catalog. */
  readonly milestone: string;
  /** The project: its repository on the hosting service, its public remote, or the folder's name alone. */
  readonly project?: PortfolioLink;
  /** `path:line` relative to the project, linked to the file at the commit on a known host. */
  readonly location?: PortfolioLink;
  /** The short commit id, linked to the commit page on a known host. */
  readonly commit?: PortfolioLink;
  /** Program and subcommand of a command run in the terminal; never its arguments. */
  readonly command?: string;
}

export interface PortfolioSkill {
  readonly id: string;
  readonly title: string;
  /** YYYY-MM-DD; undefined when the record has no readable time. */
  readonly finishedOn?: string;
  /** True when the learner marked it done by hand (the evidence may then prove less than the whole skill). */
  readonly markedByLearner: boolean;
  readonly note?: string;
  readonly evidence: readonly PortfolioEvidence[];
}

export interface PortfolioStage {
  readonly id: string;
  readonly title: string;
  readonly skills: readonly PortfolioSkill[];
}

export interface PortfolioSelfCheck {
  readonly skill: string;
  /** Share of questions answered right, 0 to 1. */
  readonly score: number;
  readonly passedOn?: string;
}

export interface PortfolioBrief {
  readonly title: string;
  readonly repository?: PortfolioLink;
}

export interface Portfolio {
  readonly createdAt: string;
  readonly finishedSkills: number;
  readonly totalSkills: number;
  /** Stages with at least one finished skill, in roadmap order. */
  readonly stages: readonly PortfolioStage[];
  readonly selfChecks: readonly PortfolioSelfCheck[];
  readonly briefs: readonly PortfolioBrief[];
}

/** Evidence shown per skill at most: a portfolio is read, not audited (the proof file holds every claim). */
export const MAX_EVIDENCE_SHOWN = 12;

export function buildPortfolio(input: PortfolioInput): Portfolio {
  const stages: PortfolioStage[] = [];
  const selfChecks: PortfolioSelfCheck[] = [];
  let finishedSkills = 0;
  for (const stage of input.roadmap.stages) {
    const skills: PortfolioSkill[] = [];
    for (const skill of stage.skills) {
      const record = ownRecord(input.progress, skill.id);
      if (record === undefined) {
        continue;
      }
      const quiz = record.evidence.find(isQuizPassEvidence);
      if (quiz !== undefined && typeof quiz.score === 'number') {
        const passedOn = isoDate(quiz.at);
        selfChecks.push({ skill: skill.title, score: Math.min(1, Math.max(0, quiz.score)), ...(passedOn === undefined ? {} : { passedOn }) });
      }
      if (record.state !== 'done') {
        continue;
      }
      finishedSkills++;
      const note = input.includeNotes === false ? undefined : record.note?.trim();
      const finishedOn = isoDate(record.at);
      skills.push({
        id: skill.id,
        title: skill.title,
        ...(finishedOn === undefined ? {} : { finishedOn }),
        markedByLearner: record.setBy === 'learner',
        ...(note === undefined || note === '' ? {} : { note }),
        evidence: portfolioEvidence(record.evidence, input.folders),
      });
    }
    if (skills.length > 0) {
      stages.push({ id: stage.id, title: stage.title, skills });
    }
  }
  return {
    createdAt: input.now.toISOString(),
    finishedSkills,
    totalSkills: input.roadmap.skills.length,
    stages,
    selfChecks,
    briefs: (input.briefs ?? []).map(briefEntry),
  };
}

/** The learner's own evidence only (`yours === true`), self-checks apart, each shown once. */
function portfolioEvidence(evidence: readonly Evidence[], folders: ReadonlyMap<string, FolderFacts>): PortfolioEvidence[] {
  const shown: PortfolioEvidence[] = [];
  const seen = new Set<string>();
  for (const item of evidence) {
    if (item.yours !== true || isQuizPassEvidence(item)) {
      continue;
    }
    const entry = evidenceEntry(item, folders);
    const key = JSON.stringify(entry);
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    shown.push(entry);
    if (shown.length >= MAX_EVIDENCE_SHOWN) {
      break;
    }
  }
  return shown;
}

function evidenceEntry(item: Evidence, folders: ReadonlyMap<string, FolderFacts>): PortfolioEvidence {
  const facts = item.folder === undefined ? undefined : folders.get(item.folder);
  const repository = facts?.remoteUrl === undefined ? undefined : remoteRepository(facts.remoteUrl);
  const relative = projectRelativePath(item.path);
  const line = item.line !== undefined && Number.isInteger(item.line) && item.line > 0 ? item.line : undefined;
  const commit = item.commit !== undefined && /^[0-9a-f]{7,64}$/i.test(item.commit) ? item.commit.toLowerCase() : undefined;
  const command = publicCommand(item.command);
  const project = projectLink(item.folder, facts);
  const location = relative === undefined ? undefined : locationLink(relative, line, commit, repository, facts?.prefix ?? '');
  const commitPage = repository === undefined || commit === undefined ? undefined : commitUrl(repository, commit);
  return {
    milestone: milestoneTitle(item.milestone),
    ...(project === undefined ? {} : { project }),
    ...(location === undefined ? {} : { location }),
    ...(commit === undefined ? {} : { commit: { text: commit.slice(0, 7), ...(commitPage === undefined ? {} : { url: commitPage }) } }),
    ...(command === undefined ? {} : { command }),
  };
}

function briefEntry(brief: FinishedBrief): PortfolioBrief {
  const repository = brief.repositoryUrl === undefined ? undefined : repositoryLink(brief.repositoryUrl);
  return { title: brief.title, ...(repository === undefined ? {} : { repository }) };
}

function locationLink(relative: string, line: number | undefined, commit: string | undefined, repository: RemoteRepository | undefined, prefix: string): PortfolioLink {
  const text = line === undefined ? relative : `${relative}:${line}`;
  const fromTop = pathFromTop(prefix, relative);
  const url = repository === undefined || commit === undefined || fromTop === undefined ? undefined : fileAtCommitUrl(repository, commit, fromTop, line);
  return url === undefined ? { text } : { text, url };
}

/** The project an evidence folder is: its repository when public, else the folder's name (never its path). */
function projectLink(folder: string | undefined, facts: FolderFacts | undefined): PortfolioLink | undefined {
  const remote = facts?.remoteUrl === undefined ? undefined : repositoryLink(facts.remoteUrl);
  if (remote !== undefined) {
    return remote;
  }
  const name = folder?.split(/[\\/]+/).filter((part) => part !== '').pop();
  return name === undefined ? undefined : { text: name };
}

/** A repository as a reader sees it: `github.com/owner/repo` linked, or a public remote URL as text. */
export function repositoryLink(url: string): PortfolioLink | undefined {
  const repository = remoteRepository(url);
  if (repository !== undefined) {
    return { text: repository.webUrl.replace(/^https:\/\//, ''), url: repository.webUrl };
  }
  const remote = publicRemoteUrl(url);
  const link = remote === undefined ? undefined : safeLinkUrl(remote);
  return remote === undefined ? undefined : link === undefined ? { text: remote } : { text: remote, url: link };
}

/** YYYY-MM-DD of an ISO time; undefined when it is not one. */
function isoDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}

function ownRecord(progress: ProgressMap, id: string): SkillProgress | undefined {
  return Object.hasOwn(progress, id) ? progress[id] : undefined;
}
