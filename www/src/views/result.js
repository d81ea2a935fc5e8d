// The result view: the total, what the municipality decides and how to
// apply, the contribution, how it was calculated, what is not in it, the
// answers given, and the package it was calculated with.

import { h, hidden } from '../../shared/dom.js';
import { answerText, duration, dutchDate, euro, minutesText } from '../../shared/format.js';
import { pageMessage } from '../../shared/messages.js';
import { applyInfo, calculation } from '../model.js';
import { formState, go, restart, state, steps } from '../state.js';
import { both, perText, T, unitText } from '../texts.js';
import { button, buttons, progress, show, showFatal, stepNames } from './page.js';

export function showResult({ push = true } = {}) {
  const form = formState();
  const ind = form.indication;
  if (!ind) {
    // A problem with a question goes back to its step; any other is shown on the page.
    const list = steps(form);
    for (const p of form.problems) {
      const index = p.question ? list.findIndex((s) => s.questions.some((q) => q.id === p.question)) : -1;
      if (index >= 0) {
        state.stepIndex = index;
        go.step({ errors: [p], push });
        return;
      }
    }
    const problem = form.problems[0] ?? { code: 'internal', message: '' };
    showFatal(pageMessage(problem), problem);
    return;
  }
  state.indication = ind;
  const list = steps(form);
  const total = list.length + 2;

  const warnings = ind.warnings ?? [];
  const banner = warnings.filter((w) => w.code === 'concept' || w.code === 'provisional');
  const missing = warnings.filter((w) => w.code !== 'concept' && w.code !== 'provisional');

  show(
    T.resultTitle,
    [
      progress(total, total, stepNames(list)),
      h('h1', { class: 'utrecht-heading-1' }, T.resultTitle),
      banner.length
        ? h(
            'div',
            { class: 'utrecht-alert utrecht-alert--warning uw-banner', id: 'voorlopig' },
            h('h2', { class: 'utrecht-heading-3' }, banner.some((w) => w.code === 'concept') ? T.conceptTitle : T.provisionalTitle),
            banner.map((w) => h('p', { class: 'utrecht-paragraph' }, w.code === 'concept' ? T.concept(ind.package.title, ind.package.version) : w.message)),
          )
        : null,
      transitionNote(ind),
      totals(ind),
      decides(ind),
      contribution(ind),
      howCalculated(ind),
      missing.length
        ? h(
            'section',
            { class: 'uw-section', 'aria-labelledby': 'niet-berekend' },
            h('h2', { class: 'utrecht-heading-2', id: 'niet-berekend' }, T.notCalculated),
            missing.map((w) => h('div', { class: 'utrecht-alert utrecht-alert--info' }, h('p', { class: 'utrecht-paragraph' }, w.message))),
          )
        : null,
      yourAnswers(list),
      about(ind),
      buttons(
        button(T.print, { primary: true, id: 'print', onClick: () => window.print() }),
        button(T.changeAnswers, {
          id: 'wijzigen',
          onClick: () => {
            state.stepIndex = 0;
            go.step();
          },
        }),
        button(T.restart, { id: 'opnieuw', onClick: () => restart() }),
      ),
    ],
    { record: { v: 'result' }, push },
  );
}

function transitionNote(ind) {
  if (!ind.transition) return null;
  return h(
    'div',
    { class: 'utrecht-alert utrecht-alert--info uw-transition' },
    h('h2', { class: 'utrecht-heading-3' }, T.transitionTitle),
    h('p', { class: 'utrecht-paragraph' }, T.transition(dutchDate(ind.transition.started), dutchDate(ind.transition.started_before), ind.package.title)),
    ind.transition.reason ? h('p', { class: 'utrecht-paragraph' }, ind.transition.reason) : null,
  );
}

