// <hbh-indicatie>: the Urenwijzer indication as an embeddable web component.
//
//   <script type="module" src="/widget/0.1.0/hbh-indicatie.js"></script>
//   <hbh-indicatie package="/packages/h4.json" municipality="delft" mode="provider"></hbh-indicatie>
//
// Modes: citizen (self-check), provider (omgekeerd toewijzen: intake, start,
// evaluation, final indication, record export/import, printable summary),
// consultant (full trace with citations; `compare` shows a second package
// side by side). Everything renders into an open shadow root styled by one
// constructable stylesheet: no inline scripts or styles, nothing leaks.
// The numbers come from the Urenwijzer rules core (wasm), the same code as
// the `urenwijzer` CLI; the date rules of omgekeerd toewijzen too.
//
// Documentation: docs/widget.md.

import css from './styles.css';
import summaryCss from './summary.css';
import { h, replace } from './dom.js';
import { translator, languageOf } from './i18n.js';
import { loadPackage, planDates } from './engine.js';
import { QuestionForm, answerText } from './form.js';
import { buildRecord, parseRecord, diffAnswers, pick } from './record.js';
import { duration, longDate, today, euro, isIsoDate, signed } from './format.js';

/* global __HBH_VERSION__ */
export const VERSION = typeof __HBH_VERSION__ === 'string' ? __HBH_VERSION__ : '0.0.0-dev';
export const TAG = 'hbh-indicatie';
export const MODES = ['citizen', 'provider', 'consultant'];

