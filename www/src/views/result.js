// The result view, top to bottom as a resident reads it on a phone: the
// "ongeveer" total per week and per area, "geen besluit", what is not
// counted, how to apply, the eigen bijdrage, the answers given; then,
// closed, how it was calculated, the sources and the consultant's part.

import { h, hidden } from '../../shared/dom.js';
import { displayMinutes } from '../../shared/display.js';
import { answerText, duration, dutchDate, euro } from '../../shared/format.js';
import { pageMessage } from '../../shared/messages.js';
import { applyInfo, calculation, notCounted, residentTitle, telHref } from '../model.js';
import { formState, go, restart, state, steps } from '../state.js';
import { perText, T, unitText } from '../texts.js';
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
  try {
    // An indication from an older contract has no display figure: say so, never show NaN.
    for (const part of [ind.total, ...ind.areas]) displayMinutes(part);
  } catch (e) {
    showFatal(pageMessage({ code: e.code ?? 'internal', message: e.message }), e);
    return;
  }
  state.indication = ind;
  const list = steps(form);
  const total = list.length + 2;
  const name = state.entry?.municipality?.name;

  show(
    T.resultTitle,
    [
      progress(total, total, stepNames(list)),
      h('h1', { class: 'utrecht-heading-1' }, T.resultTitle),
      h('p', { class: 'utrecht-paragraph uw-print-only uw-print-head' }, [
        name ? `${T.aboutMunicipality}: ${name}. ` : '',
        `${T.aboutDate} ${dutchDate(ind.date)}.`,
      ]),
      totals(ind),
      notCountedBox(ind),
      totalNotes(ind, name),
      transitionNote(ind),
      howToApply(ind, name),
      contribution(ind),
      yourAnswers(list),
      closed('uw-how', T.detailsHow, howCalculated(ind)),
      closed('uw-bronnen', T.detailsSources, allSources(ind)),
      closed('uw-consulent', T.forConsultant, about(ind)),
      buttons(
        button(T.print, { primary: true, id: 'print', onClick: () => window.print() }),
        button(T.changeAnswers, {
          id: 'wijzigen',
          onClick: () => {
            state.stepIndex = 0;
            state.fromResult = true;
            go.step();
          },
        }),
        button(T.restart, { id: 'opnieuw', onClick: () => restart() }),
      ),
    ],
    { record: { v: 'result' }, push },
  );
}

/** A section closed by default (a native details element: keyboard and screen readers know it). */
function closed(id, title, content) {
  if (!content) return null;
  return h('details', { class: 'uw-details', id }, h('summary', { class: 'uw-details__summary' }, h('span', { class: 'utrecht-heading-3' }, title)), content);
}

function transitionNote(ind) {
  if (!ind.transition) return null;
  return h(
    'div',
    { class: 'utrecht-alert utrecht-alert--info uw-transition' },
    h('h2', { class: 'utrecht-heading-3' }, T.transitionTitle),
    h(
      'p',
      { class: 'utrecht-paragraph' },
      T.transition(
        dutchDate(ind.transition.started),
        dutchDate(ind.transition.started_before),
        residentTitle(state.entry?.pkg.resident, state.entry?.pkg.id, ind, state.entry?.municipality?.name),
      ),
    ),
  );
}

const isRough = (ind) => ind.package?.status === 'concept' || (ind.warnings ?? []).some((w) => w.code === 'provisional' || w.code === 'concept');

