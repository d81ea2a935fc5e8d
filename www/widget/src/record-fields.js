// The record's own fields in provider mode (format 2): a pseudonymous dossier
// reference, the provider's name and AGB code (also from the element's
// `provider-name` / `provider-agb` attributes, so a portal fills them once),
// the district (wijk) or four-digit postcode. Each field is checked by the
// rules core, as the pilot report reads it (`readRecord` on a record holding
// only that field): a BSN-like reference is refused with `bsn_in_reference`,
// a wrong AGB code or postcode with `invalid_record`. No check is repeated here.

import { h } from '../../shared/dom.js';
import { recordMessage } from '../../shared/messages.js';
import { readRecord } from './engine.js';
import { RECORD_FORMAT } from './record.js';

/** Field key, label key, record path (the core's `field`), input attributes. */
const FIELDS = [
  ['dossier', 'dossierRef', 'dossier', { autocomplete: 'off' }],
  ['providerName', 'providerName', 'provider.name', { autocomplete: 'organization' }],
  ['providerAgb', 'providerAgb', 'provider.agb', { autocomplete: 'off', inputmode: 'numeric' }],
  ['district', 'district', 'district', { autocomplete: 'off' }],
  ['postcode', 'postcode', 'postcode', { autocomplete: 'off', inputmode: 'numeric' }],
];

/** A minimal format-2 record holding one field, for the core's check. */
function probe(path, value) {
  const r = { format: RECORD_FORMAT, package: { id: 'probe' } };
  if (path.startsWith('provider.')) r.provider = { [path.slice('provider.'.length)]: value };
  else r[path] = value;
  return JSON.stringify(r);
}

export class RecordFields {
  constructor(ctx, onInput) {
    this.ctx = ctx;
    this.inputs = {};
    this.errors = {};
    const t = ctx.t;
    const rows = FIELDS.map(([key, label, , attrs]) => {
      const id = `${ctx.uid}-rf-${key}`;
      const error = h('p', { class: 'field-error', id: `${id}-error`, props: { hidden: true } });
      const help = key === 'dossier' ? h('p', { class: 'help', id: `${id}-help`, text: t('dossierHelp') }) : null;
      const input = h('input', {
        class: 'input',
        id,
        name: key,
        type: 'text',
        maxlength: '500',
        'aria-describedby': help ? help.id : null,
        ...attrs,
        on: { input: onInput },
      });
      this.inputs[key] = input;
      this.errors[key] = { el: error, help };
      return h('div', { class: 'question' }, h('label', { class: 'label', for: id, text: t(label) }), help, error, input);
    });
    this.element = h(
      'fieldset',
      { class: 'record-fields', 'data-record-fields': '' },
      h('legend', { class: 'sub-title', text: t('recordFields') }),
      h('p', { class: 'meta', text: t('recordFieldsIntro') }),
      rows,
    );
    this.applyAttributes();
  }

  /** A portal fills the provider once, with the element's `provider-name` and `provider-agb`. */
  applyAttributes() {
    const host = this.ctx.host;
    if (host.getAttribute('provider-name')) this.inputs.providerName.value = host.getAttribute('provider-name');
    if (host.getAttribute('provider-agb')) this.inputs.providerAgb.value = host.getAttribute('provider-agb');
  }

  /** The values as typed (trimmed). */
  values() {
    return Object.fromEntries(FIELDS.map(([key]) => [key, this.inputs[key].value.trim()]));
  }

  setValues(values) {
    for (const [key] of FIELDS) if (key in values) this.inputs[key].value = values[key] ?? '';
  }

  /**
   * Checks every field with the rules core and shows its message at the
   * field. Returns the values the core accepts (a refused one is null) and
   * whether any was refused.
   */
  check() {
    const values = this.values();
    let refused = false;
    for (const [key, , path] of FIELDS) {
      let message = null;
      if (values[key]) {
        try {
          readRecord(probe(path, values[key]));
        } catch (e) {
          message = recordMessage(e, path, this.ctx.lang);
          this.inputs[key].dataset.code = e.code ?? '';
        }
      }
      if (message) {
        refused = true;
        values[key] = null;
      } else {
        delete this.inputs[key].dataset.code;
      }
      this.#show(key, message);
    }
    return { values, refused };
  }

  #show(key, message) {
    const { el, help } = this.errors[key];
    const input = this.inputs[key];
    el.hidden = !message;
    el.textContent = message ?? '';
    const described = [help?.id, message ? el.id : null].filter(Boolean).join(' ');
    if (described) input.setAttribute('aria-describedby', described);
    else input.removeAttribute('aria-describedby');
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}
