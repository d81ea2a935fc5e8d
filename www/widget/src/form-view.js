// The citizen and consultant form: questions, live result, and (with
// `compare`) the comparison.

import { h, replace } from '../../shared/dom.js';
import { duration } from '../../shared/format.js';
import { comparisonBlock } from './comparison.js';
import { QuestionForm } from './form.js';
import { resultBlock, traceBlock } from './results.js';
import { displayMinutes } from '../../shared/display.js';

export function renderForm(ctx) {
  const t = ctx.t;
  const consultant = ctx.mode === 'consultant';
  const { questions, topics } = ctx.questions();
  ctx.form = new QuestionForm({
    questions,
    topics,
    prefix: `${ctx.uid}-f`,
    t,
    lang: ctx.lang,
    level: 3,
    onInput: () => ctx.update(),
  });
  const pending = ctx.pending;
  ctx.pending = {};
  if (pending.record) pending.answers = pending.record.finalAnswers ?? pending.record.initialAnswers;
  if (pending.answers) ctx.form.setAnswers(pending.answers);
  const live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const results = h('div', { class: 'results' });
  ctx.els = { live, results };
  replace(
    ctx.root,
    h('div', { class: 'screen-only' }, ctx.header(consultant ? 'titleConsultant' : 'titleCitizen')),
    ctx.municipalityPicker(),
    consultant && ctx.compare ? h('p', { class: 'alert', text: t('compareIntro') }) : null,
    h(
      'form',
      { class: 'form', novalidate: true, 'aria-label': t(consultant ? 'titleConsultant' : 'titleCitizen'), on: { submit: (e) => e.preventDefault() } },
      ctx.form.element,
    ),
    h(
      'section',
      { class: 'step', 'aria-labelledby': `${ctx.uid}-result` },
      h('h3', { class: 'section-title', id: `${ctx.uid}-result`, text: t('result') }),
      live,
      results,
    ),
  );
}

export function updateForm(ctx) {
  const t = ctx.t;
  const date = ctx.date();
  const answers = ctx.form.getAnswers();
  const a = ctx.evaluate(ctx.main, answers, date);
  const b = ctx.compare ? ctx.evaluate(ctx.compare, answers, date) : null;
  ctx.form.setAsked(new Set([...a.asked, ...(b?.asked ?? [])]));
  const errors = new Map([...(b?.fieldErrors ?? []), ...a.fieldErrors]);
  ctx.form.setErrors(errors);
  const missing = new Set([...a.missing, ...(b?.missing ?? [])]);
  const { live, results } = ctx.els;
  const blocks = [];
  let liveText;
  if (missing.size) {
    liveText = ctx.missingText(missing.size);
    blocks.push(h('p', { class: 'status', 'data-missing': missing.size, text: liveText }));
  } else if (a.error || b?.error) {
    liveText = t('errorPrefix', { message: a.error ?? b.error });
    blocks.push(h('p', { class: 'alert alert-error', text: liveText }));
  } else if (a.indication && (!b || b.indication)) {
    liveText = t('approxPerWeek', { duration: duration(displayMinutes(a.indication.total), ctx.lang) });
  } else {
    liveText = t('fixErrors');
    blocks.push(h('p', { class: 'status', text: liveText }));
  }
  ctx.els.comparison = null;
  if (a.indication && (!b || b.indication)) {
    if (ctx.mode === 'citizen') {
      blocks.push(h('div', { class: 'result' }, resultBlock(ctx, a.indication, { items: false })));
      const m = ctx.main.package.municipalities.find((x) => x.id === ctx.municipality());
      if (m?.how_to_apply) blocks.push(h('p', { class: 'alert', text: m.how_to_apply }));
    } else if (!b) {
      blocks.push(h('div', { class: 'result' }, resultBlock(ctx, a.indication, { detailed: true }), traceBlock(ctx, a.indication)));
    } else {
      blocks.push(...comparisonBlock(ctx, a.indication, b.indication));
    }
  }
  ctx.announce(live, liveText);
  replace(results, blocks);
  ctx.setIndication(a.indication ? a.text : null);
}
