// The self-check's state: the chosen package and municipality, the answers,
// the step on screen; the core's form state (which questions are asked, the
// answers kept, problems) and the steps it makes; and
// `go`, the views by name (filled in by main.js), so views can move to each
// other without importing each other.

import { Engine } from './pkg/urenwijzer.js';

export const state = {
  entries: [], // where a resident can start: one per municipality of each entry-point package
  entry: null, // the chosen entry
  engine: null,
  questions: [],
  topics: [],
  answers: {}, // question id → answer as the engine takes it
  raw: {}, // question id → what was typed (text and date fields)
  stepIndex: 0,
  fields: new Map(), // question id → field of the step on screen
  indication: null,
  fromResult: false, // an answer is being changed from the result ("Terug naar uitkomst")
  form: null, // the core's form state of `answers` (formState())
};

/** The views: go.start(opts), go.step(opts), go.result(opts). */
export const go = {};

async function fetchFile(url) {
  // Plain GET of a static file: no answers, no credentials, no referrer.
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response;
}

export async function fetchJson(url) {
  return (await fetchFile(url)).json();
}

/** The compiled bundle (`<id>.uwb`) of an index entry, as bytes. */
async function fetchCompiled(pkg) {
  if (!pkg.compiled?.file) throw Object.assign(new Error(`${pkg.id}: no compiled bundle in index.json`), { code: 'invalid_bundle' });
  return new Uint8Array(await (await fetchFile(`packages/${encodeURIComponent(pkg.compiled.file)}`)).arrayBuffer());
}

/** Loads the package of `entry` (unless it is loaded already) and keeps the answers that still apply. */
export async function choose(entry) {
  const samePackage = state.entry && state.engine && state.entry.pkg.id === entry.pkg.id;
  state.entry = entry;
  setTheme(entry);
  if (!samePackage) {
    state.engine?.free?.();
    state.engine = null;
    state.answers = {};
    state.raw = {};
    // The engine loads the compiled bundle (the resident module reads no
    // package documents); the texts beside a result (resident title, what
    // is not counted, how to apply) are in index.json (`pkg.resident`).
    const bytes = await fetchCompiled(entry.pkg);
    // loadCompiled: the bundle's hash by the browser's Web Crypto (native; fromCompiled's is the module's).
    const engine = await Engine.loadCompiled(bytes);
    if (entry.pkg.fingerprint && engine.fingerprint !== entry.pkg.fingerprint) {
      throw Object.assign(new Error('fingerprint differs from index.json'), { code: 'invalid_package' });
    }
    state.engine = engine;
    state.questions = engine.questions();
    state.topics = engine.package.topics ?? [];
  }
  formState();
}

function setTheme(entry) {
  const id = entry?.municipality?.id;
  if (id) document.documentElement.dataset.municipality = id;
  else delete document.documentElement.dataset.municipality;
  document.documentElement.dataset.package = entry?.pkg.id ?? '';
  document.getElementById('header-municipality').textContent = entry ? entry.label : '';
}

export function options() {
  const municipality = state.entry?.municipality?.id;
  return municipality ? { municipality } : {};
}

/**
 * The rules core's form state of the answers (`engine.state`): the asked
 * questions, the answers kept (answers to questions no longer asked are
 * dropped, here too), what is missing, the problems per question and the
 * indication when complete. Kept in `state.form`.
 */
export function formState() {
  const form = state.engine.state(state.answers, { ...options(), trace: true });
  state.answers = { ...form.answers };
  const asked = askedIds(form);
  for (const id of Object.keys(state.raw)) if (!asked.has(id)) delete state.raw[id];
  state.form = form;
  return form;
}

/** Ids of the questions a form state asks. */
export function askedIds(form) {
  return new Set(form.asked.map((q) => q.id));
}

/** The steps: each topic with at least one question asked now, in order, with its questions (`all`: also those not asked). */
export function steps(form) {
  const order = [...state.topics];
  for (const q of state.questions) {
    if (!order.some((t) => t.id === q.topic)) order.push({ id: q.topic, title: q.topic });
  }
  const byId = new Map(state.questions.map((q) => [q.id, q]));
  return order
    .map((topic) => ({
      topic,
      all: state.questions.filter((q) => q.topic === topic.id),
      questions: form.asked.filter((a) => a.topic === topic.id).map((a) => byId.get(a.id)),
    }))
    .filter((s) => s.questions.length > 0);
}

export function setAnswer(id, value) {
  if (value === undefined) delete state.answers[id];
  else state.answers[id] = value;
}

export function restart() {
  state.answers = {};
  state.raw = {};
  state.indication = null;
  state.stepIndex = 0;
  state.fromResult = false;
  go.start();
}

/** The browser's back and forward buttons: show the recorded view again. */
export function onHistory(ev) {
  const r = ev.state;
  if (!r || r.v === 'start' || !state.engine) {
    go.start({ push: false });
  } else if (r.v === 'step') {
    state.stepIndex = r.i ?? 0;
    go.step({ push: false });
  } else if (r.v === 'result') {
    go.result({ push: false });
  }
}
