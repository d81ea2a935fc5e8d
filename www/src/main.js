// Zelftest huishoudelijke hulp: the citizen self-check.
//
// Everything is computed here, in the browser, by the Urenwijzer engine
// (WebAssembly). After the page has loaded, the only requests are for the
// list of norm packages and the chosen package file; answers never leave
// this page and nothing is stored (no cookies, no localStorage).

import { init, Engine } from './pkg/urenwijzer.js';
import { h, hidden, replace } from './dom.js';
import { duration, minutesText, money, dutchDate, unitText, perText } from './format.js';
import { fieldMessage, pageMessage } from './messages.js';
import { entriesOf, parseNumber, parseDate, applyInfo, calculation } from './model.js';

const SITE_TITLE = 'Zelftest huishoudelijke hulp';
const app = document.getElementById('app');
const headerMunicipality = document.getElementById('header-municipality');

const state = {
  entries: [], // where a resident can start: one per municipality of each entry-point package
  entry: null, // the chosen entry
  doc: null, // the chosen bundled package document
  engine: null,
  questions: [],
  topics: [],
  answers: {}, // question id → answer as the engine takes it
  raw: {}, // question id → what was typed (text and date fields)
  stepIndex: 0,
  fields: new Map(), // question id → field of the step on screen
  indication: null,
};

// ---------------------------------------------------------------- loading

async function main() {
  try {
    const [index] = await Promise.all([fetchJson('packages/index.json'), init()]);
    state.entries = entriesOf(index);
    showStart({ focus: false, push: false });
    window.addEventListener('popstate', onHistory);
  } catch (e) {
    showFatal('De zelftest kon niet worden geladen. Probeer het later nog eens.', e);
  }
}