let sheet;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${css}\n${summaryCss}`);
  }
  return sheet;
}

let instances = 0;

const copy = (v) => (v === null || v === undefined ? null : JSON.parse(JSON.stringify(v)));

export class HbhIndicatie extends HTMLElement {
  static get observedAttributes() {
    return ['package', 'compare', 'municipality', 'mode', 'lang', 'date'];
  }

  #shadow = null;
  #root = null;
  #uid = `hbh${++instances}`;
  #t = translator('nl');
  #lang = 'nl';
  #mode = 'citizen';
  #main = null;
  #compare = null;
  #mainUrl = null;
  #loadToken = 0;
  #scheduled = false;
  #ready = Promise.resolve();
  #error = null;
  #municipalityChoice = null;
  #indicationText = null;
  #emittedText = undefined;
  // citizen / consultant
  #form = null;
  #els = {};
  // provider
  #p = null;
  /** What to put in the form once it is rendered: {answers, evalAnswers, reasons, dates, record}. */
  #pending = {};

  connectedCallback() {
    if (!this.#shadow) {
      this.#shadow = this.attachShadow({ mode: 'open' });
      this.#shadow.adoptedStyleSheets = [styleSheet()];
      this.#root = h('div', { class: 'root', attrs: { part: 'root' } });
      this.#shadow.append(this.#root);
    }
    if (!this.#main) this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#shadow) return;
    this.#schedule();
  }

  /** Resolves when the packages are loaded and the form is shown (or an error is shown). */
  get ready() {
    return this.#ready;
  }

  /** The load error, if any (also shown in the widget). */
  get error() {
    return this.#error;
  }

  get version() {
    return VERSION;
  }

  /** The current indication (canonical JSON of the rules core, as an object), or null. */
  get indication() {
    return this.getIndication();
  }

  getIndication() {
    return this.#indicationText === null ? null : JSON.parse(this.#indicationText);
  }

  /** Consultant mode with `compare`: both indications and the difference per area. */
  getComparison() {
    return this.#els.comparison ? copy(this.#els.comparison) : null;
  }

  /**
   * Prefills answers (object keyed by question id). In provider mode these
   * are the intake answers; pass {phase: 'evaluation'} for the evaluation.
   */
  setAnswers(answers, options = {}) {
    const a = copy(answers ?? {});
    const evaluation = options.phase === 'evaluation';
    if (!this.#p && !this.#form) {
      this.#pending[evaluation ? 'evalAnswers' : 'answers'] = a;
      return;
    }
    if (this.#p) {
      if (evaluation) {
        this.#p.evalForm.setAnswers(a);
        this.#p.evalTouched = true;
      } else {
        this.#p.initialForm.setAnswers(a);
      }
    } else {
      this.#form.setAnswers(a);
    }
    this.#update();
  }

  /** The answers currently in the form (provider: {intake, evaluation}). */
  getAnswers() {
    if (this.#p) return { intake: this.#p.initialForm.getAnswers(), evaluation: this.#p.evalForm.getAnswers() };
    return this.#form ? this.#form.getAnswers() : copy(this.#pending.answers) ?? {};
  }

  /** Provider mode: sets the intake, start and evaluation dates (YYYY-MM-DD; null clears). */
  setDates(dates = {}) {
    if (!this.#p) {
      this.#pending.dates = { ...(this.#pending.dates ?? {}), ...dates };
      return;
    }
    for (const k of ['intake', 'start', 'evaluation']) {
      if (k in dates) this.#p.dateInputs[k].value = dates[k] ?? '';
    }
    this.#update();
  }

  /** Provider mode: the whole record as a JSON-ready object. */
  exportRecord() {
    if (!this.#p) return null;
    return this.#record();
  }

  /** Provider mode: restores an exported record (object or JSON text). Throws on an invalid record. */
  importRecord(input) {
    if (!this.#p) {
      const parsed = parseRecord(input);
      this.#pending = { record: parsed };
      return;
    }
    this.#restore(parseRecord(input));
  }

  // ---------------------------------------------------------------- loading

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    let done;
    this.#ready = new Promise((resolve) => (done = resolve));
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#load().then(done, done);
    });
  }

  /** What the user entered so far, kept across a re-render (attribute change). */
  #snapshot() {
    if (this.#p) {
      const d = this.#p.dateInputs;
      this.#pending = {
        answers: this.#p.initialForm.getAnswers(),
        evalAnswers: this.#p.evalTouched ? this.#p.evalForm.getAnswers() : undefined,
        reasons: this.#p.evalForm.getReasons(),
        dates: { intake: d.intake.value, start: d.start.value, evaluation: d.evaluation.value },
      };
    } else if (this.#form) {
      this.#pending = { answers: this.#form.getAnswers() };
    }
  }

  async #load() {
    const token = ++this.#loadToken;
    this.#snapshot();
    this.#lang = languageOf(this.getAttribute('lang'));
    this.#t = translator(this.#lang);
    const mode = (this.getAttribute('mode') ?? 'citizen').toLowerCase();
    this.#mode = MODES.includes(mode) ? mode : 'citizen';
    const t = this.#t;
    this.#form = null;
    this.#p = null;
    this.#els = {};
    this.#root.setAttribute('lang', this.#lang);
    this.#root.setAttribute('data-mode', this.#mode);
    replace(this.#root, h('p', { class: 'loading', attrs: { role: 'status' }, text: t('loading') }));
    try {
      const url = this.getAttribute('package');
      if (!url) throw new Error(t('noPackage'));
      const compareUrl = this.#mode === 'consultant' ? this.getAttribute('compare') : null;
      const [main, compare] = await Promise.all([
        loadPackage(url, document.baseURI, t),
        compareUrl ? loadPackage(compareUrl, document.baseURI, t) : null,
      ]);
      if (token !== this.#loadToken) return;
      this.#main = main;
      this.#mainUrl = url;
      this.#compare = compare;
      this.#error = null;
      if (this.#mode === 'provider') this.#renderProvider();
      else this.#renderForm();
      this.#update();
    } catch (e) {
      if (token !== this.#loadToken) return;
      this.#error = e;
      this.#main = null;
      replace(
        this.#root,
        h('div', { class: 'alert alert-error', attrs: { role: 'alert' } }, h('p', { text: t('loadError') }), h('p', { text: e?.message ?? String(e) })),
      );
    }
  }

  // ---------------------------------------------------------------- shared

  #date() {
    const d = this.getAttribute('date');
    return isIsoDate(d) ? d : today();
  }

  #municipality() {
    const attr = this.getAttribute('municipality');
    if (attr) return attr;
    return this.#municipalityChoice || null;
  }

  /** The municipality for an engine: only when that package knows it. */
  #municipalityFor(engine) {
    const m = this.#municipality();
    if (!m) return undefined;
    if (engine === this.#main) return m;
    return engine.package.municipalities.some((x) => x.id === m) ? m : undefined;
  }

  #header(titleKey) {
    const t = this.#t;
    const info = this.#main.package;
    const m = this.#municipality();
    const muni = info.municipalities.find((x) => x.id === m);
    const els = [h('h2', { class: 'title', text: t(titleKey) }), h('p', { class: 'meta', text: t('norm', { title: info.title }) + (muni ? ` · ${t('municipality')}: ${muni.name}` : '') })];
    if (this.#compare) els.push(h('p', { class: 'meta', text: t('norm', { title: this.#compare.package.title }) }));
    return els;
  }

  /** A municipality picker when the host set none and the package has several. */
  #municipalityPicker() {
    const info = this.#main.package;
    if (this.getAttribute('municipality') || info.municipalities.length < 2) return null;
    const id = `${this.#uid}-municipality`;
    const select = h(
      'select',
      { class: 'input', attrs: { id }, on: { change: () => ((this.#municipalityChoice = select.value || null), this.#update()) } },
      h('option', { attrs: { value: '' }, text: this.#t('municipalityNone') }),
      info.municipalities.map((m) => h('option', { attrs: { value: m.id }, props: { selected: m.id === this.#municipalityChoice }, text: m.name })),
    );
    return h('div', { class: 'question screen-only' }, h('label', { class: 'label', attrs: { for: id }, text: this.#t('municipality') }), select);
  }

  /** Questions of the main package, then those only the compare package asks (each id once). */
  #questions() {
    const main = this.#main.questions();
    const topics = [...this.#main.package.topics];
    if (!this.#compare) return { questions: main, topics };
    const other = this.#compare.questions();
    const otherIds = new Set(other.map((q) => q.id));
    const mainIds = new Set(main.map((q) => q.id));
    const questions = main.map((q) => (otherIds.has(q.id) ? q : { ...q, onlyIn: this.#main.package.title }));
    for (const q of other) if (!mainIds.has(q.id)) questions.push({ ...q, onlyIn: this.#compare.package.title });
    for (const tp of this.#compare.package.topics) if (!topics.some((x) => x.id === tp.id)) topics.push(tp);
    return { questions, topics };
  }

  /**
   * Evaluates `answers` with one engine: which questions it asks, what is
   * missing, per-question problems, and the indication when complete.
   */
  #evaluate(engine, answers, date) {
    const municipality = this.#municipalityFor(engine);
    const out = { asked: [], missing: [], fieldErrors: new Map(), error: null, indication: null, text: null };
    try {
      out.asked = engine.asked(answers, { date, municipality });
    } catch (e) {
      out.error = e.message;
      return out;
    }
    const given = pick(answers, out.asked);
    out.given = given;
    out.missing = out.asked.filter((id) => given[id] === undefined);
    for (const p of engine.validate(given)) {
      if (p.question && !['missing_answer', 'unknown_question', 'not_asked'].includes(p.code) && !out.fieldErrors.has(p.question)) {
        out.fieldErrors.set(p.question, p.message);
      }
    }
    if (out.missing.length || out.fieldErrors.size) return out;
    try {
      out.text = engine.evaluateToJson(given, { date, municipality, trace: true });
      out.indication = JSON.parse(out.text);
    } catch (e) {
      if (e.question && out.asked.includes(e.question)) out.fieldErrors.set(e.question, e.message);
      else out.error = e.message;
    }
    return out;
  }

  #setIndication(text) {
    this.#indicationText = text ?? null;
    if (this.#indicationText === this.#emittedText) return;
    // Do not announce "nothing" before there ever was an indication.
    if (this.#emittedText === undefined && this.#indicationText === null) return;
    this.#emittedText = this.#indicationText;
    const detail = this.#indicationText === null ? null : JSON.parse(this.#indicationText);
    this.dispatchEvent(new CustomEvent('indicatie', { detail, bubbles: true, composed: true }));
  }

  #announce(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  #missingText(n) {
    return n === 1 ? this.#t('missingOne') : this.#t('missingMany', { n });
  }

  // ---------------------------------------------------------------- results

  /** Total, per area, cost, explanation and warnings of one indication. */
  #resultBlock(ind, { detailed = false, explanation = true, items = true, collapse = false } = {}) {
    const t = this.#t;
    const lang = this.#lang;
    const els = [h('p', { class: 'big', text: t('approxPerWeek', { duration: duration(ind.total.minutes_per_week, lang) }) })];
    if (ind.transition) els.push(h('p', { class: 'alert', text: t('transition', { reason: ind.transition.reason }) }));
    if (detailed || ind.areas.length > 1) {
      const head = detailed
        ? [t('colArea'), t('colWeek'), t('colPeriod'), t('colYear')]
        : [t('colArea'), t('colWeek')];
      const row = (label, f, total) =>
        h(
          'tr',
          { class: total ? 'total' : null },
          h('th', { attrs: { scope: 'row' }, text: label }),
          h('td', { class: 'num', text: f.minutes_per_week }),
          detailed ? [h('td', { class: 'num', text: f.minutes_per_period }), h('td', { class: 'num', text: f.minutes_per_year })] : null,
        );
      els.push(
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            {},
            h('thead', {}, h('tr', {}, head.map((x, i) => h('th', { class: i ? 'num' : null, attrs: { scope: 'col' }, text: x })))),
            h('tbody', {}, ind.areas.map((a) => row(a.title, a, false)), row(t('total'), ind.total, true)),
          ),
        ),
      );
    }
    if (ind.cost) {
      const c = ind.cost;
      if (c.cents_per_period !== null && c.cents_per_period !== undefined) els.push(h('p', { text: t('costPeriod', { amount: euro(c.cents_per_period, lang) }) }));
      if (c.contribution) {
        els.push(h('p', { text: t(c.contribution.per === 'month' ? 'contributionMonth' : 'contributionPeriod', { amount: euro(c.contribution.cents, lang) }) }));
      }
    }
    if (explanation && ind.explanation.length) {
      const list = h('ul', {}, ind.explanation.map((s) => h('li', { text: s })));
      if (collapse) els.push(h('details', { class: 'details' }, h('summary', { text: t('explanation') }), list));
      else els.push(h('h4', { class: 'sub-title', text: t('explanation') }), list);
    }
    if (ind.warnings.length) {
      els.push(
        h(
          'div',
          { class: 'alert alert-warning' },
          h('p', { class: 'status', text: t('warnings') }),
          h('ul', {}, ind.warnings.map((w) => h('li', { text: items && w.items.length ? `${w.message} (${w.items.join(', ')})` : w.message }))),
        ),
      );
    }
    return els;
  }

  /** The trace with its citations (consultant mode). */
  #traceBlock(ind) {
    const t = this.#t;
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
            h('p', { class: 'kv' }, h('strong', { text: s.label }), s.rule ? h('span', { class: 'rule-id', text: ` [${s.area ? `${areaTitle.get(s.area) ?? s.area} · ` : ''}${s.rule}]` }) : null),
            s.condition ? h('p', { class: 'kv' }, `${t('traceCondition')}: `, h('code', { text: s.condition })) : null,
            answers.length ? h('p', { class: 'kv' }, `${t('traceAnswers')}: `, answers.map(([k, v], i) => [i ? ', ' : '', h('code', { text: `${k} = ${JSON.stringify(v)}` })])) : null,
            s.count !== null ? h('p', { class: 'kv', text: t('traceCount', { count: s.count, amount: s.unit_amount }) }) : null,
            s.kind !== 'transition' ? h('p', { class: 'kv', text: t('traceChange', { change: signed(s.change), total: s.total }) }) : null,
            s.sources.length
              ? h(
                  'ul',
                  { class: 'sources', attrs: { 'aria-label': t('traceSources') } },
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

  // ---------------------------------------------------------------- citizen / consultant

  #renderForm() {
    const t = this.#t;
    const consultant = this.#mode === 'consultant';
    const { questions, topics } = this.#questions();
    this.#form = new QuestionForm({
      questions,
      topics,
      prefix: `${this.#uid}-f`,
      t,
      lang: this.#lang,
      level: 3,
      onInput: () => this.#update(),
    });
    const pending = this.#pending;
    this.#pending = {};
    if (pending.record) pending.answers = pending.record.finalAnswers ?? pending.record.initialAnswers;
    if (pending.answers) this.#form.setAnswers(pending.answers);
    const live = h('p', { class: 'sr-only', attrs: { role: 'status', 'aria-live': 'polite' } });
    const results = h('div', { class: 'results' });
    this.#els = { live, results };
    replace(
      this.#root,
      h('div', { class: 'screen-only' }, this.#header(consultant ? 'titleConsultant' : 'titleCitizen')),
      this.#municipalityPicker(),
      consultant && this.#compare ? h('p', { class: 'alert', text: t('compareIntro') }) : null,
      h('form', { class: 'form', attrs: { novalidate: true, 'aria-label': t(consultant ? 'titleConsultant' : 'titleCitizen') }, on: { submit: (e) => e.preventDefault() } }, this.#form.element),
      h('section', { class: 'step', attrs: { 'aria-labelledby': `${this.#uid}-result` } }, h('h3', { class: 'section-title', attrs: { id: `${this.#uid}-result` }, text: t('result') }), live, results),
    );
  }

  #updateForm() {
    const t = this.#t;
    const date = this.#date();
    const answers = this.#form.getAnswers();
    const a = this.#evaluate(this.#main, answers, date);
    const b = this.#compare ? this.#evaluate(this.#compare, answers, date) : null;
    this.#form.setAsked(new Set([...a.asked, ...(b?.asked ?? [])]));
    const errors = new Map([...(b?.fieldErrors ?? []), ...a.fieldErrors]);
    this.#form.setErrors(errors);
    const missing = new Set([...a.missing, ...(b?.missing ?? [])]);
    const { live, results } = this.#els;
    const blocks = [];
    let liveText;
    if (missing.size) {
      liveText = this.#missingText(missing.size);
      blocks.push(h('p', { class: 'status', attrs: { 'data-missing': missing.size }, text: liveText }));
    } else if (a.error || b?.error) {
      liveText = t('errorPrefix', { message: a.error ?? b.error });
      blocks.push(h('p', { class: 'alert alert-error', text: liveText }));
    } else if (a.indication && (!b || b.indication)) {
      liveText = t('approxPerWeek', { duration: duration(a.indication.total.minutes_per_week, this.#lang) });
    } else {
      liveText = t('fixErrors');
      blocks.push(h('p', { class: 'status', text: liveText }));
    }
    this.#els.comparison = null;
    if (a.indication && (!b || b.indication)) {
      if (this.#mode === 'citizen') {
        blocks.push(h('div', { class: 'result' }, this.#resultBlock(a.indication, { items: false })));
        const m = this.#main.package.municipalities.find((x) => x.id === this.#municipality());
        if (m?.how_to_apply) blocks.push(h('p', { class: 'alert', text: m.how_to_apply }));
      } else if (!b) {
        blocks.push(h('div', { class: 'result' }, this.#resultBlock(a.indication, { detailed: true }), this.#traceBlock(a.indication)));
      } else {
        blocks.push(...this.#comparisonBlock(a.indication, b.indication));
      }
    }
    this.#announce(live, liveText);
    replace(results, blocks);
    this.#setIndication(a.indication ? a.text : null);
  }

  #comparisonBlock(x, y) {
    const t = this.#t;
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
    this.#els.comparison = { a: x, b: y, areas, total };
    const na = x.package.title;
    const nb = y.package.title;
    const cell = (v) => h('td', { class: 'num', text: v === null ? t('notInNorm') : v });
    const diffTable = h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { attrs: { 'data-table': 'difference' } },
        h('caption', { text: t('diffTitle') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' }, text: t('colArea') }),
            h('th', { class: 'num', attrs: { scope: 'col' }, text: na }),
            h('th', { class: 'num', attrs: { scope: 'col' }, text: nb }),
            h('th', { class: 'num', attrs: { scope: 'col' }, text: t('colDiffWeek') }),
            h('th', { class: 'num', attrs: { scope: 'col' }, text: t('colDiffYear') }),
          ),
        ),
        h(
          'tbody',
          {},
          areas.map((r) =>
            h('tr', { attrs: { 'data-area': r.id } }, h('th', { attrs: { scope: 'row' }, text: r.title }), cell(r.a), cell(r.b), h('td', { class: 'num', text: signed(r.diff_per_week) }), h('td', { class: 'num', text: signed(r.diff_per_year) })),
          ),
          h('tr', { class: 'total', attrs: { 'data-area': 'total' } }, h('th', { attrs: { scope: 'row' }, text: t('total') }), cell(total.a), cell(total.b), h('td', { class: 'num', text: signed(total.diff_per_week) }), h('td', { class: 'num', text: signed(total.diff_per_year) })),
        ),
      ),
    );
    const column = (ind) =>
      h(
        'div',
        { class: 'column result' },
        h('h4', { class: 'sub-title', text: `${ind.package.title} (${ind.package.id} ${ind.package.version})` }),
        this.#resultBlock(ind, { detailed: true, explanation: false }),
        this.#traceBlock(ind),
      );
    return [
      h('h4', { class: 'sub-title', text: t('compare') }),
      diffTable,
      h('p', { class: 'meta', text: t('diffNote', { a: na, b: nb }) }),
      h('div', { class: 'columns' }, column(x), column(y)),
    ];
  }

  // ---------------------------------------------------------------- provider

  #dateField(key, labelKey, onInput) {
    const id = `${this.#uid}-${key}`;
    const error = h('p', { class: 'field-error', attrs: { id: `${id}-error` }, props: { hidden: true } });
    const input = h('input', { class: 'input input-date', attrs: { id, name: key, type: 'date', autocomplete: 'off' }, on: { input: onInput, change: onInput } });
    const field = h('div', { class: 'question' }, h('label', { class: 'label', attrs: { for: id }, text: this.#t(labelKey) }), error, input);
    return { field, input, error };
  }

  #setDateError(f, message) {
    f.error.hidden = !message;
    f.error.textContent = message ?? '';
    if (message) {
      f.input.setAttribute('aria-invalid', 'true');
      f.input.setAttribute('aria-describedby', f.error.id);
    } else {
      f.input.removeAttribute('aria-invalid');
      f.input.removeAttribute('aria-describedby');
    }
  }

  #renderProvider() {
    const t = this.#t;
    const uid = this.#uid;
    const { questions, topics } = this.#questions();
    const p = { evalTouched: false, importNote: null };
    const update = () => this.#update();
    p.initialForm = new QuestionForm({ questions, topics, prefix: `${uid}-i`, t, lang: this.#lang, level: 4, onInput: update });
    p.evalForm = new QuestionForm({
      questions,
      topics,
      prefix: `${uid}-e`,
      t,
      lang: this.#lang,
      level: 4,
      reasons: true,
      onInput: () => {
        p.evalTouched = true;
        update();
      },
    });
    const intake = this.#dateField('intake', 'intakeDate', update);
    const start = this.#dateField('start', 'startDate', update);
    const evaluation = this.#dateField('evaluation', 'evaluationDate', update);
    p.dateFields = { intake, start, evaluation };
    p.dateInputs = { intake: intake.input, start: start.input, evaluation: evaluation.input };
    intake.input.value = this.#date();

    const section = (n, ...children) =>
      h('section', { class: ['step', n < 5 ? null : 'screen-only'], attrs: { 'aria-labelledby': `${uid}-step${n}`, 'data-step': n } }, h('h3', { class: 'section-title', attrs: { id: `${uid}-step${n}` }, text: t(`step${n}`) }), children);
    p.initialResult = h('div', { class: 'result', attrs: { 'data-result': 'initial' } });
    p.initialLive = h('p', { class: 'status', attrs: { role: 'status' } });
    p.planBox = h('div', { attrs: { role: 'status', 'data-plan': '' } });
    p.windowBox = h('div', { attrs: { 'data-window': '' } });
    p.evalWarning = h('div', { attrs: { role: 'status', 'data-evaluation-warning': '' } });
    p.changesBox = h('div', { attrs: { 'data-changes': '' } });
    p.finalLive = h('p', { class: 'status', attrs: { role: 'status' } });
    p.finalResult = h('div', { class: 'result', attrs: { 'data-result': 'final' } });
    p.statusBox = h('p', { class: 'alert', attrs: { role: 'status', 'data-status': '' } });
    p.importBox = h('div', { attrs: { role: 'status', 'data-import': '' } });
    p.summary = h('div', { class: 'print-summary' });
    p.fileInput = h('input', {
      class: 'file-input',
      attrs: { type: 'file', accept: 'application/json,.json', tabindex: '-1', 'aria-hidden': 'true' },
      on: { change: () => this.#importFile() },
    });
    const button = (key, on, secondary) => h('button', { class: ['button', secondary && 'button-secondary'], attrs: { type: 'button', 'data-action': key }, text: t(key), on: { click: on } });

    const form = (label, ...children) => h('form', { attrs: { novalidate: true, 'aria-label': label }, on: { submit: (e) => e.preventDefault() } }, children);
    replace(
      this.#root,
      h('div', { class: 'screen-only' }, this.#header('titleProvider'), h('p', { text: t('providerIntro') }), this.#municipalityPicker()),
      h(
        'div',
        { class: 'screen-only' },
        section(1, h('p', { text: t('step1Intro') }), form(t('step1'), intake.field, p.initialForm.element), h('h4', { class: 'sub-title', text: t('initialResult') }), p.initialLive, p.initialResult),
        section(2, h('p', { text: t('step2Intro') }), form(t('step2'), start.field), p.planBox, p.windowBox),
        section(3, h('p', { text: t('step3Intro') }), form(t('step3'), evaluation.field, p.evalWarning, p.evalForm.element)),
        section(4, p.finalLive, p.finalResult, p.changesBox),
        section(
          5,
          h('p', { text: t('step5Intro') }),
          p.statusBox,
          h('div', { class: 'buttons' }, button('save', () => this.#download()), button('open', () => p.fileInput.click(), true), button('print', () => this.#print(), true), button('downloadSummary', () => this.#downloadSummary(), true)),
          p.fileInput,
          p.importBox,
        ),
      ),
      p.summary,
    );
    this.#p = p;

    const pending = this.#pending;
    this.#pending = {};
    if (pending.record) {
      this.#restore(pending.record, { noUpdate: true });
    } else {
      if (pending.answers) p.initialForm.setAnswers(pending.answers);
      if (pending.evalAnswers) {
        p.evalForm.setAnswers(pending.evalAnswers);
        p.evalTouched = true;
      }
      if (pending.reasons) p.evalForm.setReasons(pending.reasons);
      for (const k of ['intake', 'start', 'evaluation']) if (pending.dates && k in pending.dates) p.dateInputs[k].value = pending.dates[k] ?? '';
    }
  }

  #updateProvider() {
    const t = this.#t;
    const lang = this.#lang;
    const p = this.#p;
    const intake = p.dateInputs.intake.value;
    const start = p.dateInputs.start.value;
    const evaluation = p.dateInputs.evaluation.value;
    this.#setDateError(p.dateFields.intake, intake && !isIsoDate(intake) ? t('invalidDate') : null);
    this.#setDateError(p.dateFields.start, null);
    this.#setDateError(p.dateFields.evaluation, null);

    // Step 1: intake answers and the first estimate (norm on the intake date).
    const initialAnswers = p.initialForm.getAnswers();
    const i = isIsoDate(intake) ? this.#evaluate(this.#main, initialAnswers, intake) : null;
    p.initialForm.setAsked(new Set(i ? i.asked : this.#main.asked(initialAnswers, { date: this.#date(), municipality: this.#municipalityFor(this.#main) })));
    p.initialForm.setErrors(i ? i.fieldErrors : new Map());
    let initialLive = '';
    if (!i) initialLive = t('intakeDate');
    else if (i.missing.length) initialLive = this.#missingText(i.missing.length);
    else if (i.error) initialLive = t('errorPrefix', { message: i.error });
    else if (i.indication) initialLive = t('approxPerWeek', { duration: duration(i.indication.total.minutes_per_week, lang) });
    else initialLive = t('fixErrors');
    this.#announce(p.initialLive, initialLive);
    // With a result on screen the status line only speaks (the result shows the same).
    p.initialLive.className = i?.indication ? 'sr-only' : 'status';
    replace(p.initialResult, i?.indication ? [this.#resultBlock(i.indication, { detailed: true, collapse: true }), h('p', { class: 'meta', text: t('initialResultNote') })] : []);
    p.initialResult.hidden = !i?.indication;

    // Step 2: the plan (rules core: working days, holidays, evaluation window).
    let plan = null;
    let planError = null;
    if (isIsoDate(intake) && isIsoDate(start)) {
      try {
        plan = planDates(intake, start, isIsoDate(evaluation) ? evaluation : undefined);
      } catch (e) {
        planError = e;
        if (e.code === 'start_before_intake') this.#setDateError(p.dateFields.start, t('startBeforeIntake'));
        else if (e.code === 'evaluation_before_start') {
          this.#setDateError(p.dateFields.evaluation, t('evaluationBeforeStart'));
          // The plan without the evaluation still holds.
          try {
            plan = planDates(intake, start);
          } catch {
            plan = null;
          }
        } else this.#setDateError(p.dateFields.start, e.message);
      }
    }
    const d = (iso) => longDate(iso, lang);
    const planEls = [];
    if (plan) {
      if (plan.start_late) {
        planEls.push(h('p', { class: 'alert alert-warning', attrs: { 'data-warning': 'start_late' }, text: t('startLateWarning', { n: plan.start_working_days, deadline: d(plan.start_deadline) }) }));
      } else {
        const key = plan.start_working_days === 0 ? 'startSameDay' : plan.start_working_days === 1 ? 'startOnTimeOne' : 'startOnTime';
        planEls.push(h('p', { class: 'alert alert-ok', text: t(key, { n: plan.start_working_days, deadline: d(plan.start_deadline) }) }));
      }
    }
    replace(p.planBox, planEls);
    replace(p.windowBox, plan ? h('p', { class: 'alert', attrs: { 'data-window-from': plan.evaluation_from, 'data-window-until': plan.evaluation_until }, text: t('window', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) }) }) : []);

    // Step 3: evaluation date and adjusted answers (with reasons).
    if (!p.evalTouched) p.evalForm.setAnswers(initialAnswers);
    const evalAnswers = p.evalForm.getAnswers();
    const warn = [];
    if (!plan && !isIsoDate(start)) warn.push(h('p', { class: 'alert', text: t('needStart') }));
    if (plan && plan.evaluation_in_window === false) {
      warn.push(h('p', { class: 'alert alert-warning', attrs: { 'data-warning': 'outside_window' }, text: t('outsideWindow', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) }) }));
    }
    replace(p.evalWarning, warn);
    const evalDate = isIsoDate(evaluation) && !(planError && planError.code === 'evaluation_before_start') ? evaluation : null;
    const f = this.#evaluate(this.#main, evalAnswers, evalDate ?? (isIsoDate(intake) ? intake : this.#date()));
    p.evalForm.setAsked(new Set(f.asked));
    p.evalForm.element.hidden = !evalDate;
    p.evalForm.setErrors(f.fieldErrors);
    const initialGiven = i?.given ?? pick(initialAnswers, i?.asked ?? []);
    const finalGiven = f.given ?? {};
    const changes = p.evalTouched ? diffAnswers(initialGiven, finalGiven, this.#questions().questions.map((q) => q.id)) : [];
    const reasons = p.evalForm.getReasons();
    for (const c of changes) c.reason = reasons[c.question] ?? '';
    const reasonsMissing = changes.some((c) => !c.reason);
    p.evalForm.setChanges(new Map(changes.map((c) => [c.question, c])), Boolean(evalDate));

    // Step 4: the final indication (norm on the evaluation date).
    const final = evalDate && f.indication ? f : null;
    let finalLive;
    if (!plan) finalLive = t('needStart');
    else if (!evalDate) finalLive = t('needEvaluation');
    else if (f.missing.length) finalLive = this.#missingText(f.missing.length);
    else if (f.error) finalLive = t('errorPrefix', { message: f.error });
    else if (!f.indication) finalLive = t('fixErrors');
    else if (reasonsMissing) finalLive = t('needReasons');
    else finalLive = t('finalReady', { duration: duration(f.indication.total.minutes_per_week, lang) });
    const finalReady = Boolean(plan && evalDate && f.indication && !reasonsMissing);
    this.#announce(p.finalLive, finalLive);
    p.finalLive.className = finalReady ? 'sr-only' : 'status';
    const finalEls = [];
    if (final && plan) {
      finalEls.push(this.#resultBlock(final.indication, { detailed: true, collapse: true }), h('p', { class: 'meta', text: t('finalNote', { date: d(evalDate) }) }));
      if (i?.indication) finalEls.push(h('p', { text: t('difference', { diff: signed(final.indication.total.minutes_per_week - i.indication.total.minutes_per_week) }) }));
    }
    replace(p.finalResult, finalEls);
    p.finalResult.hidden = !finalEls.length;
    replace(p.changesBox, p.evalTouched || evalDate ? this.#changesTable(changes) : []);

    const complete = Boolean(i?.indication && plan && !planError && final && !reasonsMissing);
    p.state = {
      intake,
      start,
      evaluation,
      plan,
      initial: isIsoDate(intake) ? { date: intake, answers: initialGiven, indication: i?.indication ?? null } : null,
      changes: changes.map((c) => ({ question: c.question, label: this.#questionLabel(c.question), before: c.before, after: c.after, reason: c.reason })),
      final: p.evalTouched || evalDate ? { date: evalDate, answers: finalGiven, indication: final && plan ? final.indication : null } : null,
      complete,
      initialText: i?.indication ? i.text : null,
      finalText: final && plan ? final.text : null,
    };
    p.statusBox.className = complete ? 'alert alert-ok' : 'alert';
    this.#announce(p.statusBox, complete ? t('statusComplete') : t('statusIncomplete'));
    replace(p.summary, this.#summary(p.state));
    this.#setIndication(p.state.finalText ?? p.state.initialText);
  }

  /** The plan's warnings in the widget's language, with readable dates. */
  #planWarnings(plan) {
    const t = this.#t;
    const d = (iso) => longDate(iso, this.#lang);
    const out = [];
    if (plan.start_late) out.push(t('startLateWarning', { n: plan.start_working_days, deadline: d(plan.start_deadline) }));
    if (plan.evaluation_in_window === false) out.push(t('outsideWindow', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) }));
    return out;
  }

  #questionLabel(id) {
    return this.#p.evalForm.question(id)?.label ?? id;
  }

  #changesTable(changes) {
    const t = this.#t;
    if (!changes.length) return h('p', { text: t('noChanges') });
    const q = (id) => this.#p.evalForm.question(id);
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        {},
        h('caption', { text: t('changes') }),
        h('thead', {}, h('tr', {}, [t('colQuestion'), t('colBefore'), t('colAfter'), t('colReason')].map((x) => h('th', { attrs: { scope: 'col' }, text: x })))),
        h(
          'tbody',
          {},
          changes.map((c) =>
            h(
              'tr',
              { attrs: { 'data-question': c.question } },
              h('th', { attrs: { scope: 'row' }, text: q(c.question)?.label ?? c.question }),
              h('td', { text: c.before === null ? t('notAsked') : answerText(q(c.question), c.before, t, this.#lang) }),
              h('td', { text: c.after === null ? t('notAsked') : answerText(q(c.question), c.after, t, this.#lang) }),
              h('td', { class: c.reason ? null : 'field-error', text: c.reason || t('reasonMissing') }),
            ),
          ),
        ),
      ),
    );
  }

  /** The printable summary (also the body of the downloadable HTML). */
  #summary(s) {
    const t = this.#t;
    const lang = this.#lang;
    const info = this.#main.package;
    const d = (iso) => (iso ? longDate(iso, lang) : t('summaryNotYet'));
    const muni = info.municipalities.find((m) => m.id === this.#municipality());
    const figures = (ind) =>
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, [t('colArea'), t('colWeek'), t('colPeriod'), t('colYear')].map((x, k) => h('th', { class: k ? 'num' : null, attrs: { scope: 'col' }, text: x })))),
        h(
          'tbody',
          {},
          [...ind.areas.map((a) => [a.title, a]), [t('total'), ind.total]].map(([label, f]) =>
            h('tr', {}, h('th', { attrs: { scope: 'row' }, text: label }), h('td', { class: 'num', text: f.minutes_per_week }), h('td', { class: 'num', text: f.minutes_per_period }), h('td', { class: 'num', text: f.minutes_per_year })),
          ),
        ),
      );
    const dl = (pairs) => h('dl', {}, pairs.filter(Boolean).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]));
    const ind = s.final?.indication ?? s.initial?.indication;
    const plan = s.plan;
    return h(
      'article',
      { class: 'summary', attrs: { lang } },
      h('h1', { text: t('summaryTitle') }),
      dl([
        [t('summaryPackage'), `${info.title} (${info.id})`],
        ind ? [t('summaryVersion'), ind.package.version] : null,
        [t('summaryFingerprint'), ind?.package.fingerprint ?? info.fingerprint],
        muni ? [t('municipality'), muni.name] : null,
      ]),
      h('h2', { text: t('summaryDates') }),
      dl([
        [t('intakeDate'), d(s.intake)],
        [t('startDate'), s.start ? `${d(s.start)}${plan ? ` (${t('workingDaysAfter', { n: plan.start_working_days })})` : ''}` : d(null)],
        plan ? [t('summaryWindow'), t('windowRange', { from: d(plan.evaluation_from), until: d(plan.evaluation_until) })] : null,
        [t('evaluationDate'), d(s.evaluation)],
      ]),
      plan && plan.warnings.length ? h('ul', {}, this.#planWarnings(plan).map((w) => h('li', { class: 'warning', text: w }))) : null,
      h('h2', { text: t('summaryInitial') }),
      s.initial?.indication ? figures(s.initial.indication) : h('p', { text: t('summaryNotYet') }),
      h('h2', { text: t('changes') }),
      s.changes.length
        ? h(
            'table',
            {},
            h('thead', {}, h('tr', {}, [t('colQuestion'), t('colBefore'), t('colAfter'), t('colReason')].map((x) => h('th', { attrs: { scope: 'col' }, text: x })))),
            h(
              'tbody',
              {},
              s.changes.map((c) => {
                const q = this.#p.evalForm.question(c.question);
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
      s.final?.indication ? [figures(s.final.indication), h('p', { text: t('finalNote', { date: d(s.evaluation) }) }), h('ul', {}, s.final.indication.explanation.map((x) => h('li', { text: x })))] : h('p', { text: t('summaryNotYet') }),
      h('p', { class: s.complete ? null : 'warning', text: s.complete ? t('statusComplete') : t('statusIncomplete') }),
      h('p', { class: 'sign', text: t('summarySign') }),
      h('p', { text: t('summaryMade', { version: VERSION, engine: ind?.engine.name ?? 'urenwijzer', engineVersion: ind?.engine.version ?? '' }) }),
    );
  }

  #record() {
    const s = this.#p.state;
    const info = this.#main.package;
    return buildRecord({
      widgetVersion: VERSION,
      savedAt: new Date().toISOString(),
      package: { id: info.id, title: info.title, fingerprint: this.#main.fingerprint, url: this.#mainUrl },
      municipality: this.#municipality(),
      intake: s.intake,
      start: s.start,
      evaluation: s.evaluation,
      plan: s.plan,
      initial: s.initial,
      changes: s.changes,
      final: s.final,
      complete: s.complete,
    });
  }

  #restore(parsed, { noUpdate = false } = {}) {
    const t = this.#t;
    const p = this.#p;
    const info = this.#main.package;
    if (parsed.packageId !== info.id) throw new Error(t('importOtherPackage', { record: parsed.packageId, loaded: info.id }));
    if (parsed.municipality && !this.getAttribute('municipality') && info.municipalities.some((m) => m.id === parsed.municipality)) {
      this.#municipalityChoice = parsed.municipality;
    }
    p.dateInputs.intake.value = parsed.intake ?? '';
    p.dateInputs.start.value = parsed.start ?? '';
    p.dateInputs.evaluation.value = parsed.evaluation ?? '';
    p.initialForm.setAnswers(parsed.initialAnswers);
    if (parsed.finalAnswers) {
      p.evalForm.setAnswers(parsed.finalAnswers);
      p.evalTouched = true;
    } else {
      p.evalForm.setAnswers(parsed.initialAnswers);
      p.evalTouched = false;
    }
    p.evalForm.setReasons(parsed.reasons);
    if (noUpdate) {
      p.importNote = parsed;
      return;
    }
    this.#update();
    this.#importReport(parsed);
  }

  #importReport(parsed) {
    const t = this.#t;
    const p = this.#p;
    const notes = [h('p', { class: 'alert alert-ok', text: t('imported') })];
    if (parsed.fingerprint && parsed.fingerprint !== this.#main.fingerprint) notes.push(h('p', { class: 'alert alert-warning', text: t('importFingerprint') }));
    const sameAs = (stored, text) => stored === null || stored === undefined || (text !== null && JSON.stringify(stored) === text);
    if (!sameAs(parsed.initialIndication, p.state.initialText) || !sameAs(parsed.finalIndication, p.state.finalText)) {
      notes.push(h('p', { class: 'alert alert-warning', attrs: { 'data-warning': 'import_differs' }, text: t('importDiffers') }));
    }
    replace(p.importBox, notes);
  }

  async #importFile() {
    const p = this.#p;
    const file = p.fileInput.files?.[0];
    p.fileInput.value = '';
    if (!file) return;
    try {
      this.importRecord(await file.text());
    } catch (e) {
      replace(p.importBox, h('p', { class: 'alert alert-error', text: this.#t('importError', { detail: e.message }) }));
    }
  }

  #download() {
    const record = this.#record();
    const name = `omgekeerd-toewijzen-${record.package.id}-${record.intake ?? 'concept'}.json`;
    save(this.#root, name, 'application/json', `${JSON.stringify(record, null, 2)}\n`);
  }

  /** The summary as a standalone HTML document (attach it to the proposal). */
  summaryHtml() {
    if (!this.#p) return null;
    const body = this.#summary(this.#p.state).outerHTML;
    return `<!doctype html>\n<html lang="${this.#lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(this.#t('summaryTitle'))}</title>\n<style>\nbody{font-family:system-ui,Arial,sans-serif;margin:2em;max-width:48em}\n${summaryCss}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  }

  #downloadSummary() {
    const s = this.#p.state;
    save(this.#root, `samenvatting-${this.#main.package.id}-${s.intake || 'concept'}.html`, 'text/html', this.summaryHtml());
  }

  #print() {
    window.print();
  }

  // ---------------------------------------------------------------- update

  #update() {
    if (!this.#main) return;
    if (this.#mode === 'provider') {
      if (!this.#p) return;
      this.#updateProvider();
      if (this.#p.importNote) {
        const parsed = this.#p.importNote;
        this.#p.importNote = null;
        this.#importReport(parsed);
      }
    } else if (this.#form) {
      this.#updateForm();
    }
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function save(container, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  container.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

if (!customElements.get(TAG)) customElements.define(TAG, HbhIndicatie);
