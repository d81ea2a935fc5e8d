// The printable summary of the provider flow, also the body of the
// downloadable HTML document.

import { h } from '../../shared/dom.js';
import { displayMinutes } from '../../shared/display.js';
import { duration, longDate } from '../../shared/format.js';
import { answerText } from './form.js';
import { periodText, rangeText, workingDaysWord } from './steps.js';
import summaryCss from './summary.css';
import { VERSION } from './version.js';

/** The plan's warnings in the widget's language, with readable dates and the plan's numbers. */
export function planWarnings(ctx, plan) {
  const t = ctx.t;
  const d = (iso) => longDate(iso, ctx.lang);
  const pr = plan.procedure;
  const out = [];
  if (plan.conversation_late) {
    const n = plan.conversation_working_days;
    out.push(t('conversationLate', { n, days: workingDaysWord(t, n), period: periodText(t, pr.conversation_within), deadline: d(plan.conversation_deadline) }));
  }
  if (plan.start_late) {
    const n = plan.start_working_days;
    out.push(t('startLateWarning', { n, days: workingDaysWord(t, n), period: periodText(t, pr.start_within), deadline: d(plan.start_deadline) }));
  }
  if (plan.evaluation_in_window === false) {
    out.push(
      t('outsideWindow', { from: d(plan.evaluation_from), until: d(plan.evaluation_until), range: rangeText(t, pr.evaluation_from, pr.evaluation_until) }),
    );
  }
  return out;
}

/** The printable summary (also the body of the downloadable HTML). */
export function summary(ctx, s) {
  const t = ctx.t;
  const lang = ctx.lang;
  const info = ctx.main.package;
  const d = (iso) => (iso ? longDate(iso, lang) : t('summaryNotYet'));
  const muni = info.municipalities.find((m) => m.id === ctx.municipality());
  // Per week in hours and minutes, "ongeveer" (rounded up to the quarter hour), as the resident sees it.
  const figures = (ind) => {
    let rows;
    try {
      rows = [...ind.areas.map((a) => [a.title, a]), [t('total'), ind.total]].map(([label, f]) => [label, f, displayMinutes(f)]);
    } catch (e) {
      return h('p', { class: 'warning', 'data-problem': e.code, text: t('displayMissing', { code: e.code }) });
    }
    const table = (head, cells) =>
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((x, k) => h('th', { class: k ? 'num' : null, scope: 'col', text: x })),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', text: r[0] }),
              cells(r).map((c) => h('td', { class: 'num', text: c })),
            ),
          ),
        ),
      );
    return [
      table([t('colArea'), t('colAbout')], ([, , shown]) => [duration(shown, lang)]),
      ind.total.minutes_per_week !== rows.at(-1)[2] ? h('p', { text: t('roundedNote', { exact: duration(ind.total.minutes_per_week, lang) }) }) : null,
      // The exact minutes: for the consultant who checks the calculation.
      h('h3', { text: t('exactTitle') }),
      table([t('colArea'), t('colWeek'), t('colPeriod'), t('colYear')], ([, f]) => [
        f.minutes_per_week,
        f.minutes_per_period,
        duration(f.minutes_per_year, lang),
      ]),
    ];
  };
  const dl = (pairs) =>
    h(
      'dl',
      {},
      pairs.filter(Boolean).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]),
    );
  const ind = s.final?.indication ?? s.initial?.indication;
  const plan = s.plan;
  const after = (n, key) => (Number.isInteger(n) ? ` (${t(key, { n, days: workingDaysWord(t, n) })})` : '');
  const f = s.fields ?? {};
  return h(
    'article',
    { class: 'summary', lang },
    h('h1', { text: t('summaryTitle') }),
    dl([
      [t('summaryPackage'), `${info.title} (${info.id})`],
      ind ? [t('summaryVersion'), ind.package.version] : null,
      [t('summaryFingerprint'), ind?.package.fingerprint ?? info.fingerprint],
      muni ? [t('municipality'), muni.name] : null,
      f.dossier ? [t('dossierRef'), f.dossier] : null,
      f.providerName ? [t('providerName'), f.providerName] : null,
      f.providerAgb ? [t('providerAgb'), f.providerAgb] : null,
      f.district ? [t('district'), f.district] : null,
      f.postcode ? [t('postcode'), f.postcode] : null,
    ]),
    h('h2', { text: t('summaryDates') }),
    dl([
      [t('decisionDate'), d(s.decision)],
      [t('conversationDate'), s.conversation ? `${d(s.conversation)}${after(plan?.conversation_working_days, 'daysAfterDecision')}` : d(null)],
      [t('startDate'), s.start ? `${d(s.start)}${after(plan?.start_working_days, 'daysAfterConversation')}` : d(null)],
      plan?.evaluation_from ? [t('summaryWindow'), t('windowRange', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) })] : null,
      [t('evaluationDate'), d(s.evaluation)],
    ]),
    plan && planWarnings(ctx, plan).length
      ? h(
          'ul',
          {},
          planWarnings(ctx, plan).map((x) => h('li', { class: 'warning', text: x })),
        )
      : null,
    h('h2', { text: t('summaryInitial') }),
    s.initial?.indication ? figures(s.initial.indication) : h('p', { text: t('summaryNotYet') }),
    h('h2', { text: t('changes') }),
    s.changes.length
      ? h(
          'table',
          {},
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
            s.changes.map((c) => {
              const q = ctx.p.evalForm.question(c.question);
              return h(
                'tr',
                {},
                h('td', { text: c.label }),
                h('td', { text: c.before === null ? t('notAsked') : answerText(q, c.before, t, lang) }),
                h('td', { text: c.after === null ? t('notAsked') : answerText(q, c.after, t, lang) }),
                h('td', { text: c.reason || t('reasonMissing') }),
              );
            }),
          ),
        )
      : h('p', { text: t('noChanges') }),
    h('h2', { text: t('summaryFinal') }),
    s.final?.indication
      ? [
          figures(s.final.indication),
          h('p', { text: t('finalNote', { date: d(s.evaluation) }) }),
          h(
            'ul',
            {},
            s.final.indication.explanation.map((x) => h('li', { text: x.text })),
          ),
        ]
      : h('p', { text: t('summaryNotYet') }),
    h('p', { class: s.complete ? null : 'warning', text: s.complete ? t('statusComplete') : t('statusIncomplete') }),
    h('p', { class: 'sign', text: t('summarySign') }),
    h('p', { text: t('summaryMade', { version: VERSION, engine: ind?.engine.name ?? 'urenwijzer', engineVersion: ind?.engine.version ?? '' }) }),
  );
}

/** The summary as a standalone HTML document (attach it to the proposal). */
export function summaryHtml(ctx) {
  if (!ctx.p) return null;
  const body = summary(ctx, ctx.p.state).outerHTML;
  return `<!doctype html>\n<html lang="${ctx.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(ctx.t('summaryTitle'))}</title>\n<style>\nbody{font-family:system-ui,Arial,sans-serif;margin:2em;max-width:48em}\n${summaryCss}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
