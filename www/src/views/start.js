// The start view: what the self-check is, privacy, and the municipality.

import { h } from '../../shared/dom.js';
import { pageMessage } from '../../shared/messages.js';
import { choose, go, state, steps } from '../state.js';
import { SITE_TITLE, T } from '../texts.js';
import { button, buttons, progress, show, showFatal, stepNames } from './page.js';

export function showStart({ focus = true, error = null, push = true, notice = null } = {}) {
  const list = state.entries;
  const errorId = 'gemeente-fout';
  const form = h('form', { class: 'uw-form', novalidate: true });
  const invalid = Boolean(error);
  const radios = list.map((e, i) =>
    h(
      'div',
      { class: 'utrecht-form-field utrecht-form-field--radio uw-radio' },
      h(
        'div',
        { class: 'utrecht-form-field__input' },
        h('input', {
          type: 'radio',
          class: 'utrecht-radio-button utrecht-radio-button--html-input',
          id: `gemeente-${i}`,
          name: 'gemeente',
          value: String(i),
          checked: state.entry?.key === e.key,
          'aria-invalid': invalid ? 'true' : false,
        }),
      ),
      h('label', { class: 'utrecht-form-field__label utrecht-form-label utrecht-form-label--radio', for: `gemeente-${i}` }, e.label),
    ),
  );

  const fieldset = h(
    'div',
    { class: `utrecht-form-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}` },
    h(
      'fieldset',
      {
        class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
        'aria-describedby': ['gemeente-uitleg', invalid ? errorId : null].filter(Boolean).join(' '),
      },
      h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, T.whichMunicipality),
      h('p', { class: 'utrecht-form-field-description', id: 'gemeente-uitleg' }, T.municipalityHelp),
      invalid ? h('p', { class: 'utrecht-form-field-error-message', id: errorId }, error) : null,
      radios,
    ),
  );

  form.append(
    fieldset,
    h('p', { class: 'utrecht-paragraph uw-note' }, T.notListed),
    buttons(button(T.startButton, { primary: true, type: 'submit', id: 'start' })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[name="gemeente"]:checked');
    if (!picked) {
      showStart({ error: T.chooseMunicipality, push: false });
      document.getElementById('gemeente-0')?.focus();
      return;
    }
    const entry = list[Number(picked.value)];
    try {
      setBusy(form, true);
      await choose(entry);
    } catch (e) {
      showFatal(pageMessage(e), e);
      return;
    }
    state.stepIndex = 0;
    go.step();
  });

  show(
    SITE_TITLE,
    [
      progress(1, Math.max(3, state.engine ? steps().length + 2 : 3), state.engine ? stepNames(steps()) : [T.stepMunicipality, T.stepQuestions, T.stepResult]),
      h('h1', { class: 'utrecht-heading-1' }, SITE_TITLE),
      notice ? h('div', { class: 'utrecht-alert utrecht-alert--info', id: 'herladen', role: 'status' }, h('p', { class: 'utrecht-paragraph' }, notice)) : null,
      h('p', { class: 'utrecht-paragraph utrecht-paragraph--lead' }, T.lead),
      h('p', { class: 'utrecht-paragraph' }, ...T.intro),
      h(
        'div',
        { class: 'utrecht-alert utrecht-alert--info uw-privacy' },
        h('h2', { class: 'utrecht-heading-3' }, T.privacyTitle),
        h('p', { class: 'utrecht-paragraph' }, T.privacy),
      ),
      list.length === 0 ? h('div', { class: 'utrecht-alert utrecht-alert--warning' }, h('p', { class: 'utrecht-paragraph' }, T.noMunicipalities)) : form,
    ],
    { focus, record: { v: 'start' }, push },
  );
}

function setBusy(form, busy) {
  for (const b of form.querySelectorAll('button')) b.disabled = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
}
