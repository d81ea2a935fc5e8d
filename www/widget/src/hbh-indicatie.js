// <hbh-indicatie>: the Urenwijzer indication as an embeddable web component.
//
//   <script type="module" src="/widget/0.2.0/hbh-indicatie.js"></script>
//   <hbh-indicatie package="/packages/h4.uwb" municipality="delft" mode="provider"></hbh-indicatie>
//
// Modes: citizen (self-check), provider (omgekeerd toewijzen, the council
// motion's five steps: decision, conversation, start, evaluation, final
// indication; record export/import in format 2, printable summary),
// consultant (full trace with citations; `compare` shows a second package
// side by side). Everything renders into an open shadow root styled by one
// constructable stylesheet: no inline scripts or styles, nothing leaks.
// The numbers come from the Urenwijzer rules core (wasm), the same code as
// the `urenwijzer` CLI; the date rules of omgekeerd toewijzen too.
//
// This file is the element and its public API, and loading. The parts:
// context.js (shared state, evaluation), form-view.js (citizen and
// consultant), comparison.js, provider.js, summary.js and record-files.js,
// results.js (result views), form.js (questions), i18n.js (texts).
// Documentation: docs/widget.md.

import { h, replace } from '../../shared/dom.js';
import { pageMessage } from '../../shared/messages.js';
import { WidgetContext } from './context.js';
import { loadPackage, moduleFor } from './engine.js';
import { renderForm, updateForm } from './form-view.js';
import { languageOf, translator } from './i18n.js';
import { renderProvider, updateProvider } from './provider.js';
import { importErrorText, importReport, readRecordInput, record, restore } from './record-files.js';
import { PLAN_FIELDS } from './steps.js';
import css from './styles.css';
import summaryCss from './summary.css';
import { summaryHtml } from './summary.js';
import { VERSION } from './version.js';

export { VERSION };
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

const copy = (v) => (v === null || v === undefined ? null : JSON.parse(JSON.stringify(v)));

export class HbhIndicatie extends HTMLElement {
  static get observedAttributes() {
    return ['package', 'compare', 'municipality', 'mode', 'lang', 'date', 'integrity', 'compare-integrity', 'provider-name', 'provider-agb'];
  }

  #shadow = null;
  /** @type {WidgetContext} */
  #ctx = null;
  #loadToken = 0;
  #scheduled = false;
  #ready = Promise.resolve();
  #error = null;

