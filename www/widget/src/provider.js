// Provider mode (omgekeerd toewijzen): intake, start, evaluation with reasons
// for changed answers, the final indication, and the record step.

import { h, replace } from '../../shared/dom.js';
import { duration, isIsoDate, longDate, signed } from '../../shared/format.js';
import { dateMessage } from '../../shared/messages.js';
import { planDates } from './engine.js';
import { answerText, QuestionForm } from './form.js';
import { diffAnswers, pick } from './record.js';
import { download, downloadSummary, importFile, restore } from './record-files.js';
import { resultBlock, scrollRegion } from './results.js';
import { summary } from './summary.js';

export function dateField(ctx, key, labelKey, onInput) {
  const id = `${ctx.uid}-${key}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, props: { hidden: true } });
  const input = h('input', { class: 'input input-date', id, name: key, type: 'date', autocomplete: 'off', on: { input: onInput, change: onInput } });
  const field = h('div', { class: 'question' }, h('label', { class: 'label', for: id, text: ctx.t(labelKey) }), error, input);
  return { field, input, error };
}

export function setDateError(f, message) {
  f.error.hidden = !message;
  f.error.textContent = message ?? '';
  if (message) {
    f.input.setAttribute('aria-invalid', 'true');
    f.input.setAttribute('aria-describedby', f.error.id);
  } else {
    f.input.removeAttribute('aria-invalid');
    f.input.removeAttribute('aria-describedby');
  }
}

export function renderProvider(ctx) {
  const t = ctx.t;
  const uid = ctx.uid;
  const { questions, topics } = ctx.questions();
  const p = { evalTouched: false, importNote: null };
  const update = () => ctx.update();
  p.initialForm = new QuestionForm({ questions, topics, prefix: `${uid}-i`, t, lang: ctx.lang, level: 4, onInput: update });
  p.evalForm = new QuestionForm({
    questions,
    topics,
    prefix: `${uid}-e`,
    t,
    lang: ctx.lang,
    level: 4,
    reasons: true,
    onInput: () => {
      p.evalTouched = true;
      update();
    },
  });
  const intake = dateField(ctx, 'intake', 'intakeDate', update);
  const start = dateField(ctx, 'start', 'startDate', update);
  const evaluation = dateField(ctx, 'evaluation', 'evaluationDate', update);
  p.dateFields = { intake, start, evaluation };
  p.dateInputs = { intake: intake.input, start: start.input, evaluation: evaluation.input };
  intake.input.value = ctx.date();

  const section = (n, ...children) =>
    h(
      'section',
      { class: ['step', n < 5 ? null : 'screen-only'], 'aria-labelledby': `${uid}-step${n}`, 'data-step': n },
      h('h3', { class: 'section-title', id: `${uid}-step${n}`, text: t(`step${n}`) }),
      children,
    );
  p.initialResult = h('div', { class: 'result', 'data-result': 'initial' });
  p.initialLive = h('p', { class: 'status', role: 'status' });
  p.planBox = h('div', { role: 'status', 'data-plan': '' });
  p.windowBox = h('div', { 'data-window': '' });
  p.evalWarning = h('div', { role: 'status', 'data-evaluation-warning': '' });
  p.changesBox = h('div', { 'data-changes': '' });
  p.finalLive = h('p', { class: 'status', role: 'status' });
  p.finalResult = h('div', { class: 'result', 'data-result': 'final' });
  p.statusBox = h('p', { class: 'alert', role: 'status', 'data-status': '' });
  p.importBox = h('div', { role: 'status', 'data-import': '' });
  p.summary = h('div', { class: 'print-summary' });
  p.fileInput = h('input', {
    class: 'file-input',
    type: 'file',
    accept: 'application/json,.json',
    tabindex: '-1',
    'aria-hidden': 'true',
    on: { change: () => importFile(ctx) },
  });
  const button = (key, on, secondary) =>
    h('button', { class: ['button', secondary && 'button-secondary'], type: 'button', 'data-action': key, text: t(key), on: { click: on } });

  const form = (label, ...children) => h('form', { novalidate: true, 'aria-label': label, on: { submit: (e) => e.preventDefault() } }, children);
  replace(
    ctx.root,
    h('div', { class: 'screen-only' }, ctx.header('titleProvider'), h('p', { text: t('providerIntro') }), ctx.municipalityPicker()),
    h(
      'div',
      { class: 'screen-only' },
      section(
        1,
        h('p', { text: t('step1Intro') }),
        form(t('step1'), intake.field, p.initialForm.element),
        h('h4', { class: 'sub-title', text: t('initialResult') }),
        p.initialLive,
        p.initialResult,
      ),
      section(2, h('p', { text: t('step2Intro') }), form(t('step2'), start.field), p.planBox, p.windowBox),
      section(3, h('p', { text: t('step3Intro') }), form(t('step3'), evaluation.field, p.evalWarning, p.evalForm.element)),
      section(4, p.finalLive, p.finalResult, p.changesBox),
      section(
        5,
        h('p', { text: t('step5Intro') }),
        p.statusBox,
        h(
          'div',
          { class: 'buttons' },
          button('save', () => download(ctx)),
          button('open', () => p.fileInput.click(), true),
          button('print', () => window.print(), true),
          button('downloadSummary', () => downloadSummary(ctx), true),
        ),
        p.fileInput,
        p.importBox,
      ),
    ),
    p.summary,
  );
  ctx.p = p;

  const pending = ctx.pending;
  ctx.pending = {};
  if (pending.record) {
    restore(ctx, pending.record, { noUpdate: true });
  } else {
    if (pending.answers) p.initialForm.setAnswers(pending.answers);
    if (pending.evalAnswers) {
      p.evalForm.setAnswers(pending.evalAnswers);
      p.evalTouched = true;
    }
    if (pending.reasons) p.evalForm.setReasons(pending.reasons);
    for (const k of ['intake', 'start', 'evaluation']) if (pending.dates && k in pending.dates) p.dateInputs[k].value = pending.dates[k] ?? '';
  }
}

export function updateProvider(ctx) {
  const t = ctx.t;
  const lang = ctx.lang;
  const p = ctx.p;
  const intake = p.dateInputs.intake.value;
  const start = p.dateInputs.start.value;
  const evaluation = p.dateInputs.evaluation.value;
  setDateError(p.dateFields.intake, intake && !isIsoDate(intake) ? dateMessage({ code: 'invalid_date' }, lang) : null);
  setDateError(p.dateFields.start, null);
  setDateError(p.dateFields.evaluation, null);

  // Step 1: intake answers and the first estimate (norm on the intake date).
  const initialAnswers = p.initialForm.getAnswers();
  const i = isIsoDate(intake) ? ctx.evaluate(ctx.main, initialAnswers, intake) : null;
  p.initialForm.setAsked(new Set(i ? i.asked : ctx.main.asked(initialAnswers, { date: ctx.date(), municipality: ctx.municipalityFor(ctx.main) })));
  p.initialForm.setErrors(i ? i.fieldErrors : new Map());
  let initialLive = '';
  if (!i) initialLive = t('intakeDate');
  else if (i.missing.length) initialLive = ctx.missingText(i.missing.length);
  else if (i.error) initialLive = t('errorPrefix', { message: i.error });
  else if (i.indication) initialLive = t('approxPerWeek', { duration: duration(i.indication.total.minutes_per_week, lang) });
  else initialLive = t('fixErrors');
  ctx.announce(p.initialLive, initialLive);
  // With a result on screen the status line only speaks (the result shows the same).
  p.initialLive.className = i?.indication ? 'sr-only' : 'status';
  replace(
    p.initialResult,
    i?.indication
      ? [resultBlock(ctx, i.indication, { detailed: true, collapse: true, name: t('initialResult') }), h('p', { class: 'meta', text: t('initialResultNote') })]
      : [],
  );
  p.initialResult.hidden = !i?.indication;

  // Step 2: the plan (rules core: working days, holidays, evaluation window).
  let plan = null;
  let planError = null;
  if (isIsoDate(intake) && isIsoDate(start)) {
    try {
      plan = planDates(intake, start, isIsoDate(evaluation) ? evaluation : undefined);
    } catch (e) {
      planError = e;
      if (e.code === 'start_before_intake') setDateError(p.dateFields.start, dateMessage(e, lang));
      else if (e.code === 'evaluation_before_start') {
        setDateError(p.dateFields.evaluation, dateMessage(e, lang));
        // The plan without the evaluation still holds.
        try {
          plan = planDates(intake, start);
        } catch {
          plan = null;
        }
      } else setDateError(p.dateFields.start, dateMessage(e, lang));
    }
  }
  const d = (iso) => longDate(iso, lang);
  const planEls = [];
  if (plan) {
    if (plan.start_late) {
      planEls.push(
        h('p', {
          class: 'alert alert-warning',
          'data-warning': 'start_late',
          text: t('startLateWarning', { n: plan.start_working_days, deadline: d(plan.start_deadline) }),
        }),
      );
    } else {
      const key = plan.start_working_days === 0 ? 'startSameDay' : plan.start_working_days === 1 ? 'startOnTimeOne' : 'startOnTime';
      planEls.push(h('p', { class: 'alert alert-ok', text: t(key, { n: plan.start_working_days, deadline: d(plan.start_deadline) }) }));
    }
  }
  replace(p.planBox, planEls);
  replace(
    p.windowBox,
    plan
      ? h('p', {
          class: 'alert',
          'data-window-from': plan.evaluation_from,
          'data-window-until': plan.evaluation_until,
          text: t('window', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) }),
        })
      : [],
  );

  // Step 3: evaluation date and adjusted answers (with reasons).
  if (!p.evalTouched) p.evalForm.setAnswers(initialAnswers);
  const evalAnswers = p.evalForm.getAnswers();
  const warn = [];
  if (!plan && !isIsoDate(start)) warn.push(h('p', { class: 'alert', text: t('needStart') }));
  if (plan && plan.evaluation_in_window === false) {
    warn.push(
      h('p', {
        class: 'alert alert-warning',
        'data-warning': 'outside_window',
        text: t('outsideWindow', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) }),
      }),
    );
  }
  replace(p.evalWarning, warn);
  const evalDate = isIsoDate(evaluation) && !(planError && planError.code === 'evaluation_before_start') ? evaluation : null;
  const f = ctx.evaluate(ctx.main, evalAnswers, evalDate ?? (isIsoDate(intake) ? intake : ctx.date()));
  p.evalForm.setAsked(new Set(f.asked));
  p.evalForm.element.hidden = !evalDate;
  p.evalForm.setErrors(f.fieldErrors);
  const initialGiven = i?.given ?? pick(initialAnswers, i?.asked ?? []);
  const finalGiven = f.given ?? {};
  const changes = p.evalTouched
    ? diffAnswers(
        initialGiven,
        finalGiven,
        ctx.questions().questions.map((q) => q.id),
      )
    : [];
  const reasons = p.evalForm.getReasons();
  for (const c of changes) c.reason = reasons[c.question] ?? '';
  const reasonsMissing = changes.some((c) => !c.reason);
  p.evalForm.setChanges(new Map(changes.map((c) => [c.question, c])), Boolean(evalDate));

  // Step 4: the final indication (norm on the evaluation date).
  const final = evalDate && f.indication ? f : null;
  let finalLive;
  if (!plan) finalLive = t('needStart');
  else if (!evalDate) finalLive = t('needEvaluation');
  else if (f.missing.length) finalLive = ctx.missingText(f.missing.length);
  else if (f.error) finalLive = t('errorPrefix', { message: f.error });
  else if (!f.indication) finalLive = t('fixErrors');
  else if (reasonsMissing) finalLive = t('needReasons');
  else finalLive = t('finalReady', { duration: duration(f.indication.total.minutes_per_week, lang) });
  const finalReady = Boolean(plan && evalDate && f.indication && !reasonsMissing);
  ctx.announce(p.finalLive, finalLive);
  p.finalLive.className = finalReady ? 'sr-only' : 'status';
  const finalEls = [];
  if (final && plan) {
    finalEls.push(
      resultBlock(ctx, final.indication, { detailed: true, collapse: true }),
      h('p', { class: 'meta', text: t('finalNote', { date: d(evalDate) }) }),
    );
    if (i?.indication)
      finalEls.push(h('p', { text: t('difference', { diff: signed(final.indication.total.minutes_per_week - i.indication.total.minutes_per_week) }) }));
  }
  replace(p.finalResult, finalEls);
  p.finalResult.hidden = !finalEls.length;
  replace(p.changesBox, p.evalTouched || evalDate ? changesTable(ctx, changes) : []);

  const complete = Boolean(i?.indication && plan && !planError && final && !reasonsMissing);
  p.state = {
    intake,
    start,
    evaluation,
    plan,
    initial: isIsoDate(intake) ? { date: intake, answers: initialGiven, indication: i?.indication ?? null } : null,
    changes: changes.map((c) => ({ question: c.question, label: questionLabel(ctx, c.question), before: c.before, after: c.after, reason: c.reason })),
    final: p.evalTouched || evalDate ? { date: evalDate, answers: finalGiven, indication: final && plan ? final.indication : null } : null,
    complete,
    initialText: i?.indication ? i.text : null,
    finalText: final && plan ? final.text : null,
  };
  p.statusBox.className = complete ? 'alert alert-ok' : 'alert';
  ctx.announce(p.statusBox, complete ? t('statusComplete') : t('statusIncomplete'));
  replace(p.summary, summary(ctx, p.state));
  ctx.setIndication(p.state.finalText ?? p.state.initialText);
}

export function questionLabel(ctx, id) {
  return ctx.p.evalForm.question(id)?.label ?? id;
}

export function changesTable(ctx, changes) {
  const t = ctx.t;
  if (!changes.length) return h('p', { text: t('noChanges') });
  const q = (id) => ctx.p.evalForm.question(id);
  return h(
    'div',
    scrollRegion(t('changes')),
    h(
      'table',
      {},
      h('caption', { text: t('changes') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('colQuestion'), t('colBefore'), t('colAfter'), t('colReason')].map((x) => h('th', { scope: 'col', text: x })),
        ),
      ),
      h(
        'tbody',
        {},
        changes.map((c) =>
          h(
            'tr',
            { 'data-question': c.question },
            h('th', { scope: 'row', text: q(c.question)?.label ?? c.question }),
            h('td', { text: c.before === null ? t('notAsked') : answerText(q(c.question), c.before, t, ctx.lang) }),
            h('td', { text: c.after === null ? t('notAsked') : answerText(q(c.question), c.after, t, ctx.lang) }),
            h('td', { class: c.reason ? null : 'field-error', text: c.reason || t('reasonMissing') }),
          ),
        ),
      ),
    ),
  );
}
