// Tiny DOM builder for the widget. It never uses innerHTML or style
// attributes, so the widget works under a strict Content Security Policy
// (no 'unsafe-inline' for styles, Trusted Types for scripts).

/**
 * h('p', {class: 'x', text: 'hello', attrs: {'aria-live': 'polite'}, on: {click}}, ...children)
 * Known property keys: class, text, attrs, on, props (assigned as DOM
 * properties: value, checked, hidden, disabled, ...). Children may be
 * nodes, strings, numbers, arrays, or null/undefined/false (skipped).
 */
export function h(tag, options = {}, ...children) {
  const el = document.createElement(tag);
  const { class: cls, text, attrs, on, props } = options;
  if (cls) el.className = Array.isArray(cls) ? cls.filter(Boolean).join(' ') : cls;
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (props) Object.assign(el, props);
  if (on) for (const [type, fn] of Object.entries(on)) el.addEventListener(type, fn);
  if (text !== undefined && text !== null) el.textContent = String(text);
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
