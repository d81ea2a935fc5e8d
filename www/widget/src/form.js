// A question form built from a package's questions (describe::questions).
// All questions are rendered once; which ones are asked is toggled with
// `hidden`, so focus and typed text survive every recalculation.

import { h, replace } from '../../shared/dom.js';
import { answerText as formatAnswer, longDate } from '../../shared/format.js';

const INTEGER = /^-?\d+$/;

/** An answer as people read it, in the widget's language (dates with the weekday). */
export function answerText(question, value, t, lang) {
  return formatAnswer(question, value, { lang, empty: t('noAnswer'), date: longDate });
}

export class QuestionForm {
  /**
   * @param {object} o
   * @param {Array} o.questions  questions in order (with optional `onlyIn` note)
   * @param {Array} o.topics     [{id, title}]
   * @param {string} o.prefix    unique id prefix inside the shadow root
   * @param {Function} o.t       translator
   * @param {string} o.lang
   * @param {number} o.level     heading level for topics (3 or 4)
   * @param {boolean} o.reasons  show a reason field for changed answers
   * @param {Function} o.onInput called after every change
   */
  constructor({ questions, topics = [], prefix, t, lang, level = 3, reasons = false, onInput }) {
    this.questions = questions;
    this.t = t;
    this.lang = lang;
    this.prefix = prefix;
    this.onInput = onInput;
    this.items = new Map();
    this.topicSections = [];
    this.element = h('div', { class: 'questions' });

    const byTopic = new Map();
    for (const q of questions) {
      if (!byTopic.has(q.topic)) byTopic.set(q.topic, []);
      byTopic.get(q.topic).push(q);
    }
    for (const [topicId, qs] of byTopic) {
      const title = topics.find((x) => x.id === topicId)?.title ?? topicId;
      const section = h('div', { class: 'topic' }, h(`h${level}`, { class: 'topic-title', text: title }));
      for (const q of qs) section.append(this.#question(q, reasons));
      this.topicSections.push({ section, ids: qs.map((q) => q.id) });
      this.element.append(section);
    }
  }

  #id(...parts) {
    return [this.prefix, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
  }

  #question(q, withReasons) {
    const t = this.t;
    const baseId = this.#id('q', q.id);
    const helpId = `${baseId}-help`;
    const errorId = `${baseId}-error`;
    const help = q.help ? h('p', { class: 'help', id: helpId, text: q.help }) : null;
    const onlyIn = q.onlyIn ? h('p', { class: 'only-in', id: `${baseId}-only`, text: t('onlyIn', { title: q.onlyIn }) }) : null;
    const error = h('p', { class: 'field-error', id: errorId, props: { hidden: true } });
    const describedBy = [help && helpId, onlyIn && `${baseId}-only`].filter(Boolean).join(' ');
    const item = { q, error, describedBy, inputs: [], wrapper: null, change: null, reason: null, reasonError: null };
    const onInput = () => this.onInput?.(q.id);

    let control;
    if (q.type === 'yes_no' || q.type === 'choice') {
      let options =
        q.type === 'yes_no'
          ? [
              { id: 'true', label: t('yes') },
              { id: 'false', label: t('no') },
            ]
          : q.options;
      // An optional question can be left open again: "Weet ik niet" (value '') gives no answer.
      if (q.optional) options = [...options, { id: '', label: t('dontKnow') }];
      const legendId = `${baseId}-legend`;
      const radios = options.map((o, i) => {
        const input = h('input', {
          type: 'radio',
          id: `${baseId}-${i}`,
          name: baseId,
          value: o.id,
          on: { change: onInput },
        });
        item.inputs.push(input);
        return h('div', { class: 'option' }, input, h('label', { for: `${baseId}-${i}`, text: o.label }));
      });
      control = h(
        'fieldset',
        { class: 'field', 'aria-describedby': describedBy || null },
        h('legend', { class: 'label', id: legendId, text: labelOf(q, t) }),
        help,
        onlyIn,
        error,
        h('div', { class: q.type === 'yes_no' ? 'options options-inline' : 'options' }, radios),
      );
      item.group = control;
    } else {
      const input = h('input', {
        class: q.type === 'number' ? 'input input-number' : 'input input-date',
        id: baseId,
        name: baseId,
        type: q.type === 'date' ? 'date' : 'text',
        inputmode: q.type === 'number' ? 'numeric' : null,
        autocomplete: 'off',
        'aria-describedby': describedBy || null,
        on: { input: onInput, change: onInput },
      });
      item.inputs.push(input);
      control = h('div', { class: 'field' }, h('label', { class: 'label', for: baseId, text: labelOf(q, t) }), help, onlyIn, error, input);
    }

    const wrapper = h('div', { class: 'question', 'data-question': q.id }, control);
    if (withReasons) {
      const reasonId = `${baseId}-reason`;
      const reasonErrorId = `${reasonId}-error`;
      item.changeText = h('p', { class: 'change-text' });
      item.reasonError = h('p', { class: 'field-error', id: reasonErrorId, props: { hidden: true }, text: t('reasonMissing') });
      item.reason = h('textarea', {
        class: 'input textarea',
        id: reasonId,
        name: reasonId,
        rows: 2,
        'aria-describedby': `${baseId}-change`,
        on: { input: onInput },
      });
      item.changeText.id = `${baseId}-change`;
      item.change = h(
        'div',
        { class: 'change', props: { hidden: true } },
        item.changeText,
        h('label', { class: 'label', for: reasonId, text: t('reason') }),
        item.reasonError,
        item.reason,
      );
      wrapper.append(item.change);
    }
    item.wrapper = wrapper;
    this.items.set(q.id, item);
    return wrapper;
  }

