// The council motion's five steps in provider mode: the plan from the rules
// core (`engine.plan`: the package's or municipality's procedure, or the
// motion's defaults) for the dates entered, which date field a refused date
// belongs to, and the texts that put the plan's numbers into words. No
// deadline is computed here and no number is fixed: they all come from the plan.

import { h } from '../../shared/dom.js';
import { isIsoDate, longDate } from '../../shared/format.js';

/** The date fields in the order of the steps. */
export const PLAN_FIELDS = ['decision', 'conversation', 'start', 'evaluation'];

/**
 * The plan for `dates` ({decision, conversation, start, evaluation}, each
 * YYYY-MM-DD or ''). The dates are given to the core one more at a time, so a
 * refusal (e.g. `start_before_conversation`) belongs to the date just added;
 * the plan of the dates before it still holds. Returns {plan, errors} with
 * errors per field (the core's error objects).
 */
export function planSteps(engine, dates, municipality) {
  const errors = {};
  let plan = null;
  const given = {};
  for (const field of PLAN_FIELDS) {
    const value = dates[field];
    if (!value) continue;
    if (!isIsoDate(value)) {
      errors[field] = { code: 'invalid_date' };
      break;
    }
    if (!given.decision && field !== 'decision') break;
    given[field] = value;
    try {
      plan = engine.plan(given, { municipality });
    } catch (e) {
      errors[field] = e;
      delete given[field];
      break;
    }
  }
  return { plan, errors };
}

/** "3 werkdagen", "1 werkdag", "28 dagen" from a procedure period. */
export function periodText(t, p) {
  const one = p.amount === 1;
  const unit = p.unit === 'working_days' ? (one ? 'workingDay' : 'workingDays') : one ? 'day' : 'days';
  return `${p.amount} ${t(unit)}`;
}

/** "28 tot 42 dagen" (or both units when they differ). */
export function rangeText(t, from, until) {
  if (from.unit === until.unit) return t('rangeSame', { from: from.amount, until: periodText(t, until) });
  return t('rangeSame', { from: periodText(t, from), until: periodText(t, until) });
}

/** "werkdag" or "werkdagen" for a count of working days. */
export function workingDaysWord(t, n) {
  return t(n === 1 ? 'workingDay' : 'workingDays');
}

/**
 * The five steps as a list: who acts, what happens, with the deadlines of
 * `plan` (the real plan, or a preview for a decision made today).
 */
export function stepsOverview(ctx, plan, preview) {
  const t = ctx.t;
  const d = (iso) => longDate(iso, ctx.lang);
  const pr = plan.procedure;
  const items = [
    ['decision', 'whoMunicipality', t('ovDecision')],
    [
      'conversation',
      'whoTogether',
      preview
        ? t('ovConversation', { period: periodText(t, pr.conversation_within) })
        : t('ovConversationDeadline', { period: periodText(t, pr.conversation_within), deadline: d(plan.conversation_deadline) }),
    ],
    ['start', 'whoProvider', t('ovStart', { period: periodText(t, pr.start_within) })],
    ['evaluation', 'whoTogether', t('ovEvaluation', { range: rangeText(t, pr.evaluation_from, pr.evaluation_until) })],
    ['final', 'whoMunicipality', t('ovFinal')],
  ];
  return [
    h('h3', { class: 'sub-title', text: t('stepsTitle') }),
    preview ? h('p', { class: 'meta', text: t('stepsPreview') }) : null,
    h(
      'ol',
      { class: 'steps', 'data-steps': '' },
      items.map(([id, who, text]) => h('li', { 'data-plan-step': id }, h('strong', { text: `${t(who)}: ` }), text)),
    ),
  ];
}
