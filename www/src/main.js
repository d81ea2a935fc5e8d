// Zelftest huishoudelijke hulp: the citizen self-check (entry point).
//
// Everything is computed here, in the browser, by the Urenwijzer engine
// (WebAssembly). After the page has loaded, the only requests are for the
// list of norm packages and the chosen package file; answers never leave
// this page and nothing is stored (no cookies, no localStorage).
//
// state.js holds the state and history, views/ the start, step and result
// views, fields.js the form fields, texts.js every text.

import { init } from './pkg/urenwijzer.js';
import { entriesOf } from './model.js';
import { fetchJson, go, onHistory, state } from './state.js';
import { T } from './texts.js';
import { showFatal } from './views/page.js';
import { showResult } from './views/result.js';
import { showStart } from './views/start.js';
import { showStep } from './views/step.js';

// Test hook: the core's form state of the answers on screen (tests/site compare it with `urenwijzer state`).
Object.defineProperty(window, '__zelftest', { value: Object.freeze({ formState: () => state.form }) });

go.start = showStart;
go.step = showStep;
go.result = showResult;

async function main() {
  try {
    const [index] = await Promise.all([fetchJson('packages/index.json'), init()]);
    state.entries = entriesOf(index);
    // A reload (or a phone's pull-to-refresh) mid-way: the answers are gone
    // by design, so say so in one sentence instead of silently starting over.
    const reloaded = performance.getEntriesByType?.('navigation')?.[0]?.type === 'reload' && history.state?.v && history.state.v !== 'start';
    showStart({ focus: false, push: false, notice: reloaded ? T.reloaded : null });
    window.addEventListener('popstate', onHistory);
  } catch (e) {
    showFatal(T.loadFailed, e);
  }
}

main();
