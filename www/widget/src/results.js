// Result views: the total, per area, cost, explanation and warnings of one
// indication, and the trace with its citations (consultant mode).

import { h } from '../../shared/dom.js';
import { displayMinutes } from '../../shared/display.js';
import { duration, euro, signed } from '../../shared/format.js';

/**
 * A table's scroll container that the keyboard can reach (axe
 * scrollable-region-focusable): focusable, a region named after the table.
 */
export function scrollRegion(label) {
  return { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label };
}

/** Total, per area, cost, explanation and warnings of one indication. */
export function resultBlock(ctx, ind, { detailed = false, explanation = true, items = true, collapse = false, name = null } = {}) {
  const t = ctx.t;
  const lang = ctx.lang;
  let shown;
  try {
    shown = displayMinutes(ind.total);
    for (const a of ind.areas) displayMinutes(a);
  } catch (e) {
    // An indication of an older contract (no display minutes): say so, never show NaN.
    return [h('p', { class: 'alert alert-error', role: 'alert', 'data-problem': e.code, text: t('displayMissing', { code: e.code }) })];
  }
  const els = [h('p', { class: 'big', text: t('approxPerWeek', { duration: duration(shown, lang) }) })];
  // The figure is rounded up to the quarter hour; the exact minutes differ, so say why.
  if (shown !== ind.total.minutes_per_week) els.push(h('p', { class: 'meta', text: t('roundedNote', { exact: duration(ind.total.minutes_per_week, lang) }) }));
  if (ind.transition) els.push(h('p', { class: 'alert', text: t('transition', { reason: ind.transition.reason }) }));
  const region = (label) => scrollRegion(name ? `${label}: ${name}` : label);
  const table = (label, head, rows) =>
    h(
      'div',
      // Two results on one screen (provider, comparison) need regions with different names.
      region(label),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            head.map((x, i) => h('th', { class: i ? 'num' : null, scope: 'col', text: x })),
          ),
        ),
        h('tbody', {}, rows),
      ),
    );
  const parts = [...ind.areas.map((a) => [a.title, a, false]), [t('total'), ind.total, true]];
  // The exact minutes (per week, per four weeks, per year in hours and minutes): the consultant's figures.
  const exactTable = () =>
    table(
      t('exactTitle'),
      [t('colArea'), t('colWeek'), t('colPeriod'), t('colYear')],
      parts.map(([label, f, total]) =>
        h(
          'tr',
          { class: total ? 'total' : null },
          h('th', { scope: 'row', text: label }),
          h('td', { class: 'num', text: f.minutes_per_week }),
          h('td', { class: 'num', text: f.minutes_per_period }),
          h('td', { class: 'num', text: duration(f.minutes_per_year, lang) }),
        ),
      ),
    );
  if (detailed && !collapse) {
    els.push(exactTable());
  } else if (detailed || ind.areas.length > 1) {
    // Per area in the resident's unit: about so many hours and minutes per week (rounded up per area).
    els.push(
      table(
        t('perArea'),
        [t('colArea'), t('colAbout')],
        parts.map(([label, f, total]) =>
          h(
            'tr',
            { class: total ? 'total' : null },
            h('th', { scope: 'row', text: label }),
            h('td', { class: 'num', text: duration(displayMinutes(f), lang) }),
          ),
        ),
      ),
    );
    if (detailed) els.push(h('details', { class: 'details', 'data-exact': '' }, h('summary', { text: t('exactTitle') }), exactTable()));
  }
  if (ind.cost) {
    const c = ind.cost;
    if (c.cents_per_period !== null && c.cents_per_period !== undefined)
      els.push(h('p', { text: t('costPeriod', { amount: euro(c.cents_per_period, lang) }) }));
    if (c.contribution?.exemption) {
      els.push(h('p', { 'data-contribution': 'exempt', text: t('contributionExempt', { label: c.contribution.exemption.label }) }));
    } else if (c.contribution) {
      els.push(h('p', { text: t(c.contribution.per === 'month' ? 'contributionMonth' : 'contributionPeriod', { amount: euro(c.contribution.cents, lang) }) }));
    }
  }
  if (explanation && ind.explanation.length) {
    const list = h(
      'ul',
      {},
      ind.explanation.map((s) => h('li', { text: s.text })),
    );
    if (collapse) els.push(h('details', { class: 'details' }, h('summary', { text: t('explanation') }), list));
    else els.push(h('h4', { class: 'sub-title', text: t('explanation') }), list);
  }
  if (ind.warnings.length) {
    els.push(
      h(
        'div',
        { class: 'alert alert-warning' },
        h('p', { class: 'status', text: t('warnings') }),
        h(
          'ul',
          {},
          ind.warnings.map((x) => h('li', { text: x.message, 'data-code': x.code, 'data-items': items && x.items.length ? x.items.join(' ') : null })),
        ),
      ),
    );
  }
  return els;
}

/** The trace with its citations (consultant mode). */
export function traceBlock(ctx, ind) {
  const t = ctx.t;
  const areaTitle = new Map(ind.areas.map((a) => [a.id, a.title]));
  const unit = (u) => t(`unit_${u}`);
  return [
    h('h4', { class: 'sub-title', text: t('trace') }),
    h(
      'ol',
      { class: 'trace' },
      ind.trace.map((s) => {
        const answers = Object.entries(s.answers);
        return h(
          'li',
          {},
          h(
            'p',
            { class: 'kv' },
            h('strong', { text: s.label }),
            s.rule ? h('span', { class: 'rule-id', text: ` [${s.area ? `${areaTitle.get(s.area) ?? s.area} · ` : ''}${s.rule}]` }) : null,
          ),
          s.condition ? h('p', { class: 'kv' }, `${t('traceCondition')}: `, h('code', { text: s.condition })) : null,
          answers.length
            ? h(
                'p',
                { class: 'kv' },
                `${t('traceAnswers')}: `,
                answers.map(([k, v], i) => [i ? ', ' : '', h('code', { text: `${k} = ${JSON.stringify(v)}` })]),
              )
            : null,
          s.count !== null ? h('p', { class: 'kv', text: t('traceCount', { count: s.count, amount: s.unit_amount }) }) : null,
          s.kind !== 'transition' ? h('p', { class: 'kv', text: t('traceChange', { change: signed(s.change), total: s.total }) }) : null,
          s.sources.length
            ? h(
                'ul',
                { class: 'sources', 'aria-label': t('traceSources') },
                s.sources.map((c) =>
                  h(
                    'li',
                    {},
                    `${c.label}${c.amount !== undefined ? `: ${c.amount} ${unit(c.unit)}`.trimEnd() : ''}. `,
                    c.title ? `${c.title}${c.locator ? `, ${c.locator}` : ''}. ` : '',
                    c.provisional ? h('span', { class: 'provisional', text: t('provisional', { reason: c.provisional }) }) : null,
                  ),
                ),
              )
            : null,
        );
      }),
    ),
  ];
}