function totals(ind) {
  const t = ind.total;
  // Explicit roles keep the table a table for screen readers when phones show it stacked.
  const amount = (minutes, label) =>
    h(
      'td',
      { class: 'utrecht-table__cell uw-num', role: 'cell', 'data-label': label },
      duration(minutes),
      minutes >= 60 ? h('span', { class: 'uw-minutes' }, ` (${minutesText(minutes)})`) : null,
    );
  const row = (title, week, period, extra = '') =>
    h(
      'tr',
      { class: `utrecht-table__row${extra}`, role: 'row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row', role: 'rowheader' }, title),
      amount(week, T.perWeekColumn),
      amount(period, T.perPeriodColumn),
    );
  const rows = ind.areas.map((a) => row(a.title, a.minutes_per_week, a.minutes_per_period));
  return h(
    'section',
    { class: 'uw-section uw-total', 'aria-labelledby': 'uitkomst-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'uitkomst-kop' }, T.totalTitle),
    h('p', { class: 'uw-total__big', id: 'totaal-per-week' }, h('span', { class: 'uw-total__amount' }, duration(t.minutes_per_week)), T.perWeek),
    h(
      'p',
      { class: 'utrecht-paragraph uw-total__detail' },
      t.minutes_per_week >= 60 ? T.thatIsPerWeek(t.minutes_per_week) : '',
      T.perPeriod(both(t.minutes_per_period)),
    ),
    h(
      'div',
      { class: 'uw-table-wrap' },
      h(
        'table',
        { class: 'utrecht-table utrecht-table--html-table uw-table', id: 'per-resultaat', role: 'table', 'aria-labelledby': 'per-resultaat-kop' },
        h('caption', { class: 'utrecht-table__caption', id: 'per-resultaat-kop' }, T.perArea),
        h(
          'thead',
          { class: 'utrecht-table__header', role: 'rowgroup' },
          h(
            'tr',
            { class: 'utrecht-table__row', role: 'row' },
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, T.areaColumn),
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, T.perWeekColumn),
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, T.perPeriodColumn),
          ),
        ),
        h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
        ind.areas.length > 1
          ? h('tfoot', { class: 'utrecht-table__footer', role: 'rowgroup' }, row(T.together, t.minutes_per_week, t.minutes_per_period, ' uw-table__total'))
          : null,
      ),
    ),
  );
}

function decides(ind) {
  const name = state.entry?.municipality?.name;
  const { how, url } = applyInfo(state.doc, state.entry?.municipality?.id, ind.package.id);
  return h(
    'section',
    { class: 'uw-section uw-decides', 'aria-labelledby': 'gemeente-beslist' },
    h('h2', { class: 'utrecht-heading-2', id: 'gemeente-beslist' }, T.decidesTitle(name)),
    h('p', { class: 'utrecht-paragraph' }, ...T.decides),
    h('h3', { class: 'utrecht-heading-3' }, T.howToApply),
    h('p', { class: 'utrecht-paragraph', id: 'aanvragen' }, how ?? T.howToApplyDefault),
    url
      ? h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link uw-external', href: url, rel: 'noopener noreferrer external' }, T.website(name)))
      : null,
  );
}

function contribution(ind) {
  const c = ind.cost?.contribution;
  if (!c) return null;
  return h(
    'section',
    { class: 'uw-section', 'aria-labelledby': 'eigen-bijdrage' },
    h('h2', { class: 'utrecht-heading-2', id: 'eigen-bijdrage' }, T.contributionTitle),
    h('p', { class: 'utrecht-paragraph' }, T.contributionIntro),
    h('p', { class: 'utrecht-paragraph', id: 'eigen-bijdrage-bedrag' }, T.contributionIs, h('strong', {}, `${euro(c.cents)} ${perText(c.per)}`), '.'),
    c.provisional
      ? h('p', { class: 'utrecht-paragraph' }, h('strong', {}, T.contributionProvisional), typeof c.provisional === 'string' ? c.provisional : '')
      : null,
    h('p', { class: 'utrecht-paragraph' }, T.contributionCak),
  );
}