async function fetchJson(url) {
  // Plain GET of a static file: no answers, no credentials, no referrer.
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function choose(entry) {
  const samePackage = state.entry && state.doc && state.entry.pkg.id === entry.pkg.id;
  state.entry = entry;
  setTheme(entry);
  if (!samePackage) {
    state.engine?.free?.();
    state.engine = null;
    state.doc = null;
    state.answers = {};
    state.raw = {};
    const doc = await fetchJson(`packages/${encodeURIComponent(entry.pkg.file)}`);
    const engine = new Engine(doc);
    if (entry.pkg.fingerprint && engine.fingerprint !== entry.pkg.fingerprint) {
      throw Object.assign(new Error('fingerprint differs from index.json'), { code: 'invalid_package' });
    }
    state.doc = doc;
    state.engine = engine;
    state.questions = engine.questions();
    state.topics = engine.package.topics ?? [];
  }
  normalize();
}

function setTheme(entry) {
  const id = entry?.municipality?.id;
  if (id) document.documentElement.dataset.municipality = id;
  else delete document.documentElement.dataset.municipality;
  document.documentElement.dataset.package = entry?.pkg.id ?? '';
  headerMunicipality.textContent = entry ? entry.label : '';
}

function options() {
  const municipality = state.entry?.municipality?.id;
  return municipality ? { municipality } : {};
}

// ---------------------------------------------------------------- answers

/** Ids of the questions asked now. */
function askedNow() {
  return new Set(state.engine.asked(state.answers, options()));
}

/** Drops answers to questions that are no longer asked, until nothing changes. */
function normalize() {
  for (let round = 0; round < 50; round++) {
    const asked = askedNow();
    const stale = Object.keys(state.answers).filter((id) => !asked.has(id));
    for (const id of Object.keys(state.raw)) if (!asked.has(id)) delete state.raw[id];
    if (stale.length === 0) return asked;
    for (const id of stale) delete state.answers[id];
  }
  return askedNow();
}

/** The steps: each topic that has at least one question asked now, in order. */
function steps(asked = askedNow()) {
  const order = [...state.topics];
  for (const q of state.questions) {
    if (!order.some((t) => t.id === q.topic)) order.push({ id: q.topic, title: q.topic });
  }
  return order
    .map((topic) => ({
      topic,
      all: state.questions.filter((q) => q.topic === topic.id),
      questions: state.questions.filter((q) => q.topic === topic.id && asked.has(q.id)),
    }))
    .filter((s) => s.questions.length > 0);
}

function setAnswer(id, value) {
  if (value === undefined) delete state.answers[id];
  else state.answers[id] = value;
}

function answerText(q, value) {
  if (value === undefined) return 'Niet ingevuld';
  switch (q.type) {
    case 'yes_no': return value ? 'Ja' : 'Nee';
    case 'choice': return q.options?.find((o) => o.id === value)?.label ?? String(value);
    case 'date': return dutchDate(value);
    default: return String(value);
  }
}

// ---------------------------------------------------------------- views

/**
 * Shows a view: replaces #app, sets the title, and moves focus to its
 * heading. `record` ({v: view, i: step}) goes into the session history so
 * the browser's back button moves between steps; it holds no answers.
 */
function show(title, nodes, { focus = true, record = null, push = true } = {}) {
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

function showFatal(message, error) {
  if (error) console.warn(error);
  show('Er ging iets mis', [
    h('h1', { class: 'utrecht-heading-1' }, 'Er ging iets mis'),
    h('div', { class: 'utrecht-alert utrecht-alert--error', role: 'alert' },
      h('p', { class: 'utrecht-paragraph' }, message)),
  ]);
}

function progress(current, total, names) {
  return h('nav', { class: 'uw-progress', 'aria-label': 'Voortgang' },
    h('p', { class: 'utrecht-paragraph uw-progress__label' }, `Stap ${current} van ${total}`),
    h('ol', { class: 'uw-progress__list' },
      names.map((name, i) => h('li', {
        class: `uw-progress__item${i + 1 < current ? ' uw-progress__item--done' : ''}${i + 1 === current ? ' uw-progress__item--current' : ''}`,
        'aria-current': i + 1 === current ? 'step' : false,
      }, name, i + 1 < current ? hidden(' (klaar)') : null))));
}

function stepNames(list) {
  return ['Gemeente', ...list.map((s) => s.topic.title), 'Uitkomst'];
}

function errorSummary(items) {
  return h('div', { class: 'utrecht-alert utrecht-alert--error uw-error-summary', id: 'foutmeldingen', tabindex: '-1', 'aria-labelledby': 'foutmeldingen-kop' },
    h('h2', { class: 'utrecht-heading-2 uw-error-summary__heading', id: 'foutmeldingen-kop' },
      summaryTitle(items.length)),
    h('ul', { class: 'utrecht-unordered-list' },
      items.map(({ id, target, label, message }) => h('li', { class: 'uw-error-summary__item', 'data-question': id },
        h('a', {
          class: 'utrecht-link',
          href: `#${target}`,
          on: { click: (ev) => { ev.preventDefault(); document.getElementById(target)?.focus(); } },
        }, h('span', { class: 'uw-error-summary__question' }, label), ' ', h('span', { class: 'uw-error-summary__message' }, message))))));
}

function buttons(...list) {
  return h('div', { class: 'utrecht-button-group uw-buttons' }, list);
}

function button(text, { primary = false, type = 'button', onClick, id } = {}) {
  return h('button', {
    type,
    id,
    class: `utrecht-button ${primary ? 'utrecht-button--primary-action' : 'utrecht-button--secondary-action'}`,
    on: onClick ? { click: onClick } : {},
  }, text);
}

// ------------------------------------------------------------ start view

/** The browser's back and forward buttons: show the recorded view again. */
function onHistory(ev) {
  const r = ev.state;
  if (!r || r.v === 'start' || !state.engine) {
    showStart({ push: false });
  } else if (r.v === 'step') {
    state.stepIndex = r.i ?? 0;
    showStep({ push: false });
  } else if (r.v === 'result') {
    showResult({ push: false });
  }
}

function showStart({ focus = true, error = null, push = true } = {}) {
  const list = state.entries;
  const errorId = 'gemeente-fout';
  const form = h('form', { class: 'uw-form', novalidate: true });
  const invalid = Boolean(error);
  const radios = list.map((e, i) => h('div', { class: 'utrecht-form-field utrecht-form-field--radio uw-radio' },
    h('div', { class: 'utrecht-form-field__input' },
      h('input', {
        type: 'radio',
        class: 'utrecht-radio-button utrecht-radio-button--html-input',
        id: `gemeente-${i}`,
        name: 'gemeente',
        value: String(i),
        checked: state.entry?.key === e.key,
        'aria-invalid': invalid ? 'true' : false,
      })),
    h('label', { class: 'utrecht-form-field__label utrecht-form-label utrecht-form-label--radio', for: `gemeente-${i}` }, e.label)));

  const fieldset = h('div', { class: `utrecht-form-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}` },
    h('fieldset', {
      class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
      'aria-describedby': ['gemeente-uitleg', invalid ? errorId : null].filter(Boolean).join(' '),
    },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, 'In welke gemeente woont u?'),
    h('p', { class: 'utrecht-form-field-description', id: 'gemeente-uitleg' },
      'Elke gemeente heeft eigen regels. De zelftest gebruikt de regels van uw gemeente.'),
    invalid ? h('p', { class: 'utrecht-form-field-error-message', id: errorId }, error) : null,
    radios));

  form.append(
    fieldset,
    h('p', { class: 'utrecht-paragraph uw-note' },
      'Staat uw gemeente er niet bij? Dan kunt u deze zelftest niet gebruiken. Vraag dan bij het Wmo-loket van uw gemeente hoe u hulp aanvraagt.'),
    buttons(button('Start de zelftest', { primary: true, type: 'submit', id: 'start' })),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const picked = form.querySelector('input[name="gemeente"]:checked');
    if (!picked) {
      showStart({ error: 'Kies uw gemeente.', push: false });
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
    showStep();
  });

  show(SITE_TITLE, [
    progress(1, Math.max(3, state.engine ? steps().length + 2 : 3), state.engine ? stepNames(steps()) : ['Gemeente', 'Vragen', 'Uitkomst']),
    h('h1', { class: 'utrecht-heading-1' }, SITE_TITLE),
    h('p', { class: 'utrecht-paragraph utrecht-paragraph--lead' },
      'Met deze zelftest ziet u hoeveel hulp bij het huishouden ongeveer past bij uw situatie.'),
    h('p', { class: 'utrecht-paragraph' },
      'U beantwoordt een paar vragen over uzelf en uw woning. Dat duurt ongeveer 5 minuten. ',
      'De uitkomst is een schatting volgens de regels van uw gemeente. De gemeente beslist zelf hoeveel hulp u krijgt, na een gesprek met u.'),
    h('div', { class: 'utrecht-alert utrecht-alert--info uw-privacy' },
      h('h2', { class: 'utrecht-heading-3' }, 'Uw antwoorden blijven bij u'),
      h('p', { class: 'utrecht-paragraph' },
        'De zelftest rekent alles uit op uw eigen apparaat. Uw antwoorden worden niet verstuurd en niet bewaard. Sluit u deze pagina, dan zijn ze weg.')),
    list.length === 0
      ? h('div', { class: 'utrecht-alert utrecht-alert--warning' }, h('p', { class: 'utrecht-paragraph' }, 'Er zijn nog geen gemeenten in de zelftest.'))
      : form,
  ], { focus, record: { v: 'start' }, push });
}

function setBusy(form, busy) {
  for (const b of form.querySelectorAll('button')) b.disabled = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
}

// ------------------------------------------------------------- step view

function showStep({ errors = null, push = true } = {}) {
  const asked = normalize();
  const list = steps(asked);
  if (list.length === 0) return showResult({ push });
  state.stepIndex = Math.min(Math.max(0, state.stepIndex), list.length - 1);
  const step = list[state.stepIndex];
  const last = state.stepIndex === list.length - 1;
  const total = list.length + 2;
  const current = state.stepIndex + 2;

  state.fields = new Map();
  const fieldNodes = step.all.map((q) => {
    const field = makeField(q);
    state.fields.set(q.id, field);
    field.write(q.type === 'number' || q.type === 'date' ? state.raw[q.id] : state.answers[q.id]);
    field.root.hidden = !asked.has(q.id);
    return field.root;
  });

  const summarySlot = h('div', { class: 'uw-error-slot' });
  // Screen readers hear when a question appears or goes away while answering.
  const live = h('p', { class: 'uw-visually-hidden', 'aria-live': 'polite', id: 'wijzigingen' });
  const form = h('form', { class: 'uw-form', novalidate: true },
    summarySlot,
    fieldNodes,
    live,
    buttons(
      button(last ? 'Bekijk de uitkomst' : 'Volgende', { primary: true, type: 'submit', id: 'volgende' }),
      button('Vorige', { id: 'vorige', onClick: () => goBack() }),
    ));

  const progressSlot = h('div', { 'data-key': `${state.stepIndex}|${stepNames(list).join('|')}` }, progress(current, total, stepNames(list)));
  const changed = (ev) => {
    onAnswer(step, progressSlot, live);
    clearError(ev.target?.closest?.('.uw-question')?.dataset.question, summarySlot);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    next(step, summarySlot);
  });

  show(`Stap ${current} van ${total}: ${step.topic.title}`, [
    progressSlot,
    h('h1', { class: 'utrecht-heading-1' }, step.topic.title),
    form,
  ], { record: { v: 'step', i: state.stepIndex }, push });
  if (errors) showErrors(errors, summarySlot);
}