function totals(ind) {
  const week = displayMinutes(ind.total);
  // Rows with 0 minutes say nothing to a resident.
  const areas = ind.areas.filter((a) => a.minutes_per_week > 0);
  const rows = areas.map((a) =>
    h(
      'tr',
      { class: 'utrecht-table__row', role: 'row' },
      h('th', { class: 'utrecht-table__header-cell', scope: 'row', role: 'rowheader' }, a.title),
      h('td', { class: 'utrecht-table__cell uw-num', role: 'cell', 'data-label': T.perWeekColumn }, `${T.about.toLowerCase()}${duration(displayMinutes(a))}`),
    ),
  );
  return h(
    'section',
    { class: 'uw-section uw-total', 'aria-labelledby': 'uitkomst-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'uitkomst-kop' }, T.totalTitle),
    h('p', { class: 'uw-total__big', id: 'totaal-per-week' }, T.about, h('span', { class: 'uw-total__amount' }, duration(week)), ` ${T.perWeekShort}`),
    h('p', { class: 'utrecht-paragraph', id: 'geen-besluit' }, h('strong', {}, T.notADecision)),
    isRough(ind) ? h('p', { class: 'utrecht-paragraph', id: 'ruwe-schatting' }, T.roughEstimate) : null,
    areas.length > 1
      ? h(
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
            ),
          ),
          h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
        )
      : null,
  );
}

/** Small print under the box: rounding, and which rules (after "not counted", so that box stays within the first screen). */
function totalNotes(ind, name) {
  const week = displayMinutes(ind.total);
  const areas = ind.areas.filter((a) => a.minutes_per_week > 0);
  const sum = areas.reduce((n, a) => n + displayMinutes(a), 0);
  return h(
    'div',
    { class: 'uw-total-notes' },
    h('p', { class: 'utrecht-paragraph utrecht-paragraph--small', id: 'afronding' }, T.roundedUp, areas.length > 1 && sum !== week ? ` ${T.roundedSum}` : ''),
    h('p', { class: 'utrecht-paragraph utrecht-paragraph--small' }, T.rulesUsed(residentTitle(state.entry?.pkg.resident, state.entry?.pkg.id, ind, name))),
  );
}