/** "tekst" + "." unless it already ends a sentence. */
function sentence(text) {
  const t = String(text).trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

function sourceLine(s, { withLabel = true } = {}) {
  const amount = s.amount !== undefined && s.amount !== null && unitText(s.unit) ? `: ${s.amount} ${unitText(s.unit)}` : '';
  const where = [s.title ?? s.document, s.locator].filter(Boolean).join(', ');
  return h(
    'li',
    { class: 'uw-source' },
    withLabel ? h('span', { class: 'uw-source__label' }, sentence(`${s.label ?? s.name}${amount}`)) : null,
    where ? h('span', { class: 'uw-source__where' }, h('span', { class: 'uw-source__key' }, T.source), sentence(where)) : null,
    s.provisional
      ? h(
          'span',
          { class: 'uw-source__provisional-line' },
          h('strong', { class: 'uw-source__provisional' }, T.provisionalNumber),
          typeof s.provisional === 'string' ? `: ${sentence(s.provisional)}` : '.',
        )
      : null,
  );
}

function sources(list, options) {
  if (!list?.length) return null;
  return h(
    'ul',
    { class: 'utrecht-unordered-list uw-sources' },
    list.map((s) => sourceLine(s, options)),
  );
}

function howCalculated(ind) {
  const calc = calculation(ind);
  const section = h(
    'section',
    { class: 'uw-section uw-how', 'aria-labelledby': 'hoe-berekend' },
    h('h2', { class: 'utrecht-heading-2', id: 'hoe-berekend' }, T.howCalculated),
  );
  if (!calc) {
    // Fallback: the sentences as they are, then every source.
    section.append(
      h(
        'ol',
        { class: 'utrecht-ordered-list' },
        (ind.explanation ?? []).map((s) => h('li', {}, s.text)),
      ),
      sources((ind.trace ?? []).flatMap((t) => t.sources ?? [])) ?? '',
    );
    return section;
  }
  if (calc.transition) {
    section.append(h('p', { class: 'utrecht-paragraph' }, calc.transition.sentence), sources(calc.transition.sources, { withLabel: false }) ?? '');
  }
  for (const { area, items, outcome } of calc.areas) {
    section.append(
      h('h3', { class: 'utrecht-heading-3' }, area.title),
      h(
        'ol',
        { class: 'utrecht-ordered-list uw-steps' },
        items.map(({ sentence, item }) =>
          h('li', { class: 'uw-step' }, h('p', { class: 'utrecht-paragraph uw-step__sentence' }, sentence), sources(item.sources)),
        ),
      ),
      h('p', { class: 'utrecht-paragraph uw-outcome' }, h('strong', {}, outcome)),
    );
  }
  for (const line of calc.closing) section.append(h('p', { class: 'utrecht-paragraph' }, line));
  return section;
}

function yourAnswers(list) {
  return h(
    'section',
    { class: 'uw-section uw-answers', 'aria-labelledby': 'uw-antwoorden' },
    h('h2', { class: 'utrecht-heading-2', id: 'uw-antwoorden' }, T.yourAnswers),
    list.map((step, i) =>
      h(
        'div',
        { class: 'uw-answers__group' },
        h('h3', { class: 'utrecht-heading-3' }, step.topic.title),
        h(
          'dl',
          { class: 'uw-answers__list' },
          step.questions.map((q) => [
            h('dt', { class: 'uw-answers__question' }, q.label),
            h('dd', { class: 'uw-answers__answer' }, answerText(q, state.answers[q.id], { empty: T.notAnswered })),
          ]),
        ),
        h(
          'p',
          { class: 'utrecht-paragraph uw-answers__edit' },
          h(
            'button',
            {
              type: 'button',
              class: 'utrecht-button utrecht-button--subtle uw-edit',
              'data-step': String(i),
              on: {
                click: () => {
                  state.stepIndex = i;
                  go.step();
                },
              },
            },
            T.edit,
            hidden(T.editHidden(step.topic.title)),
          ),
        ),
      ),
    ),
  );
}

function about(ind) {
  const p = ind.package;
  const municipality = state.entry?.municipality?.name;
  const rows = [
    [T.aboutRules, p.title],
    [T.aboutVersion, `${p.version} (${T.aboutStatus(p.status === 'concept')})`],
    municipality ? [T.aboutMunicipality, p.overlay ? T.withChoices(municipality) : municipality] : null,
    [T.aboutDate, dutchDate(ind.date)],
    [T.fingerprint, h('code', { class: 'uw-fingerprint', id: 'vingerafdruk' }, p.fingerprint)],
    p.base_fingerprint ? [T.baseFingerprint, h('code', { class: 'uw-fingerprint' }, p.base_fingerprint)] : null,
    [T.engine, `${ind.engine?.name ?? ''} ${ind.engine?.version ?? ''}`.trim()],
  ].filter(Boolean);
  return h(
    'section',
    { class: 'uw-section uw-about', 'aria-labelledby': 'over-berekening' },
    h('h2', { class: 'utrecht-heading-2', id: 'over-berekening' }, T.aboutTitle),
    h(
      'dl',
      { class: 'uw-about__list' },
      rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    h('p', { class: 'utrecht-paragraph utrecht-paragraph--small' }, T.fingerprintNote),
  );
}
