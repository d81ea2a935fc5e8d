// Provider mode (omgekeerd toewijzen): the council motion's five steps —
// the municipality's decision, the conversation about how much (answers and
// the first estimate), the start, the evaluation with reasons for changed
// answers, and the final indication for the decision with the record. The
// dates and deadlines come from the rules core (`engine.plan`, steps.js).

import { h, replace } from '../../shared/dom.js';
import { displayMinutes } from '../../shared/display.js';
import { duration, isIsoDate, longDate } from '../../shared/format.js';
import { dateMessage } from '../../shared/messages.js';
import { answerText, QuestionForm } from './form.js';
import { diffAnswers, pick } from './record.js';
import { RecordFields } from './record-fields.js';
import { download, downloadSummary, importFile, readRecordInput, restore } from './record-files.js';
import { resultBlock, scrollRegion } from './results.js';
import { PLAN_FIELDS, periodText, planSteps, rangeText, stepsOverview, workingDaysWord } from './steps.js';
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
  const labels = { decision: 'decisionDate', conversation: 'conversationDate', start: 'startDate', evaluation: 'evaluationDate' };
  p.dateFields = Object.fromEntries(PLAN_FIELDS.map((k) => [k, dateField(ctx, k, labels[k], update)]));
  p.dateInputs = Object.fromEntries(PLAN_FIELDS.map((k) => [k, p.dateFields[k].input]));
  // The widget is used during the conversation: its date starts as today (or the `date` attribute).
  p.dateInputs.conversation.value = ctx.date();
  p.recordFields = new RecordFields(ctx, update);

  const section = (n, ...children) =>
    h(
      'section',
      { class: ['step', 'screen-only'], 'aria-labelledby': `${uid}-step${n}`, 'data-step': n },
      h('h3', { class: 'section-title', id: `${uid}-step${n}`, text: t(`step${n}`) }),
      children,
    );
  p.overview = h('div', { 'data-overview': '' });
  p.decisionBox = h('div', { role: 'status', 'data-decision': '' });
  p.conversationBox = h('div', { role: 'status', 'data-conversation': '' });
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
    h('div', { class: 'screen-only' }, ctx.header('titleProvider'), h('p', { text: t('providerIntro') }), ctx.municipalityPicker(), p.overview),
    h(
      'div',
      { class: 'screen-only' },
      section(1, h('p', { text: t('step1Intro') }), form(t('step1'), p.dateFields.decision.field), p.decisionBox),
      section(
        2,
        h('p', { text: t('step2Intro') }),
        form(t('step2'), p.dateFields.conversation.field, p.conversationBox, p.initialForm.element),
        h('h4', { class: 'sub-title', text: t('initialResult') }),
        p.initialLive,
        p.initialResult,
      ),
      section(3, h('p', { text: t('step3Intro') }), form(t('step3'), p.dateFields.start.field), p.planBox, p.windowBox),
      section(4, h('p', { text: t('step4Intro') }), form(t('step4'), p.dateFields.evaluation.field, p.evalWarning, p.evalForm.element), p.changesBox),
      section(
        5,
        h('p', { text: t('step5Intro') }),
        h('h4', { class: 'sub-title', text: t('finalTitle') }),
        p.finalLive,
        p.finalResult,
        form(t('recordFields'), p.recordFields.element),
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
  if (pending.recordInput !== undefined) {
    // A record given before the element was ready: read it now (the engine is loaded).
    try {
      restore(ctx, readRecordInput(pending.recordInput), { noUpdate: true });
    } catch (e) {
      p.importError = e;
    }
  } else if (pending.record) {
    restore(ctx, pending.record, { noUpdate: true });
  } else {
    if (pending.answers) p.initialForm.setAnswers(pending.answers);
    if (pending.evalAnswers) {
      p.evalForm.setAnswers(pending.evalAnswers);
      p.evalTouched = true;
    }
    if (pending.reasons) p.evalForm.setReasons(pending.reasons);
    for (const k of PLAN_FIELDS) if (pending.dates && k in pending.dates) p.dateInputs[k].value = pending.dates[k] ?? '';
    if (pending.fields) {
      p.recordFields.setValues(pending.fields);
      p.recordFields.applyAttributes();
    }
  }
}

/** The plan's messages per step: on time or late, the evaluation window. */
function planMessages(ctx, plan) {
  const t = ctx.t;
  const d = (iso) => longDate(iso, ctx.lang);
  const pr = plan.procedure;
  const alert = (cls, attrs, text) => h('p', { class: ['alert', cls], ...attrs, text });
  const out = { conversation: [], start: [], window: [], evaluation: [] };
  const n1 = plan.conversation_working_days;
  if (plan.conversation_late === true) {
    const vars = { n: n1, days: workingDaysWord(t, n1), period: periodText(t, pr.conversation_within), deadline: d(plan.conversation_deadline) };
    out.conversation.push(alert('alert-warning', { 'data-warning': 'conversation_late' }, t('conversationLate', vars)));
  } else if (plan.conversation_late === false) {
    const text =
      n1 === 0 ? t('conversationSameDay') : t('conversationOnTime', { n: n1, days: workingDaysWord(t, n1), deadline: d(plan.conversation_deadline) });
    out.conversation.push(alert('alert-ok', {}, text));
  }
  const n2 = plan.start_working_days;
  if (plan.start_late === true) {
    const vars = { n: n2, days: workingDaysWord(t, n2), period: periodText(t, pr.start_within), deadline: d(plan.start_deadline) };
    out.start.push(alert('alert-warning', { 'data-warning': 'start_late' }, t('startLateWarning', vars)));
  } else if (plan.start_late === false) {
    const text = n2 === 0 ? t('startSameDay') : t('startOnTime', { n: n2, days: workingDaysWord(t, n2), deadline: d(plan.start_deadline) });
    out.start.push(alert('alert-ok', {}, text));
  }
  const range = rangeText(t, pr.evaluation_from, pr.evaluation_until);
  if (plan.evaluation_from) {
    out.window.push(
      h('p', {
        class: 'alert',
        'data-window-from': plan.evaluation_from,
        'data-window-until': plan.evaluation_until,
        text: t('window', { from: d(plan.evaluation_from), until: d(plan.evaluation_until), range }),
      }),
    );
  }
  if (plan.evaluation_in_window === false) {
    const vars = { from: d(plan.evaluation_from), until: d(plan.evaluation_until), range };
    out.evaluation.push(alert('alert-warning', { 'data-warning': 'outside_window' }, t('outsideWindow', vars)));
  }
  return out;
}

export function updateProvider(ctx) {
  const t = ctx.t;
  const lang = ctx.lang;
  const p = ctx.p;
  const dates = Object.fromEntries(PLAN_FIELDS.map((k) => [k, p.dateInputs[k].value]));
  const municipality = ctx.municipalityFor(ctx.main);

  // The plan: the procedure of the package (or municipality) on the decision date, from the rules core.
  const { plan, errors } = planSteps(ctx.main, dates, municipality);
  for (const k of PLAN_FIELDS) setDateError(p.dateFields[k], errors[k] ? dateMessage(errors[k], lang) : null);
  // A date the core refused does not count.
  const ok = (k) => isIsoDate(dates[k]) && !errors[k];
  // Without a decision date the overview shows the deadlines of a decision made today.
  let preview = null;
  if (!plan) {
    try {
      preview = ctx.main.plan({ decision: ctx.date() }, { municipality });
    } catch {
      preview = null;
    }
  }
  replace(p.overview, plan || preview ? stepsOverview(ctx, plan ?? preview, !plan) : []);
  const msgs = plan ? planMessages(ctx, plan) : null;
  replace(p.decisionBox, !plan && !errors.decision ? h('p', { class: 'alert', text: t('needDecision') }) : []);
  replace(p.conversationBox, msgs?.conversation ?? []);
  replace(p.planBox, msgs?.start ?? []);
  replace(p.windowBox, msgs?.window ?? []);

  // Step 2: the answers from the conversation and the first estimate (norm on the conversation date).
  const conversation = ok('conversation') ? dates.conversation : null;
  const initialAnswers = p.initialForm.getAnswers();
  const i = conversation ? ctx.evaluate(ctx.main, initialAnswers, conversation) : null;
  p.initialForm.setAsked(new Set(i ? i.asked : ctx.main.asked(initialAnswers, { date: ctx.date(), municipality })));
  p.initialForm.setErrors(i ? i.fieldErrors : new Map());
  let initialLive = '';
  if (!i) initialLive = t('conversationDate');
  else if (i.missing.length) initialLive = ctx.missingText(i.missing.length);
  else if (i.error) initialLive = t('errorPrefix', { message: i.error });
  else if (i.indication) initialLive = approx(ctx, i.indication, 'approxPerWeek');
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

  // Step 4: evaluation date and adjusted answers (with reasons).
  if (!p.evalTouched) p.evalForm.setAnswers(initialAnswers);
  const evalAnswers = p.evalForm.getAnswers();
  const warn = [];
  if (!ok('start')) warn.push(h('p', { class: 'alert', text: t('needStart') }));
  warn.push(...(msgs?.evaluation ?? []));
  replace(p.evalWarning, warn);
  const evalDate = ok('evaluation') && ok('start') ? dates.evaluation : null;
  const f = ctx.evaluate(ctx.main, evalAnswers, evalDate ?? conversation ?? ctx.date());
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
  replace(p.changesBox, p.evalTouched || evalDate ? changesTable(ctx, changes) : []);

  // Step 5: the final indication (norm on the evaluation date), for the decision.
  const final = evalDate && f.indication ? f : null;
  let finalLive;
  if (!evalDate) finalLive = ok('start') ? t('needEvaluation') : t('needStart');
  else if (f.missing.length) finalLive = ctx.missingText(f.missing.length);
  else if (f.error) finalLive = t('errorPrefix', { message: f.error });
  else if (!f.indication) finalLive = t('fixErrors');
  else if (reasonsMissing) finalLive = t('needReasons');
  else finalLive = approx(ctx, f.indication, 'finalReady');
  const finalReady = Boolean(final && !reasonsMissing);
  ctx.announce(p.finalLive, finalLive);
  p.finalLive.className = finalReady ? 'sr-only' : 'status';
  const finalEls = [];
  if (final) {
    finalEls.push(
      resultBlock(ctx, final.indication, { detailed: true, collapse: true, name: t('finalTitle') }),
      h('p', { class: 'meta', text: t('finalNote', { date: longDate(evalDate, lang) }) }),
    );
    if (i?.indication) finalEls.push(h('p', { 'data-difference': '', text: differenceText(ctx, i.indication, final.indication) }));
  }
  replace(p.finalResult, finalEls);
  p.finalResult.hidden = !finalEls.length;

  const fields = p.recordFields.check();
  const datesComplete = PLAN_FIELDS.every(ok) && plan?.evaluation === dates.evaluation;
  const complete = Boolean(i?.indication && datesComplete && final && !reasonsMissing && !fields.refused);
  const given = (k) => (ok(k) ? dates[k] : null);
  p.state = {
    decision: given('decision'),
    conversation: given('conversation'),
    start: given('start'),
    evaluation: given('evaluation'),
    plan,
    fields: fields.values,
    fieldsRefused: fields.refused,
    initial: conversation ? { date: conversation, answers: initialGiven, indication: i?.indication ?? null } : null,
    changes: changes.map((c) => ({ question: c.question, label: questionLabel(ctx, c.question), before: c.before, after: c.after, reason: c.reason })),
    final: p.evalTouched || evalDate ? { date: evalDate, answers: finalGiven, indication: final ? final.indication : null } : null,
    complete,
    initialText: i?.indication ? i.text : null,
    finalText: final ? final.text : null,
  };
  p.statusBox.className = complete ? 'alert alert-ok' : 'alert';
  ctx.announce(p.statusBox, complete ? t('statusComplete') : fields.refused ? t('recordFieldsFix') : t('statusIncomplete'));
  replace(p.summary, summary(ctx, p.state));
  ctx.setIndication(p.state.finalText ?? p.state.initialText);
}

/** "Ongeveer 2 uur en 15 minuten per week": the display minutes (rounded up to the quarter hour). */
function approx(ctx, ind, key) {
  try {
    return ctx.t(key, { duration: duration(displayMinutes(ind.total), ctx.lang) });
  } catch (e) {
    return ctx.t('displayMissing', { code: e.code });
  }
}

/** The difference of the two "ongeveer" figures, in hours and minutes per week. */
function differenceText(ctx, before, after) {
  let diff;
  try {
    diff = displayMinutes(after.total) - displayMinutes(before.total);
  } catch (e) {
    return ctx.t('displayMissing', { code: e.code });
  }
  if (diff === 0) return ctx.t('noDifference');
  return ctx.t('difference', { diff: `${diff > 0 ? '+' : ''}${duration(diff, ctx.lang)}` });
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
