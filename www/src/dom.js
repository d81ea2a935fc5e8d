// The DOM helper lives in www/shared/dom.js (shared with the widget); this
// re-export keeps the checking page's imports working.
export { h, hidden, replace } from '../shared/dom.js';
