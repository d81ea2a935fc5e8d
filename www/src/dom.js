// A tiny element builder. Text always goes in as text nodes (never HTML),
// and there are no style attributes: the site runs under a strict CSP.

/**
 * h('p', {class: 'x', id: 'y'}, 'text', child, [more children])
 * Attributes: false/null/undefined are left out, true is an empty attribute.
 * `on: {click: fn}` adds event listeners.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name === 'on') {
      for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      if (name === 'style') throw new Error('no style attributes (CSP)');
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Text only a screen reader reads. */
export function hidden(text) {
  return h('span', { class: 'uw-visually-hidden' }, text);
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}