/** Reads the fields, drops answers that no longer apply, shows and hides conditional questions. */
function onAnswer(step, progressSlot, live) {
  for (const [id, field] of state.fields) {
    if (field.root.hidden) continue;
    const { answer, raw } = field.read();
    setAnswer(id, answer);
    if (raw === undefined) delete state.raw[id];
    else state.raw[id] = raw;
  }
  const asked = normalize();
  const added = [];
  let removed = 0;
  for (const [id, field] of state.fields) {
    const show = asked.has(id);
    if (field.root.hidden === show) {
      field.root.hidden = !show;
      if (show) added.push(field.question.label);
      else {
        removed += 1;
        field.write(undefined);
        field.setError(null);
      }
    }
  }
  if (added.length || removed) {
    live.textContent = [
      added.length === 1 ? `Er is een vraag bijgekomen: ${added[0]}` : added.length ? `Er zijn ${added.length} vragen bijgekomen.` : '',
      removed === 1 ? 'Er is een vraag weggehaald, want die geldt niet meer voor u.' : removed ? `Er zijn ${removed} vragen weggehaald, want die gelden niet meer voor u.` : '',
    ].filter(Boolean).join(' ');
  }
  const list = steps(asked);
  const index = list.findIndex((s) => s.topic.id === step.topic.id);
  if (index >= 0) {
    const key = `${index}|${stepNames(list).join('|')}`;
    state.stepIndex = index;
    if (progressSlot.dataset.key !== key) {
      progressSlot.dataset.key = key;
      replace(progressSlot, progress(index + 2, list.length + 2, stepNames(list)));
    }
  }
}

