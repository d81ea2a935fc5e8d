// Consultant mode with `compare`: one household, two packages, the difference
// per area and both calculations side by side.

import { h } from '../../shared/dom.js';
import { signed } from '../../shared/format.js';
import { resultBlock, scrollRegion, traceBlock } from './results.js';

export function comparisonBlock(ctx, x, y) {
  const t = ctx.t;
  const ids = [...x.areas.map((a) => a.id)];
  for (const a of y.areas) if (!ids.includes(a.id)) ids.push(a.id);
  const areas = ids.map((id) => {
    const ax = x.areas.find((a) => a.id === id);
    const ay = y.areas.find((a) => a.id === id);
    return {
      id,
      title: (ax ?? ay).title,
      a: ax ? ax.minutes_per_week : null,
      b: ay ? ay.minutes_per_week : null,
      diff_per_week: (ax?.minutes_per_week ?? 0) - (ay?.minutes_per_week ?? 0),
      diff_per_year: (ax?.minutes_per_year ?? 0) - (ay?.minutes_per_year ?? 0),
    };
  });
  const total = {
    a: x.total.minutes_per_week,
    b: y.total.minutes_per_week,
    diff_per_week: x.total.minutes_per_week - y.total.minutes_per_week,
    diff_per_year: x.total.minutes_per_year - y.total.minutes_per_year,
  };
  ctx.els.comparison = { a: x, b: y, areas, total };
  const na = x.package.title;
  const nb = y.package.title;
  const cell = (v) => h('td', { class: 'num', text: v === null ? t('notInNorm') : v });
  const diffTable = h(
    'div',
    scrollRegion(t('diffTitle')),
    h(
      'table',
      { 'data-table': 'difference' },
      h('caption', { text: t('diffTitle') }),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', text: t('colArea') }),
          h('th', { class: 'num', scope: 'col', text: na }),
          h('th', { class: 'num', scope: 'col', text: nb }),
          h('th', { class: 'num', scope: 'col', text: t('colDiffWeek') }),
          h('th', { class: 'num', scope: 'col', text: t('colDiffYear') }),
        ),
      ),
      h(
        'tbody',
        {},
        areas.map((r) =>
          h(
            'tr',
            { 'data-area': r.id },
            h('th', { scope: 'row', text: r.title }),
            cell(r.a),
            cell(r.b),
            h('td', { class: 'num', text: signed(r.diff_per_week) }),
            h('td', { class: 'num', text: signed(r.diff_per_year) }),
          ),
        ),
        h(
          'tr',
          { class: 'total', 'data-area': 'total' },
          h('th', { scope: 'row', text: t('total') }),
          cell(total.a),
          cell(total.b),
          h('td', { class: 'num', text: signed(total.diff_per_week) }),
          h('td', { class: 'num', text: signed(total.diff_per_year) }),
        ),
      ),
    ),
  );
  const column = (ind, name) =>
    h(
      'div',
      { class: 'column result' },
      h('h4', { class: 'sub-title', text: `${ind.package.title} (${ind.package.id} ${ind.package.version})` }),
      resultBlock(ctx, ind, { detailed: true, explanation: false, name }),
      traceBlock(ctx, ind),
    );
  return [
    h('h4', { class: 'sub-title', text: t('compare') }),
    diffTable,
    h('p', { class: 'meta', text: t('diffNote', { a: na, b: nb }) }),
    // Each column's table region needs its own name (axe landmark-unique), also when both names are alike.
    h('div', { class: 'columns' }, column(x, `1: ${na}`), column(y, `2: ${nb}`)),
  ];
}
