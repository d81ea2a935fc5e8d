// A question as NL Design System form markup: radio buttons (yes/no,
// choice), three boxes for a date, one text box for a number.

import { h, setAttr } from '../shared/dom.js';
import { parseNumber, parseDate } from './model.js';
import { T } from './texts.js';

let fieldCounter = 0;

/**
 * A question as NL Design System form markup. Returns
 * {question, root, focusId, read() → {answer, raw}, write(value), setError(message|null)}.
 */
export function makeField(q) {
  const base = `v${++fieldCounter}-${q.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const helpId = `${base}-uitleg`;
  const errorId = `${base}-fout`;
  // An optional question (a contribution exemption's) says so in its label: the core never asks for it.
  const label = q.optional ? [q.label, ' ', h('span', { class: 'uw-optional' }, T.optionalQuestion)] : q.label;
  const help = q.help ? h('p', { class: 'utrecht-form-field-description', id: helpId }, q.help) : null;
  const error = h('p', { class: 'utrecht-form-field-error-message', id: errorId, hidden: true });
  const describedBy = (hasError) =>
    [q.help ? helpId : null, q.type === 'date' ? `${base}-voorbeeld` : null, hasError ? errorId : null].filter(Boolean).join(' ') || false;

  if (q.type === 'yes_no' || q.type === 'choice') {
    let opts =
      q.type === 'yes_no'
        ? [
            { id: true, label: T.yes },
            { id: false, label: T.no },
          ]
        : (q.options ?? []);
    // An optional question can be left open again: "Weet ik niet" gives no answer (the standard contribution).
    if (q.optional) opts = [...opts, { id: undefined, label: T.dontKnow }];
    const inputs = opts.map((_o, i) =>
      h('input', {
        type: 'radio',
        class: 'utrecht-radio-button utrecht-radio-button--html-input',
        id: `${base}-${i}`,
        name: base,
        value: String(i),
        'data-question': q.id,
      }),
    );
    const fieldset = h(
      'fieldset',
      {
        class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
        'aria-describedby': describedBy(false),
      },
      h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, label),
      help,
      error,
      opts.map((o, i) =>
        h(
          'div',
          { class: 'utrecht-form-field utrecht-form-field--radio uw-radio' },
          h('div', { class: 'utrecht-form-field__input' }, inputs[i]),
          h('label', { class: 'utrecht-form-field__label utrecht-form-label utrecht-form-label--radio', for: `${base}-${i}` }, o.label),
        ),
      ),
    );
    const root = h('div', { class: 'utrecht-form-fieldset uw-question', 'data-question': q.id, 'data-type': q.type }, fieldset);
    return {
      question: q,
      root,
      focusId: `${base}-0`,
      read() {
        const i = inputs.findIndex((x) => x.checked);
        return { answer: i < 0 ? undefined : opts[i].id, raw: undefined };
      },
      write(value) {
        inputs.forEach((x, i) => {
          x.checked = value !== undefined && opts[i].id === value;
        });
      },
      hasError: () => !error.hidden,
      setError(message) {
        root.classList.toggle('utrecht-form-fieldset--invalid', Boolean(message));
        error.textContent = message ?? '';
        error.hidden = !message;
        setAttr(fieldset, 'aria-describedby', describedBy(Boolean(message)));
        for (const x of inputs) setAttr(x, 'aria-invalid', message ? 'true' : false);
      },
    };
  }

  if (q.type === 'date') {
    const parts = [
      ['day', T.day, 2],
      ['month', T.month, 2],
      ['year', T.year, 4],
    ];
    const inputs = {};
    const groups = parts.map(([key, label, size]) => {
      const id = `${base}-${key}`;
      inputs[key] = h('input', {
        type: 'text',
        inputmode: 'numeric',
        autocomplete: 'off',
        id,
        maxlength: size,
        class: `utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric uw-date__input uw-date__input--${key}`,
        'data-question': q.id,
        'data-part': key,
      });
      return h('div', { class: 'uw-date__part' }, h('label', { class: 'utrecht-form-label uw-date__label', for: id }, label), inputs[key]);
    });
    const fieldset = h(
      'fieldset',
      {
        class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
        'aria-describedby': describedBy(false),
      },
      h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, label),
      help,
      h('p', { class: 'utrecht-form-field-description uw-date__hint', id: `${base}-voorbeeld` }, T.dateExample),
      error,
      h('div', { class: 'uw-date' }, groups),
    );
    const root = h('div', { class: 'utrecht-form-fieldset uw-question', 'data-question': q.id, 'data-type': q.type }, fieldset);
    return {
      question: q,
      root,
      focusId: `${base}-day`,
      read() {
        const raw = { day: inputs.day.value, month: inputs.month.value, year: inputs.year.value };
        const answer = parseDate(raw);
        return { answer, raw: answer === undefined ? undefined : raw };
      },
      write(raw) {
        for (const key of ['day', 'month', 'year']) inputs[key].value = raw?.[key] ?? '';
      },
      hasError: () => !error.hidden,
      setError(message) {
        root.classList.toggle('utrecht-form-fieldset--invalid', Boolean(message));
        error.textContent = message ?? '';
        error.hidden = !message;
        setAttr(fieldset, 'aria-describedby', describedBy(Boolean(message)));
        for (const x of Object.values(inputs)) {
          setAttr(x, 'aria-invalid', message ? 'true' : false);
          x.classList.toggle('utrecht-textbox--invalid', Boolean(message));
        }
      },
    };
  }

  // number (and, defensively, anything else): one text field.
  const inputId = `${base}-veld`;
  const bounds = Number.isInteger(q.min) && Number.isInteger(q.max) ? T.bounds(q.min, q.max) : null;
  const boundsId = `${base}-grenzen`;
  const input = h('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    id: inputId,
    class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric uw-number',
    'data-question': q.id,
  });
  const describedByNumber = (hasError) => [q.help ? helpId : null, bounds ? boundsId : null, hasError ? errorId : null].filter(Boolean).join(' ') || false;
  setAttr(input, 'aria-describedby', describedByNumber(false));
  const root = h(
    'div',
    { class: 'utrecht-form-field utrecht-form-field--text uw-question', 'data-question': q.id, 'data-type': q.type },
    h('div', { class: 'utrecht-form-field__label' }, h('label', { class: 'utrecht-form-label uw-legend', for: inputId }, label)),
    help,
    bounds ? h('p', { class: 'utrecht-form-field-description', id: boundsId }, bounds) : null,
    error,
    h('div', { class: 'utrecht-form-field__input' }, input),
  );
  return {
    question: q,
    root,
    focusId: inputId,
    read() {
      const answer = q.type === 'number' ? parseNumber(input.value) : input.value.trim() || undefined;
      return { answer, raw: input.value === '' ? undefined : input.value };
    },
    write(raw) {
      input.value = raw ?? '';
    },
    hasError: () => !error.hidden,
    setError(message) {
      root.classList.toggle('utrecht-form-field--invalid', Boolean(message));
      error.textContent = message ?? '';
      error.hidden = !message;
      setAttr(input, 'aria-describedby', describedByNumber(Boolean(message)));
      setAttr(input, 'aria-invalid', message ? 'true' : false);
      input.classList.toggle('utrecht-textbox--invalid', Boolean(message));
    },
  };
}
