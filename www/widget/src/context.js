// What the parts of one <hbh-indicatie> share: its attributes and language,
// the loaded packages, the municipality, one evaluation per package (asked,
// missing, problems per question, indication), and the `indicatie` event.
// The element (hbh-indicatie.js) owns one; the form, comparison, provider,
// summary and result modules take it as `ctx`.

import { h } from '../../shared/dom.js';
import { isIsoDate, today } from '../../shared/format.js';
import { fieldMessage, pageMessage } from '../../shared/messages.js';
import { translator } from './i18n.js';
import { pick } from './record.js';

let instances = 0;

/** Questions by id per engine (asked once per package). */
const questionsOf = new WeakMap();
function questionMap(engine) {
  if (!questionsOf.has(engine)) questionsOf.set(engine, new Map(engine.questions().map((q) => [q.id, q])));
  return questionsOf.get(engine);
}

export class WidgetContext {
  constructor(host, root) {
    this.host = host;
    this.root = root;
    this.uid = `hbh${++instances}`;
    this.t = translator('nl');
    this.lang = 'nl';
    this.mode = 'citizen';
    this.main = null;
    this.compare = null;
    this.mainUrl = null;
    this.municipalityChoice = null;
    this.indicationText = null;
    this.emittedText = undefined;
    // citizen / consultant
    this.form = null;
    this.els = {};
    // provider
    this.p = null;
    /** What to put in the form once it is rendered: {answers, evalAnswers, reasons, dates, record}. */
    this.pending = {};
    /** The core's last form state of the main package (for tests: element.formState). */
    this.lastState = null;
    /** Set by the element: recalculates and redraws. */
    this.update = () => {};
  }

  /** The date the norm is taken from: the `date` attribute, or today. */
  date() {
    const d = this.host.getAttribute('date');
    return isIsoDate(d) ? d : today();
  }

  municipality() {
    const attr = this.host.getAttribute('municipality');
    if (attr) return attr;
    return this.municipalityChoice || null;
  }

  /** The municipality for an engine: only when that package knows it. */
  municipalityFor(engine) {
    const m = this.municipality();
    if (!m) return undefined;
    if (engine === this.main) return m;
    return engine.package.municipalities.some((x) => x.id === m) ? m : undefined;
  }

  header(titleKey) {
    const t = this.t;
    const info = this.main.package;
    const muni = info.municipalities.find((x) => x.id === this.municipality());
    const els = [
      h('h2', { class: 'title', text: t(titleKey) }),
      h('p', { class: 'meta', text: t('norm', { title: info.title }) + (muni ? ` · ${t('municipality')}: ${muni.name}` : '') }),
    ];
    if (this.compare) els.push(h('p', { class: 'meta', text: t('norm', { title: this.compare.package.title }) }));
    return els;
  }

  /** A municipality picker when the host set none and the package has several. */
  municipalityPicker() {
    const info = this.main.package;
    if (this.host.getAttribute('municipality') || info.municipalities.length < 2) return null;
    const id = `${this.uid}-municipality`;
    const select = h(
      'select',
      {
        class: 'input',
        id,
        on: {
          change: () => {
            this.municipalityChoice = select.value || null;
            this.update();
          },
        },
      },
      h('option', { value: '', text: this.t('municipalityNone') }),
      info.municipalities.map((m) => h('option', { value: m.id, props: { selected: m.id === this.municipalityChoice }, text: m.name })),
    );
    return h('div', { class: 'question screen-only' }, h('label', { class: 'label', for: id, text: this.t('municipality') }), select);
  }

  /** Questions of the main package, then those only the compare package asks (each id once). */
  questions() {
    const main = this.main.questions();
    const topics = [...this.main.package.topics];
    if (!this.compare) return { questions: main, topics };
    const other = this.compare.questions();
    const otherIds = new Set(other.map((q) => q.id));
    const mainIds = new Set(main.map((q) => q.id));
    const questions = main.map((q) => (otherIds.has(q.id) ? q : { ...q, onlyIn: this.main.package.title }));
    for (const q of other) if (!mainIds.has(q.id)) questions.push({ ...q, onlyIn: this.compare.package.title });
    for (const tp of this.compare.package.topics) if (!topics.some((x) => x.id === tp.id)) topics.push(tp);
    return { questions, topics };
  }

  /**
   * The core's form state of `answers` for one engine (`engine.state`):
   * which questions it asks, the answers it keeps, what is missing, the
   * problems per question and the indication when complete. The messages
   * are the shared ones per error code (www/shared/messages.js), never the
   * engine's text with question ids. `state` is the core's object itself.
   */
  evaluate(engine, answers, date) {
    const municipality = this.municipalityFor(engine);
    const out = { asked: [], missing: [], fieldErrors: new Map(), error: null, indication: null, text: null, state: null };
    let state;
    try {
      state = engine.state(answers, { date, municipality, trace: true });
    } catch (e) {
      out.error = pageMessage(e, this.lang);
      return out;
    }
    out.state = state;
    if (engine === this.main) this.lastState = state;
    const byId = questionMap(engine);
    out.asked = state.asked.map((q) => q.id);
    // The kept answers in the order they are asked (records and summaries list them so).
    out.given = pick(state.answers, out.asked);
    out.missing = state.missing;
    for (const p of state.problems) {
      if (!p.question) out.error ??= pageMessage(p, this.lang);
      else if (p.code !== 'missing_answer' && !out.fieldErrors.has(p.question))
        out.fieldErrors.set(p.question, fieldMessage(p, byId.get(p.question), this.lang));
    }
    if (state.indication) {
      out.indication = state.indication;
      // The canonical JSON text (JSON.stringify of an indication gives its bytes).
      out.text = JSON.stringify(state.indication);
    }
    return out;
  }

  /** Keeps the indication (canonical JSON text) and fires `indicatie` when it changed. */
  setIndication(text) {
    this.indicationText = text ?? null;
    if (this.indicationText === this.emittedText) return;
    // Do not announce "nothing" before there ever was an indication.
    if (this.emittedText === undefined && this.indicationText === null) return;
    this.emittedText = this.indicationText;
    const detail = this.indicationText === null ? null : JSON.parse(this.indicationText);
    this.host.dispatchEvent(new CustomEvent('indicatie', { detail, bubbles: true, composed: true }));
  }

  announce(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  missingText(n) {
    return n === 1 ? this.t('missingOne') : this.t('missingMany', { n });
  }
}
