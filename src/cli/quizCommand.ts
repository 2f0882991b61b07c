import * as path from 'node:path';
import { answersProblem, parseAnswerList } from '../core/quiz/answers';
import type { QuizAnswer } from '../core/quiz/grade';
import { gradeQuiz } from '../core/quiz/grade';
import { escapeJsonControls, sanitizeForTerminal } from '../core/text/sanitize';
import { defaultRoadmapDir } from './packageRoot';
import { loadCliRoadmap, reportUnloadableRoadmap } from './roadmapSource';
import { errorMessage } from '../core/errorMessage';

/** `backend-roadmap quiz SKILL_ID --answers 0,2,1 [--json] [--roadmap DIR]`. */
export interface QuizCommandRequest {
  readonly kind: 'quiz';
  readonly skillId: string;
  readonly answers: readonly QuizAnswer[];
  readonly json: boolean;
  readonly roadmapDir?: string;
}

/** The JSON document printed by `quiz --json`. */
export interface QuizJsonReport {
  readonly skill: string;
  readonly passed: boolean;
  readonly score: number;
  readonly results: readonly { readonly question: string; readonly answered: boolean; readonly correct: boolean; readonly explain: string }[];
}

interface Output {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

const EXAMPLE = 'backend-roadmap quiz git-basics --answers 0,2,1 (choices count from 0; 0+2 for a question with several right choices)';

export function parseQuizArgs(args: readonly string[]): QuizCommandRequest | { readonly kind: 'usageError'; readonly message: string } {
  let json = false;
  let answersText: string | undefined;
  let roadmapDir: string | undefined;
  const skills: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--json') {
      json = true;
    } else if (arg === '--answers' || arg.startsWith('--answers=')) {
      answersText = arg === '--answers' ? args[++i] : arg.slice('--answers='.length);
      if (answersText === undefined) {
        return { kind: 'usageError', message: `--answers needs the answers, one per question. Example: ${EXAMPLE}` };
      }
    } else if (arg === '--roadmap' || arg.startsWith('--roadmap=')) {
      roadmapDir = arg === '--roadmap' ? args[++i] : arg.slice('--roadmap='.length);
      if (roadmapDir === undefined || roadmapDir === '') {
        return { kind: 'usageError', message: '--roadmap needs a folder.' };
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usageError', message: `Unknown option for quiz: ${arg}. Example: ${EXAMPLE}` };
    } else {
      skills.push(arg);
    }
  }
  if (skills.length !== 1) {
    return { kind: 'usageError', message: `${skills.length === 0 ? 'No skill id given.' : `One skill at a time (got ${skills.join(' ')}).`} Example: ${EXAMPLE}` };
  }
  if (answersText === undefined) {
    return { kind: 'usageError', message: `No answers given: add --answers. Example: ${EXAMPLE}` };
  }
  const parsed = parseAnswerList(answersText);
  if (!parsed.ok) {
    return { kind: 'usageError', message: `${parsed.problem}.` };
  }
  return { kind: 'quiz', skillId: skills[0] ?? '', answers: parsed.answers, json, ...(roadmapDir === undefined ? {} : { roadmapDir }) };
}

/**
 * Grades the answers against the roadmap's self-check; 0 when graded (passed or not), 2 for a usage problem,
 * 1 when the roadmap built into the program is damaged. `compiled` is that roadmap's file (tests give another).
 */
export async function runQuizCommand(request: QuizCommandRequest, io: Output, compiled?: string): Promise<number> {
  const roadmapDir = request.roadmapDir === undefined ? defaultRoadmapDir() : path.resolve(request.roadmapDir);
  const { loaded } = await loadCliRoadmap(request.roadmapDir, compiled);
  if (loaded.roadmap === undefined) {
    return reportUnloadableRoadmap(io, roadmapDir, loaded.problems, request.roadmapDir);
  }
  const skill = loaded.roadmap.skillById.get(request.skillId);
  if (skill === undefined) {
    io.stderr.write(`backend-roadmap: no skill "${sanitizeForTerminal(request.skillId)}" in the roadmap. Skill ids are the \`id:\` of each skill in ${sanitizeForTerminal(path.join(roadmapDir, 'stages'))}.\n`);
    return 2;
  }
  let questions: number;
  try {
    questions = skill.quiz.length;
  } catch (error) {
    // The shipped roadmap's texts are parsed when first read: a damaged install is found here.
    io.stderr.write(`backend-roadmap: ${sanitizeForTerminal(errorMessage(error))}\n`);
    return 1;
  }
  if (questions === 0) {
    io.stderr.write(`backend-roadmap: skill "${skill.id}" has no self-check in this roadmap: add a \`quiz\` to it, or pick another skill.\n`);
    return 2;
  }
  const problem = answersProblem(skill, request.answers);
  if (problem !== undefined) {
    io.stderr.write(`backend-roadmap: ${problem}. Give one answer per question, choices counted from 0.\n`);
    return 2;
  }
  const grade = gradeQuiz(skill, request.answers);
  if (request.json) {
    const report: QuizJsonReport = {
      skill: skill.id,
      passed: grade.passed,
      score: grade.score,
      results: grade.results.map((result, index) => ({ question: skill.quiz[index]?.question ?? '', answered: result.answered, correct: result.correct, explain: result.explain })),
    };
    io.stdout.write(`${escapeJsonControls(JSON.stringify(report, null, 2))}\n`);
    return 0;
  }
  const lines = grade.results.map((result) => {
    const verdict = !result.answered ? 'not answered' : result.correct ? 'right' : 'wrong';
    return `${result.index + 1}. ${verdict}: ${sanitizeForTerminal(oneLine(result.explain))}`;
  });
  const tally = `${grade.correctCount} of ${grade.total} right`;
  lines.push(grade.passed ? `Passed (${tally}).` : `Not passed (${tally}; every question answered and 80% right are needed).`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
