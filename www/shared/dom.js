// The one DOM builder of the site, the checking page and the widget. Text
// always goes in as text nodes (never HTML), and there are no style
// attributes: all three run under a strict Content Security Policy.

/**
 * h('p', {class: 'x', id: 'y', on: {click: fn}, props: {value: 1}, text: 'hi'}, child, [more children])
 *
 * Every key is an attribute (false/null/undefined left out, true an empty
 * attribute), except: `on` adds event listeners, `props` assigns DOM
 * properties (value, checked, hidden, ...), `text` sets the text content, and
 * `class` may be an array (falsy items dropped). Children may be nodes,
 * strings, numbers, arrays, or null/undefined/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name === 'on') {
      for (const [type, fn] of Object.entries(value ?? {})) el.addEventListener(type, fn);
    } else if (name === 'props') {
      Object.assign(el, value);
    } else if (name === 'text') {
      if (value !== undefined && value !== null) el.textContent = String(value);
    } else if (name === 'class' && Array.isArray(value)) {
      const cls = value.filter(Boolean).join(' ');
      if (cls) el.setAttribute('class', cls);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      if (name === 'style') throw new Error('no style attributes (CSP)');
      el.setAttribute(name, String(value));
    }
  }
  return append(el, children);
}

/** Appends children (as h() takes them) to `el`. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Text only a screen reader reads (the site's visually-hidden class). */
export function hidden(text) {
  return h('span', { class: 'uw-visually-hidden' }, text);
}

/** Sets an attribute, or removes it for false/null/undefined. */
export function setAttr(el, name, value) {
  if (value === false || value === null || value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