  /** Every answer in the controls (also of questions not asked now). */
  getAnswers() {
    const out = {};
    for (const [id, item] of this.items) {
      const v = this.#value(item);
      if (v !== undefined) out[id] = v;
    }
    return out;
  }

  #value(item) {
    const { q, inputs } = item;
    if (q.type === 'yes_no') {
      const c = inputs.find((i) => i.checked);
      return c && c.value !== '' ? c.value === 'true' : undefined;
    }
    if (q.type === 'choice') return inputs.find((i) => i.checked)?.value || undefined;
    const raw = inputs[0].value.trim();
    if (raw === '') return undefined;
    if (q.type === 'number') {
      // Not a whole number: pass the text, so the core says what is wrong.
      if (INTEGER.test(raw) && Number.isSafeInteger(Number(raw))) return Number(raw);
      return raw;
    }
    return raw;
  }

  /** Sets the controls to these answers; questions not in `answers` are cleared. */
  setAnswers(answers = {}) {
    for (const [id, item] of this.items) {
      const v = answers[id];
      const { q, inputs } = item;
      if (q.type === 'yes_no' || q.type === 'choice') {
        const want = v === undefined || v === null ? null : String(v);
        for (const i of inputs) i.checked = i.value === want;
      } else {
        inputs[0].value = v === undefined || v === null ? '' : String(v);
      }
    }
  }

  /** Shows exactly the questions in `ids` (a Set); topics without any are hidden. */
  setAsked(ids) {
    for (const [id, item] of this.items) item.wrapper.hidden = !ids.has(id);
    for (const { section, ids: topicIds } of this.topicSections) section.hidden = !topicIds.some((id) => ids.has(id));
  }

  /** Per-question messages (a Map id → text); others are cleared. */
  setErrors(errors) {
    for (const [id, item] of this.items) {
      const msg = errors.get(id);
      item.error.hidden = !msg;
      item.error.textContent = msg ?? '';
      const target = item.group ?? item.inputs[0];
      const described = [item.describedBy, msg && item.error.id].filter(Boolean).join(' ');
      if (described) target.setAttribute('aria-describedby', described);
      else target.removeAttribute('aria-describedby');
      if (item.group) {
        for (const i of item.inputs) i.removeAttribute('aria-invalid');
        if (msg) item.group.setAttribute('data-invalid', '');
        else item.group.removeAttribute('data-invalid');
      } else if (msg) item.inputs[0].setAttribute('aria-invalid', 'true');
      else item.inputs[0].removeAttribute('aria-invalid');
    }
  }

  /**
   * Marks changed answers (Map id → {before, after}) and shows their reason
   * field; `showMissing` flags empty reasons.
   */
  setChanges(changes, showMissing) {
    for (const [id, item] of this.items) {
      if (!item.change) continue;
      const c = changes.get(id);
      item.change.hidden = !c;
      if (c) {
        item.changeText.textContent = this.t('changeWas', {
          before: answerText(item.q, c.before, this.t, this.lang),
          after: answerText(item.q, c.after, this.t, this.lang),
        });
      }
      const missing = Boolean(c && showMissing && !item.reason.value.trim());
      item.reasonError.hidden = !missing;
      item.reason.setAttribute('aria-describedby', [item.changeText.id, missing && item.reasonError.id].filter(Boolean).join(' '));
      if (missing) item.reason.setAttribute('aria-invalid', 'true');
      else item.reason.removeAttribute('aria-invalid');
      item.wrapper.classList.toggle('changed', Boolean(c));
    }
  }

  getReasons() {
    const out = {};
    for (const [id, item] of this.items) {
      if (item.reason?.value.trim()) out[id] = item.reason.value.trim();
    }
    return out;
  }

  setReasons(reasons = {}) {
    for (const [id, item] of this.items) if (item.reason) item.reason.value = reasons[id] ?? '';
  }

  /** The question definition by id. */
  question(id) {
    return this.items.get(id)?.q;
  }

  focusFirst() {
    for (const item of this.items.values()) {
      if (!item.wrapper.hidden) {
        (item.inputs.find((i) => i.checked) ?? item.inputs[0]).focus();
        return;
      }
    }
  }
}

export { replace };

/** A question's label; an optional one (a contribution exemption's) says it may be skipped. */
function labelOf(q, t) {
  return q.optional ? `${q.label} ${t('optionalQuestion')}` : q.label;
}