/** Once a question with an error is answered again, its message goes (at the field and in the summary). */
function clearError(id, summarySlot) {
  const field = id && state.fields.get(id);
  if (!field || !field.hasError()) return;
  field.setError(null);
  summarySlot.querySelector(`li[data-question="${CSS.escape(id)}"]`)?.remove();
  const left = summarySlot.querySelectorAll('li').length;
  if (left === 0) replace(summarySlot);
  else {
    const heading = summarySlot.querySelector('#foutmeldingen-kop');
    if (heading) heading.textContent = summaryTitle(left);
  }
}

function summaryTitle(n) {
  return n === 1 ? 'Er is 1 vraag die u nog moet verbeteren' : `Er zijn ${n} vragen die u nog moet verbeteren`;
}

function next(step, summarySlot) {
  const asked = normalize();
  const ids = new Set(step.all.map((q) => q.id).filter((id) => asked.has(id)));
  const problems = state.engine.validate(state.answers, options()).filter((p) => p.question && ids.has(p.question));
  if (problems.length > 0) {
    showErrors(problems, summarySlot);
    return;
  }
  const list = steps(asked);
  const index = list.findIndex((s) => s.topic.id === step.topic.id);
  if (index + 1 < list.length) {
    state.stepIndex = index + 1;
    showStep();
  } else {
    showResult();
  }
}

function showErrors(problems, summarySlot) {
  const byQuestion = new Map();
  for (const p of problems) if (!byQuestion.has(p.question)) byQuestion.set(p.question, p);
  const items = [];
  for (const [id, field] of state.fields) {
    const p = byQuestion.get(id);
    if (!p || field.root.hidden) {
      field.setError(null);
      continue;
    }
    const message = fieldMessage(p, field.question);
    field.setError(message);
    items.push({ id, target: field.focusId, label: field.question.label, message });
  }
  replace(summarySlot, items.length ? errorSummary(items) : null);
  const summary = summarySlot.querySelector('#foutmeldingen');
  if (summary) {
    summary.focus();
    summary.scrollIntoView({ block: 'start' });
  }
}

function goBack() {
  if (state.stepIndex <= 0) {
    showStart();
    return;
  }
  state.stepIndex -= 1;
  showStep();
}

// ---------------------------------------------------------------- fields

