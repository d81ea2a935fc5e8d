// One step of questions (one topic): the fields, conditional questions
// appearing and going, the error summary, Next and Previous.

import { h, replace } from '../../shared/dom.js';
import { fieldMessage } from '../../shared/messages.js';
import { makeField } from '../fields.js';
import { askedIds, formState, go, setAnswer, state, steps } from '../state.js';
import { T } from '../texts.js';
import { button, buttons, errorSummary, progress, show, stepNames } from './page.js';

export function showStep({ errors = null, push = true } = {}) {
  const now = formState();
  const asked = askedIds(now);
  const list = steps(now);
  if (list.length === 0) return go.result({ push });
  state.stepIndex = Math.min(Math.max(0, state.stepIndex), list.length - 1);
  const step = list[state.stepIndex];
  const last = state.stepIndex === list.length - 1;
  const total = list.length + 2;
  const current = state.stepIndex + 2;

  state.fields = new Map();
  const fieldNodes = step.all.map((q) => {
    const field = makeField(q);
    state.fields.set(q.id, field);
    field.write(q.type === 'number' || q.type === 'date' ? state.raw[q.id] : state.answers[q.id]);
    field.root.hidden = !asked.has(q.id);
    return field.root;
  });

  const summarySlot = h('div', { class: 'uw-error-slot' });
  // Screen readers hear when a question appears or goes away while answering.
  const live = h('p', { class: 'uw-visually-hidden', 'aria-live': 'polite', id: 'wijzigingen' });
  const form = h(
    'form',
    { class: 'uw-form', novalidate: true },
    summarySlot,
    fieldNodes,
    live,
    buttons(
      button(last ? T.toResult : T.next, { primary: true, type: 'submit', id: 'volgende' }),
      button(T.previous, { id: 'vorige', onClick: () => goBack() }),
      // After "Wijzig" on the result: straight back once this step is right.
      state.fromResult && !last ? button(T.backToResult, { id: 'terug-naar-uitkomst', onClick: () => next(step, summarySlot, { toResult: true }) }) : null,
    ),
  );

  const progressSlot = h('div', { 'data-key': `${state.stepIndex}|${stepNames(list).join('|')}` }, progress(current, total, stepNames(list)));
  const changed = (ev) => {
    onAnswer(step, progressSlot, live);
    clearError(ev.target?.closest?.('.uw-question')?.dataset.question, summarySlot);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    next(step, summarySlot);
  });

  show(`${T.stepOf(current, total)}: ${step.topic.title}`, [progressSlot, h('h1', { class: 'utrecht-heading-1' }, step.topic.title), form], {
    record: { v: 'step', i: state.stepIndex },
    push,
  });
  if (errors) showErrors(errors, summarySlot);
}

/** Reads the fields, drops answers that no longer apply, shows and hides conditional questions. */
function onAnswer(step, progressSlot, live) {
  for (const [id, field] of state.fields) {
    if (field.root.hidden) continue;
    const { answer, raw } = field.read();
    setAnswer(id, answer);
    if (raw === undefined) delete state.raw[id];
    else state.raw[id] = raw;
  }
  const form = formState();
  const asked = askedIds(form);
  const added = [];
  let removed = 0;
  for (const [id, field] of state.fields) {
    const show = asked.has(id);
    if (field.root.hidden === show) {
      field.root.hidden = !show;
      if (show) added.push(field.question.label);
      else {
        removed += 1;
        field.write(undefined);
        field.setError(null);
      }
    }
  }
  if (added.length || removed) {
    live.textContent = [
      added.length === 1 ? T.questionAdded(added[0]) : added.length ? T.questionsAdded(added.length) : '',
      removed === 1 ? T.questionRemoved : removed ? T.questionsRemoved(removed) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  const list = steps(form);
  const index = list.findIndex((s) => s.topic.id === step.topic.id);
  if (index >= 0) {
    const key = `${index}|${stepNames(list).join('|')}`;
    state.stepIndex = index;
    if (progressSlot.dataset.key !== key) {
      progressSlot.dataset.key = key;
      replace(progressSlot, progress(index + 2, list.length + 2, stepNames(list)));
    }
  }
}

/** Once a question with an error is answered again, its message goes (at the field and in the summary). */
function clearError(id, summarySlot) {
  const field = id ? state.fields.get(id) : undefined;
  if (!field?.hasError()) return;
  field.setError(null);
  summarySlot.querySelector(`li[data-question="${CSS.escape(id)}"]`)?.remove();
  const left = summarySlot.querySelectorAll('li').length;
  if (left === 0) replace(summarySlot);
  else {
    const heading = summarySlot.querySelector('#foutmeldingen-kop');
    if (heading) heading.textContent = T.summaryTitle(left);
  }
}

function next(step, summarySlot, { toResult = false } = {}) {
  const form = formState();
  const asked = askedIds(form);
  const ids = new Set(step.all.map((q) => q.id).filter((id) => asked.has(id)));
  const problems = form.problems.filter((p) => p.question && ids.has(p.question));
  if (problems.length > 0) {
    showErrors(problems, summarySlot);
    return;
  }
  const list = steps(form);
  const index = list.findIndex((s) => s.topic.id === step.topic.id);
  if (index + 1 < list.length && !toResult) {
    state.stepIndex = index + 1;
    showStep();
  } else {
    go.result();
  }
}

function showErrors(problems, summarySlot) {
  const byQuestion = new Map();
  for (const p of problems) if (!byQuestion.has(p.question)) byQuestion.set(p.question, p);
  const items = [];
  for (const [id, field] of state.fields) {
    const p = byQuestion.get(id);
    if (!p || field.root.hidden) {
      field.setError(null);
      continue;
    }
    const message = fieldMessage(p, field.question);
    field.setError(message);
    items.push({ id, target: field.focusId, label: field.question.label, message });
  }
  replace(summarySlot, items.length ? errorSummary(items) : null);
  const summary = summarySlot.querySelector('#foutmeldingen');
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: 'start' });
  }
}

function goBack() {
  if (state.stepIndex <= 0) {
    go.start();
    return;
  }
  state.stepIndex -= 1;
  showStep();
}
