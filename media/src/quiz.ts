import type { QuizQuestionView, QuizResultView, SkillView, SubmittedAnswer } from '../../src/core/view/protocol';
import { el, icon, markdownBlock, markdownInline } from './dom';

export interface QuizActions {
  readonly submit: (answers: SubmittedAnswer[]) => void;
  readonly retry: () => void;
}

/** Choices picked but not yet checked, per skill: a re-render (progress changed elsewhere) keeps them. */
const drafts = new Map<string, SubmittedAnswer[]>();

/**
 * "Check yourself": the questions with radio buttons (checkboxes when several choices are right). The page
 * holds no answer key; the host grades and sends back right or wrong per question with its explanation.
 */
export function quizSection(view: SkillView, stored: QuizResultView | undefined, actions: QuizActions): HTMLElement | undefined {
  const quiz = view.quiz;
  if (quiz === undefined) {
    return undefined;
  }
  // A result from an older version of the quiz (another number of questions) is not shown against this one.
  const result = stored?.total === quiz.questions.length ? stored : undefined;
  const chosen: readonly SubmittedAnswer[] = result ? result.results.map((r) => r.chosen) : (drafts.get(view.id) ?? []);
  const form = el('form', { class: 'quiz', 'aria-describedby': 'quiz-note' });
  form.append(...quiz.questions.map((question, index) => questionBlock(view.id, question, index, chosen[index] ?? null, result)));
  if (result) {
    const status = el('p', { id: 'quiz-result', class: result.passed ? 'quiz-summary quiz-passed' : 'quiz-summary quiz-failed', role: 'status', tabindex: '-1' }, icon(result.passed ? 'pass-filled' : 'info'), ` ${result.message}`);
    const retry = actionButton('Try again', 'refresh', 'button', 'quiz-retry');
    retry.addEventListener('click', () => {
      drafts.delete(view.id);
      actions.retry();
    });
    form.append(status, retry);
  } else {
    form.append(actionButton('Check answers', 'check', 'submit', 'quiz-submit'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const answers = readAnswers(form, quiz.questions.length);
      drafts.set(view.id, answers);
      actions.submit(answers);
    });
    form.addEventListener('change', () => drafts.set(view.id, readAnswers(form, quiz.questions.length)));
  }
  return el('section', { id: 'quiz' }, el('h2', {}, icon('mortar-board'), ' Check yourself'), el('p', { class: 'muted', id: 'quiz-note' }, quiz.note), form);
}

function questionBlock(skillId: string, question: QuizQuestionView, index: number, chosen: SubmittedAnswer, result: QuizResultView | undefined): HTMLElement {
  const labelId = `quiz-q${index}`;
  const picked = chosen === null ? [] : typeof chosen === 'number' ? [chosen] : chosen;
  const graded = result?.results[index];
  const fieldset = el('fieldset', { class: 'quiz-question', 'aria-labelledby': labelId, 'data-question': String(index) });
  const heading = el('div', { id: labelId, class: 'quiz-prompt' }, el('span', { class: 'quiz-number' }, `${index + 1}. `), markdownBlock(question.questionHtml));
  if (question.multiple) {
    heading.append(el('span', { class: 'muted' }, ' (more than one is right)'));
  }
  fieldset.append(heading);
  question.choicesHtml.forEach((choiceHtml, choice) => {
    const input = el('input', { type: question.multiple ? 'checkbox' : 'radio', name: `${skillId}-q${index}`, value: String(choice), id: `quiz-q${index}-c${choice}` });
    input.checked = picked.includes(choice);
    input.disabled = graded !== undefined;
    fieldset.append(el('label', { class: 'quiz-choice', for: input.id }, input, ' ', markdownInline(choiceHtml)));
  });
  if (graded) {
    const [codicon, text, className] = !graded.answered ? ['circle-slash', 'Not answered.', 'quiz-wrong'] : graded.correct ? ['pass-filled', 'Right.', 'quiz-right'] : ['error', 'Not right.', 'quiz-wrong'];
    fieldset.append(el('div', { class: `quiz-feedback ${className}` }, el('p', {}, icon(codicon), ` ${text}`), markdownBlock(graded.explainHtml)));
  }
  return fieldset;
}

function readAnswers(form: HTMLFormElement, count: number): SubmittedAnswer[] {
  const answers: SubmittedAnswer[] = [];
  for (let index = 0; index < count; index++) {
    const fieldset = form.querySelector(`[data-question="${index}"]`);
    const inputs = [...(fieldset?.querySelectorAll<HTMLInputElement>('input') ?? [])];
    const picked = inputs.filter((input) => input.checked).map((input) => Number(input.value));
    const multiple = inputs[0]?.type === 'checkbox';
    answers.push(picked.length === 0 ? null : multiple ? picked : (picked[0] ?? null));
  }
  return answers;
}

function actionButton(label: string, codicon: string, type: 'button' | 'submit', id: string): HTMLButtonElement {
  return el('button', { type, id, class: type === 'submit' ? 'primary' : '' }, icon(codicon), ` ${label}`);
}