  connectedCallback() {
    if (!this.#shadow) {
      this.#shadow = this.attachShadow({ mode: 'open' });
      this.#shadow.adoptedStyleSheets = [styleSheet()];
      const root = h('div', { class: 'root', part: 'root' });
      this.#shadow.append(root);
      this.#ctx = new WidgetContext(this, root);
      this.#ctx.update = () => this.#update();
    }
    if (!this.#ctx.main) this.#schedule();
  }

  attributeChangedCallback(_name, before, after) {
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

  /**
   * The rules core's form state of the main package for the answers on screen
   * (`engine.state`: asked questions, kept answers, missing, problems,
   * indication), or null before the form is shown.
   */
  get formState() {
    return this.#ctx?.lastState ?? null;
  }

  /** The current indication (canonical JSON of the rules core, as an object), or null. */
  get indication() {
    return this.getIndication();
  }

  getIndication() {
    const text = this.#ctx?.indicationText ?? null;
    return text === null ? null : JSON.parse(text);
  }

  /** Consultant mode with `compare`: both indications and the difference per area. */
  getComparison() {
    return this.#ctx?.els.comparison ? copy(this.#ctx.els.comparison) : null;
  }

  /**
   * Prefills answers (object keyed by question id). In provider mode these
   * are the conversation's answers; pass {phase: 'evaluation'} for the evaluation.
   */
  setAnswers(answers, options = {}) {
    const ctx = this.#ctx;
    const a = copy(answers ?? {});
    const evaluation = options.phase === 'evaluation';
    if (!ctx?.p && !ctx?.form) {
      this.#pending()[evaluation ? 'evalAnswers' : 'answers'] = a;
      return;
    }
    if (ctx.p) {
      if (evaluation) {
        ctx.p.evalForm.setAnswers(a);
        ctx.p.evalTouched = true;
      } else {
        ctx.p.initialForm.setAnswers(a);
      }
    } else {
      ctx.form.setAnswers(a);
    }
    this.#update();
  }

  /** The answers currently in the form (provider: {conversation, evaluation}). */
  getAnswers() {
    const ctx = this.#ctx;
    if (ctx?.p) return { conversation: ctx.p.initialForm.getAnswers(), evaluation: ctx.p.evalForm.getAnswers() };
    return ctx?.form ? ctx.form.getAnswers() : (copy(this.#pending().answers) ?? {});
  }

  /**
   * Provider mode: sets the dates of the steps, {decision, conversation,
   * start, evaluation} (YYYY-MM-DD; null clears).
   */
  setDates(dates = {}) {
    const ctx = this.#ctx;
    const given = Object.fromEntries(PLAN_FIELDS.filter((k) => k in dates).map((k) => [k, dates[k]]));
    if (!ctx?.p) {
      const pending = this.#pending();
      pending.dates = { ...(pending.dates ?? {}), ...given };
      return;
    }
    for (const [k, v] of Object.entries(given)) ctx.p.dateInputs[k].value = v ?? '';
    this.#update();
  }

  /** Provider mode: the whole record as a JSON-ready object. */
  exportRecord() {
    if (!this.#ctx?.p) return null;
    return record(this.#ctx);
  }

  /**
   * Provider mode: restores a saved record (object or JSON text), read by the
   * rules core (a format-1 record is migrated, and the widget says so).
   * Throws UrenwijzerError on an invalid record (`invalid_record`,
   * `bsn_in_reference`); before the widget is ready the record is read once
   * it is, and a refusal is shown in the widget.
   */
  importRecord(input) {
    if (!this.#ctx?.p) {
      if (this.#ctx) this.#ctx.pending = { recordInput: input };
      else this.#early = { recordInput: input };
      return;
    }
    restore(this.#ctx, readRecordInput(input));
  }

  /** The summary as a standalone HTML document (attach it to the proposal); provider mode only. */
  summaryHtml() {
    return this.#ctx ? summaryHtml(this.#ctx) : null;
  }

  // ---------------------------------------------------------------- loading

  /** Calls before the element is connected keep their input here until the context exists. */
  #early = {};

  #pending() {
    if (!this.#ctx) return this.#early;
    return this.#ctx.pending;
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    let done;
    this.#ready = new Promise((resolve) => {
      done = resolve;
    });
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#load().then(done, done);
    });
  }

  /** What the user entered so far, kept across a re-render (attribute change). */
  #snapshot() {
    const ctx = this.#ctx;
    if (ctx.p) {
      const d = ctx.p.dateInputs;
      ctx.pending = {
        answers: ctx.p.initialForm.getAnswers(),
        evalAnswers: ctx.p.evalTouched ? ctx.p.evalForm.getAnswers() : undefined,
        reasons: ctx.p.evalForm.getReasons(),
        dates: Object.fromEntries(PLAN_FIELDS.map((k) => [k, d[k].value])),
        fields: ctx.p.recordFields.values(),
      };
    } else if (ctx.form) {
      ctx.pending = { answers: ctx.form.getAnswers() };
    }
  }

  async #load() {
    const ctx = this.#ctx;
    const token = ++this.#loadToken;
    if (Object.keys(this.#early).length) {
      ctx.pending = { ...ctx.pending, ...this.#early };
      this.#early = {};
    }
    this.#snapshot();
    ctx.lang = languageOf(this.getAttribute('lang'));
    ctx.t = translator(ctx.lang);
    const mode = (this.getAttribute('mode') ?? 'citizen').toLowerCase();
    ctx.mode = MODES.includes(mode) ? mode : 'citizen';
    const t = ctx.t;
    ctx.form = null;
    ctx.p = null;
    ctx.els = {};
    ctx.root.setAttribute('lang', ctx.lang);
    ctx.root.setAttribute('data-mode', ctx.mode);
    replace(ctx.root, h('p', { class: 'loading', role: 'status', text: t('loading') }));
    try {
      const url = this.getAttribute('package');
      if (!url) throw new Error(t('noPackage'));
      const compareUrl = ctx.mode === 'consultant' ? this.getAttribute('compare') : null;
      const kind = moduleFor(ctx.mode);
      const [main, compare] = await Promise.all([
        loadPackage(kind, url, document.baseURI, t, this.getAttribute('integrity')),
        compareUrl ? loadPackage(kind, compareUrl, document.baseURI, t, this.getAttribute('compare-integrity')) : null,
      ]);
      if (token !== this.#loadToken) return;
      ctx.main = main;
      ctx.mainUrl = url;
      ctx.compare = compare;
      this.#error = null;
      if (ctx.mode === 'provider') renderProvider(ctx);
      else renderForm(ctx);
      this.#update();
    } catch (e) {
      if (token !== this.#loadToken) return;
      this.#error = e;
      ctx.main = null;
      // An engine error (a package the core refuses) has a code: people read the shared message;
      // the engine's own text stays on `error` for the portal's developers.
      const detail = e?.code ? pageMessage(e, ctx.lang) : (e?.message ?? String(e));
      replace(ctx.root, h('div', { class: 'alert alert-error', role: 'alert' }, h('p', { text: t('loadError') }), h('p', { text: detail })));
    }
  }

  // ---------------------------------------------------------------- update

  #update() {
    const ctx = this.#ctx;
    if (!ctx?.main) return;
    if (ctx.mode === 'provider') {
      if (!ctx.p) return;
      updateProvider(ctx);
      if (ctx.p.importError) {
        replace(
          ctx.p.importBox,
          h('p', { class: 'alert alert-error', role: 'alert', 'data-code': ctx.p.importError.code ?? null, text: importErrorText(ctx, ctx.p.importError) }),
        );
        ctx.p.importError = null;
      }
      if (ctx.p.importNote) {
        const parsed = ctx.p.importNote;
        ctx.p.importNote = null;
        importReport(ctx, parsed);
      }
    } else if (ctx.form) {
      updateForm(ctx);
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, HbhIndicatie);