function notCountedBox(ind) {
  const items = notCounted(state.entry?.pkg.resident, state.entry?.pkg.id, ind);
  if (!items.length) return null;
  return h(
    'section',
    { class: 'uw-section utrecht-alert utrecht-alert--warning uw-not-counted', id: 'niet-meegeteld', 'aria-labelledby': 'niet-meegeteld-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'niet-meegeteld-kop' }, T.notCountedTitle),
    h('p', { class: 'utrecht-paragraph' }, T.notCountedIntro),
    h(
      'ul',
      { class: 'utrecht-unordered-list' },
      items.map((n) => h('li', { 'data-item': n.id }, n.text)),
    ),
  );
}

function howToApply(ind, name) {
  const { how, url, contact } = applyInfo(state.entry?.pkg.resident, state.entry?.pkg.id, state.entry?.municipality?.id, ind.package.id);
  const link = (href, text) => h('a', { class: 'utrecht-link uw-external', href, rel: 'noopener noreferrer external' }, text);
  const support = contact?.client_support;
  return h(
    'section',
    { class: 'uw-section uw-decides', 'aria-labelledby': 'aanvragen-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'aanvragen-kop' }, T.howToApplyTitle),
    h('p', { class: 'utrecht-paragraph', id: 'aanvragen' }, how ?? T.howToApplyDefault),
    contact?.phone
      ? h(
          'p',
          { class: 'utrecht-paragraph', id: 'telefoon' },
          T.callUs(name),
          h('a', { class: 'utrecht-link', href: telHref(contact.phone) }, contact.phone),
          '.',
        )
      : null,
    contact?.opening_hours ? h('p', { class: 'utrecht-paragraph' }, T.openingHours, contact.opening_hours) : null,
    contact?.url || url ? h('p', { class: 'utrecht-paragraph' }, link(contact?.url ?? url, T.website(name))) : null,
    contact ? null : h('p', { class: 'utrecht-paragraph', id: 'wmo-loket-zoeken' }, T.findDesk(name)),
    h('h3', { class: 'utrecht-heading-3' }, T.clientSupportTitle),
    h(
      'p',
      { class: 'utrecht-paragraph', id: 'clientondersteuning' },
      T.clientSupport,
      ' ',
      support?.name ? T.clientSupportNamed(support.name) : T.clientSupportAsk,
    ),
    support?.phone ? h('p', { class: 'utrecht-paragraph' }, h('a', { class: 'utrecht-link', href: telHref(support.phone) }, support.phone)) : null,
    support?.url ? h('p', { class: 'utrecht-paragraph' }, link(support.url, support.name ?? T.clientSupportTitle)) : null,
  );
}

/** Always a section: the amount from the package where it has one (never as certain when provisional), else how it works. */
function contribution(ind) {
  const c = ind.cost?.contribution;
  const perYear = c?.cents_per_year ?? null; // the core's figure (contract 2)
  const exemption = c?.exemption ?? null; // the core decided it; the site only words it
  // An exemption that rests on a provisional rule or amount is never stated as certain.
  const unsure = Boolean(c?.provisional || exemption?.provisional);
  const standard = (ind.warnings ?? []).some((w) => w.code === 'standard_contribution');
  let amount;
  if (exemption) {
    amount = h(
      'p',
      { class: 'utrecht-paragraph', id: 'eigen-bijdrage-bedrag' },
      h('strong', {}, (unsure ? T.contributionExemptProvisional : T.contributionExempt)(exemption.label)),
    );
  } else if (c && perYear !== null) {
    amount = h(
      'p',
      { class: 'utrecht-paragraph', id: 'eigen-bijdrage-bedrag' },
      // A provisional amount is never stated as certain.
      ...(c.provisional ? T.contributionAmountProvisional : T.contributionAmount)(h('strong', {}, euro(perYear)), `${euro(c.cents)} ${perText(c.per)}`),
    );
  } else {
    amount = h('p', { class: 'utrecht-paragraph', id: 'eigen-bijdrage-bedrag' }, T.contributionUnknown);
  }
  return h(
    'section',
    { class: 'uw-section', 'aria-labelledby': 'eigen-bijdrage' },
    h('h2', { class: 'utrecht-heading-2', id: 'eigen-bijdrage' }, T.contributionTitle),
    h('p', { class: 'utrecht-paragraph' }, T.contributionWhat),
    amount,
    standard && !exemption ? h('p', { class: 'utrecht-paragraph', id: 'eigen-bijdrage-standaard' }, T.contributionStandard) : null,
    exemption ? h('p', { class: 'utrecht-paragraph' }, T.contributionExemptAsk) : null,
    c?.provisional && !exemption ? h('p', { class: 'utrecht-paragraph' }, h('strong', {}, T.contributionUnsure)) : null,
  );
}

function allSources(ind) {
  const seen = new Set();
  const list = [];
  for (const s of (ind.trace ?? []).flatMap((t) => t.sources ?? [])) {
    const key = `${s.title ?? s.document}|${s.locator ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(s);
  }
  return sources(list, { withLabel: false });
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
                  state.fromResult = true;
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
  // What officials need and residents do not: the warnings as the core words them, and the reasons.
  const c = ind.cost?.contribution;
  const notes = [
    ...(ind.warnings ?? []).map((w) => w.message),
    ...notCounted(state.entry?.pkg.resident, state.entry?.pkg.id, ind).map((n) => `${n.title}: ${n.reason}`),
    typeof c?.provisional === 'string' ? `${T.contributionTitle}: ${c.provisional}` : null,
    typeof c?.exemption?.provisional === 'string' ? `${T.contributionTitle} (${c.exemption.id}): ${c.exemption.provisional}` : null,
    ind.transition?.reason ?? null,
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
    notes.length
      ? [
          h('h3', { class: 'utrecht-heading-3' }, T.officialNotes),
          h(
            'ul',
            { class: 'utrecht-unordered-list' },
            notes.map((n) => h('li', {}, n)),
          ),
        ]
      : null,
  );
}