let fieldCounter = 0;

/**
 * A question as NL Design System form markup. Returns
 * {question, root, focusId, read() → {answer, raw}, write(value), setError(message|null)}.
 */
function makeField(q) {
  const base = `v${++fieldCounter}-${q.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const helpId = `${base}-uitleg`;
  const errorId = `${base}-fout`;
  const help = q.help ? h('p', { class: 'utrecht-form-field-description', id: helpId }, q.help) : null;
  const error = h('p', { class: 'utrecht-form-field-error-message', id: errorId, hidden: true });
  const describedBy = (hasError) => [q.help ? helpId : null, q.type === 'date' ? `${base}-voorbeeld` : null, hasError ? errorId : null]
    .filter(Boolean).join(' ') || false;

  if (q.type === 'yes_no' || q.type === 'choice') {
    const opts = q.type === 'yes_no'
      ? [{ id: true, label: 'Ja' }, { id: false, label: 'Nee' }]
      : (q.options ?? []);
    const inputs = opts.map((o, i) => h('input', {
      type: 'radio',
      class: 'utrecht-radio-button utrecht-radio-button--html-input',
      id: `${base}-${i}`,
      name: base,
      value: String(i),
      'data-question': q.id,
    }));
    const fieldset = h('fieldset', {
      class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
      'aria-describedby': describedBy(false),
    },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, q.label),
    help,
    error,
    opts.map((o, i) => h('div', { class: 'utrecht-form-field utrecht-form-field--radio uw-radio' },
      h('div', { class: 'utrecht-form-field__input' }, inputs[i]),
      h('label', { class: 'utrecht-form-field__label utrecht-form-label utrecht-form-label--radio', for: `${base}-${i}` }, o.label))));
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
        inputs.forEach((x, i) => { x.checked = value !== undefined && opts[i].id === value; });
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
    const parts = [['day', 'Dag', 2], ['month', 'Maand', 2], ['year', 'Jaar', 4]];
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
      return h('div', { class: 'uw-date__part' },
        h('label', { class: 'utrecht-form-label uw-date__label', for: id }, label),
        inputs[key]);
    });
    const fieldset = h('fieldset', {
      class: 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset',
      'aria-describedby': describedBy(false),
    },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend uw-legend' }, q.label),
    help,
    h('p', { class: 'utrecht-form-field-description uw-date__hint', id: `${base}-voorbeeld` }, 'Bijvoorbeeld: 15 3 2020'),
    error,
    h('div', { class: 'uw-date' }, groups));
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
  const bounds = Number.isInteger(q.min) && Number.isInteger(q.max) ? `Een getal van ${q.min} tot en met ${q.max}.` : null;
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
  const root = h('div', { class: 'utrecht-form-field utrecht-form-field--text uw-question', 'data-question': q.id, 'data-type': q.type },
    h('div', { class: 'utrecht-form-field__label' },
      h('label', { class: 'utrecht-form-label uw-legend', for: inputId }, q.label)),
    help,
    bounds ? h('p', { class: 'utrecht-form-field-description', id: boundsId }, bounds) : null,
    error,
    h('div', { class: 'utrecht-form-field__input' }, input));
  return {
    question: q,
    root,
    focusId: inputId,
    read() {
      const answer = q.type === 'number' ? parseNumber(input.value) : (input.value.trim() || undefined);
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

function setAttr(el, name, value) {
  if (value === false || value === null || value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

// ----------------------------------------------------------- result view

function showResult({ push = true } = {}) {
  const asked = normalize();
  let ind;
  try {
    ind = state.engine.evaluate(state.answers, { ...options(), trace: true });
  } catch (e) {
    if (e?.question) {
      const list = steps(asked);
      const index = list.findIndex((s) => s.questions.some((q) => q.id === e.question));
      if (index >= 0) {
        state.stepIndex = index;
        showStep({ errors: [{ code: e.code, message: e.message, question: e.question }], push });
        return;
      }
    }
    showFatal(pageMessage(e), e);
    return;
  }
  state.indication = ind;
  const list = steps(asked);
  const total = list.length + 2;

  const warnings = ind.warnings ?? [];
  const banner = warnings.filter((w) => w.code === 'concept' || w.code === 'provisional');
  const missing = warnings.filter((w) => w.code !== 'concept' && w.code !== 'provisional');

  show('Uw uitkomst', [
    progress(total, total, stepNames(list)),
    h('h1', { class: 'utrecht-heading-1' }, 'Uw uitkomst'),
    banner.length ? h('div', { class: 'utrecht-alert utrecht-alert--warning uw-banner', id: 'voorlopig' },
      h('h2', { class: 'utrecht-heading-3' },
        banner.some((w) => w.code === 'concept') ? 'Let op: deze regels zijn nog niet vastgesteld' : 'Let op: sommige getallen zijn voorlopig'),
      banner.map((w) => h('p', { class: 'utrecht-paragraph' }, w.code === 'concept'
        ? `De regels die de zelftest gebruikt (${ind.package.title}, versie ${ind.package.version}) zijn nog een concept. De gemeente heeft ze nog niet vastgesteld. De uitkomst kan daarom nog veranderen.`
        : w.message))) : null,
    transitionNote(ind),
    totals(ind),
    decides(ind),
    contribution(ind),
    howCalculated(ind),
    missing.length ? h('section', { class: 'uw-section', 'aria-labelledby': 'niet-berekend' },
      h('h2', { class: 'utrecht-heading-2', id: 'niet-berekend' }, 'Wat niet in deze berekening zit'),
      missing.map((w) => h('div', { class: 'utrecht-alert utrecht-alert--info' }, h('p', { class: 'utrecht-paragraph' }, w.message)))) : null,
    yourAnswers(list),
    about(ind),
    buttons(
      button('Print of bewaar als pdf', { primary: true, id: 'print', onClick: () => window.print() }),
      button('Antwoorden wijzigen', { id: 'wijzigen', onClick: () => { state.stepIndex = 0; showStep(); } }),
      button('Opnieuw beginnen', { id: 'opnieuw', onClick: () => restart() }),
    ),
  ], { record: { v: 'result' }, push });
}

function restart() {
  state.answers = {};
  state.raw = {};
  state.indication = null;
  state.stepIndex = 0;
  showStart();
}

function transitionNote(ind) {
  if (!ind.transition) return null;
  return h('div', { class: 'utrecht-alert utrecht-alert--info uw-transition' },
    h('h2', { class: 'utrecht-heading-3' }, 'Voor u gelden de regels van vóór de wijziging'),
    h('p', { class: 'utrecht-paragraph' },
      `U krijgt al hulp sinds ${dutchDate(ind.transition.started)}. Wie al hulp kreeg vóór ${dutchDate(ind.transition.started_before)}, houdt de oude regels: ${ind.package.title}.`),
    ind.transition.reason ? h('p', { class: 'utrecht-paragraph' }, ind.transition.reason) : null);
}

/** "2 uur en 5 minuten (125 minuten)", or just "45 minuten". */
function both(minutes) {
  return minutes >= 60 ? `${duration(minutes)} (${minutesText(minutes)})` : duration(minutes);
}

function totals(ind) {
  const t = ind.total;
  // Explicit roles keep the table a table for screen readers when phones show it stacked.
  const amount = (minutes, label) => h('td', { class: 'utrecht-table__cell uw-num', role: 'cell', 'data-label': label },
    duration(minutes), minutes >= 60 ? h('span', { class: 'uw-minutes' }, ` (${minutesText(minutes)})`) : null);
  const row = (title, week, period, extra = '') => h('tr', { class: `utrecht-table__row${extra}`, role: 'row' },
    h('th', { class: 'utrecht-table__header-cell', scope: 'row', role: 'rowheader' }, title),
    amount(week, 'Per week'),
    amount(period, 'Per 4 weken'));
  const rows = ind.areas.map((a) => row(a.title, a.minutes_per_week, a.minutes_per_period));
  return h('section', { class: 'uw-section uw-total', 'aria-labelledby': 'uitkomst-kop' },
    h('h2', { class: 'utrecht-heading-2', id: 'uitkomst-kop' }, 'Zoveel hulp past volgens de regels bij uw situatie'),
    h('p', { class: 'uw-total__big', id: 'totaal-per-week' },
      h('span', { class: 'uw-total__amount' }, duration(t.minutes_per_week)),
      ' per week'),
    h('p', { class: 'utrecht-paragraph uw-total__detail' },
      t.minutes_per_week >= 60 ? `Dat is ${minutesText(t.minutes_per_week)} per week. ` : '',
      `Per 4 weken is dat ${both(t.minutes_per_period)}.`),
    h('div', { class: 'uw-table-wrap' },
      h('table', { class: 'utrecht-table utrecht-table--html-table uw-table', id: 'per-resultaat', role: 'table', 'aria-labelledby': 'per-resultaat-kop' },
        h('caption', { class: 'utrecht-table__caption', id: 'per-resultaat-kop' }, 'Hulp per onderdeel'),
        h('thead', { class: 'utrecht-table__header', role: 'rowgroup' },
          h('tr', { class: 'utrecht-table__row', role: 'row' },
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, 'Onderdeel'),
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, 'Per week'),
            h('th', { class: 'utrecht-table__header-cell', scope: 'col', role: 'columnheader' }, 'Per 4 weken'))),
        h('tbody', { class: 'utrecht-table__body', role: 'rowgroup' }, rows),
        ind.areas.length > 1 ? h('tfoot', { class: 'utrecht-table__footer', role: 'rowgroup' },
          row('Samen', t.minutes_per_week, t.minutes_per_period, ' uw-table__total')) : null)));
}

function decides(ind) {
  const name = state.entry?.municipality?.name;
  const { how, url } = applyInfo(state.doc, state.entry?.municipality?.id, ind.package.id);
  return h('section', { class: 'uw-section uw-decides', 'aria-labelledby': 'gemeente-beslist' },
    h('h2', { class: 'utrecht-heading-2', id: 'gemeente-beslist' }, name ? `De gemeente ${name} beslist` : 'De gemeente beslist'),
    h('p', { class: 'utrecht-paragraph' },
      'Deze uitkomst is geen besluit. Het is een schatting volgens de regels van de gemeente. ',
      'Wilt u hulp bij het huishouden? Dan vraagt u die aan bij de gemeente. Een consulent praat met u over uw situatie. ',
      'Daarna beslist de gemeente hoeveel hulp u krijgt. Dat kan meer of minder zijn dan deze uitkomst.'),
    h('h3', { class: 'utrecht-heading-3' }, 'Zo vraagt u hulp aan'),
    h('p', { class: 'utrecht-paragraph', id: 'aanvragen' }, how ?? 'Neem contact op met het Wmo-loket van uw gemeente.'),
    url ? h('p', { class: 'utrecht-paragraph' },
      h('a', { class: 'utrecht-link uw-external', href: url, rel: 'noopener noreferrer external' },
        name ? `Website van de gemeente ${name} over hulp bij het huishouden` : 'Website van de gemeente')) : null);
}

function contribution(ind) {
  const c = ind.cost?.contribution;
  if (!c) return null;
  return h('section', { class: 'uw-section', 'aria-labelledby': 'eigen-bijdrage' },
    h('h2', { class: 'utrecht-heading-2', id: 'eigen-bijdrage' }, 'Eigen bijdrage'),
    h('p', { class: 'utrecht-paragraph' }, 'Krijgt u hulp bij het huishouden? Dan betaalt u meestal zelf een deel van de kosten: de eigen bijdrage.'),
    h('p', { class: 'utrecht-paragraph', id: 'eigen-bijdrage-bedrag' },
      'Volgens de regels van de gemeente is dat ', h('strong', {}, `${money(c.cents)} ${perText(c.per)}`), '.'),
    c.provisional ? h('p', { class: 'utrecht-paragraph' }, h('strong', {}, 'Dit bedrag is voorlopig. '),
      typeof c.provisional === 'string' ? c.provisional : '') : null,
    h('p', { class: 'utrecht-paragraph' },
      'Meestal int het CAK de eigen bijdrage. Hoeveel u precies betaalt, hoort u van de gemeente of het CAK.'));
}

/** "tekst" + "." unless it already ends a sentence. */
function sentence(text) {
  const t = String(text).trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

function sourceLine(s, { withLabel = true } = {}) {
  const amount = s.amount !== undefined && s.amount !== null && unitText(s.unit) ? `: ${s.amount} ${unitText(s.unit)}` : '';
  const where = [s.title ?? s.document, s.locator].filter(Boolean).join(', ');
  return h('li', { class: 'uw-source' },
    withLabel ? h('span', { class: 'uw-source__label' }, sentence(`${s.label ?? s.name}${amount}`)) : null,
    where ? h('span', { class: 'uw-source__where' }, h('span', { class: 'uw-source__key' }, 'Bron: '), sentence(where)) : null,
    s.provisional ? h('span', { class: 'uw-source__provisional-line' }, h('strong', { class: 'uw-source__provisional' }, 'Voorlopig getal'),
      typeof s.provisional === 'string' ? `: ${sentence(s.provisional)}` : '.') : null);
}

function sources(list, options) {
  if (!list?.length) return null;
  return h('ul', { class: 'utrecht-unordered-list uw-sources' }, list.map((s) => sourceLine(s, options)));
}

function howCalculated(ind) {
  const calc = calculation(ind);
  const section = h('section', { class: 'uw-section uw-how', 'aria-labelledby': 'hoe-berekend' },
    h('h2', { class: 'utrecht-heading-2', id: 'hoe-berekend' }, 'Hoe is dit berekend?'));
  if (!calc) {
    // Fallback: the sentences as they are, then every source.
    section.append(
      h('ol', { class: 'utrecht-ordered-list' }, (ind.explanation ?? []).map((s) => h('li', {}, s))),
      sources((ind.trace ?? []).flatMap((t) => t.sources ?? [])) ?? '');
    return section;
  }
  if (calc.transition) {
    section.append(h('p', { class: 'utrecht-paragraph' }, calc.transition.sentence), sources(calc.transition.sources, { withLabel: false }) ?? '');
  }
  for (const { area, items, outcome } of calc.areas) {
    section.append(
      h('h3', { class: 'utrecht-heading-3' }, area.title),
      h('ol', { class: 'utrecht-ordered-list uw-steps' },
        items.map(({ sentence, item }) => h('li', { class: 'uw-step' },
          h('p', { class: 'utrecht-paragraph uw-step__sentence' }, sentence),
          sources(item.sources)))),
      h('p', { class: 'utrecht-paragraph uw-outcome' }, h('strong', {}, outcome)));
  }
  for (const line of calc.closing) section.append(h('p', { class: 'utrecht-paragraph' }, line));
  return section;
}

function yourAnswers(list) {
  return h('section', { class: 'uw-section uw-answers', 'aria-labelledby': 'uw-antwoorden' },
    h('h2', { class: 'utrecht-heading-2', id: 'uw-antwoorden' }, 'Uw antwoorden'),
    list.map((step, i) => h('div', { class: 'uw-answers__group' },
      h('h3', { class: 'utrecht-heading-3' }, step.topic.title),
      h('dl', { class: 'uw-answers__list' },
        step.questions.map((q) => [
          h('dt', { class: 'uw-answers__question' }, q.label),
          h('dd', { class: 'uw-answers__answer' }, answerText(q, state.answers[q.id])),
        ])),
      h('p', { class: 'utrecht-paragraph uw-answers__edit' },
        h('button', {
          type: 'button',
          class: 'utrecht-button utrecht-button--subtle uw-edit',
          'data-step': String(i),
          on: { click: () => { state.stepIndex = i; showStep(); } },
        }, 'Wijzig', hidden(` uw antwoorden bij ${step.topic.title}`))))));
}

function about(ind) {
  const p = ind.package;
  const municipality = state.entry?.municipality?.name;
  const rows = [
    ['Regels (normenkader)', p.title],
    ['Versie', `${p.version} (${p.status === 'concept' ? 'concept, nog niet vastgesteld' : 'vastgesteld'})`],
    municipality ? ['Gemeente', p.overlay ? `${municipality} (met eigen keuzes van de gemeente)` : municipality] : null,
    ['Berekend op', dutchDate(ind.date)],
    ['Vingerafdruk', h('code', { class: 'uw-fingerprint', id: 'vingerafdruk' }, p.fingerprint)],
    p.base_fingerprint ? ['Vingerafdruk van de basisregels', h('code', { class: 'uw-fingerprint' }, p.base_fingerprint)] : null,
    ['Rekenkern', `${ind.engine?.name ?? ''} ${ind.engine?.version ?? ''}`.trim()],
  ].filter(Boolean);
  return h('section', { class: 'uw-section uw-about', 'aria-labelledby': 'over-berekening' },
    h('h2', { class: 'utrecht-heading-2', id: 'over-berekening' }, 'Over deze berekening'),
    h('dl', { class: 'uw-about__list' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('p', { class: 'utrecht-paragraph utrecht-paragraph--small' },
      'Met de vingerafdruk kan de gemeente precies nagaan met welke regels is gerekend.'));
}

main();
