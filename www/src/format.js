// Formatting lives in www/shared/format.js (shared with the widget); this
// re-export keeps the checking page's imports working.
export { dutchDate } from '../shared/format.js';
