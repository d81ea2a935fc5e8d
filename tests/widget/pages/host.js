// Test host script (external: the page's CSP forbids inline scripts).
// Copies the query string onto <hbh-indicatie id="w"> before the widget
// module runs, and records what the tests look at: CSP violations and the
// `indicatie` events.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
});
window.__events = [];
const w = document.getElementById('w');
if (w) {
  const params = new URLSearchParams(location.search);
  for (const name of ['package', 'compare', 'municipality', 'mode', 'lang', 'date', 'integrity', 'provider-name', 'provider-agb']) {
    // An empty value removes the attribute (e.g. municipality=).
    if (params.has(name)) {
      if (params.get(name) === '') w.removeAttribute(name);
      else w.setAttribute(name, params.get(name));
    }
  }
  w.addEventListener('indicatie', (e) => window.__events.push(e.detail));
}
