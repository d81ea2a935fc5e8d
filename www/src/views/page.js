// What every view shares: showing a view (title, focus, history entry), the
// error page, the progress bar, the error summary and buttons.

import { h, hidden, replace } from '../../shared/dom.js';
import { SITE_TITLE, T } from '../texts.js';

/**
 * Shows a view: replaces #app, sets the title, and moves focus to its
 * heading. `record` ({v: view, i: step}) goes into the session history so
 * the browser's back button moves between steps; it holds no answers.
 */
export function show(title, nodes, { focus = true, record = null, push = true } = {}) {
  const app = document.getElementById('app');
  replace(app, nodes);
  if (record) {
    if (push) history.pushState(record, '');
    else history.replaceState(record, '');
  }
  document.title = `${title} – ${SITE_TITLE}`;
  const heading = app.querySelector('h1');
  if (focus && heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

export function showFatal(message, error) {
  if (error) console.warn(error);
  show(T.errorTitle, [
    h('h1', { class: 'utrecht-heading-1' }, T.errorTitle),
    h('div', { class: 'utrecht-alert utrecht-alert--error', role: 'alert' }, h('p', { class: 'utrecht-paragraph' }, message)),
  ]);
}

export function progress(current, total, names) {
  return h(
    'nav',
    { class: 'uw-progress', 'aria-label': T.progress },
    h('p', { class: 'utrecht-paragraph uw-progress__label' }, T.stepOf(current, total)),
    h(
      'ol',
      { class: 'uw-progress__list' },
      names.map((name, i) =>
        h(
          'li',
          {
            class: `uw-progress__item${i + 1 < current ? ' uw-progress__item--done' : ''}${i + 1 === current ? ' uw-progress__item--current' : ''}`,
            'aria-current': i + 1 === current ? 'step' : false,
          },
          name,
          i + 1 < current ? hidden(T.done) : null,
        ),
      ),
    ),
  );
}

export function stepNames(list) {
  return [T.stepMunicipality, ...list.map((s) => s.topic.title), T.stepResult];
}

export function errorSummary(items) {
  return h(
    'div',
    { class: 'utrecht-alert utrecht-alert--error uw-error-summary', id: 'foutmeldingen', tabindex: '-1', 'aria-labelledby': 'foutmeldingen-kop' },
    h('h2', { class: 'utrecht-heading-2 uw-error-summary__heading', id: 'foutmeldingen-kop' }, T.summaryTitle(items.length)),
    h(
      'ul',
      { class: 'utrecht-unordered-list' },
      items.map(({ id, target, label, message }) =>
        h(
          'li',
          { class: 'uw-error-summary__item', 'data-question': id },
          h(
            'a',
            {
              class: 'utrecht-link',
              href: `#${target}`,
              on: {
                click: (ev) => {
                  ev.preventDefault();
                  document.getElementById(target)?.focus();
                },
              },
            },
            h('span', { class: 'uw-error-summary__question' }, label),
            ' ',
            h('span', { class: 'uw-error-summary__message' }, message),
          ),
        ),
      ),
    ),
  );
}

export function buttons(...list) {
  return h('div', { class: 'utrecht-button-group uw-buttons' }, list);
}

export function button(text, { primary = false, type = 'button', onClick, id } = {}) {
  return h(
    'button',
    {
      type,
      id,
      class: `utrecht-button ${primary ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`,
      on: onClick ? { click: onClick } : {},
    },
    text,
  );
}
