// Loading the rules engine (wasm) and norm packages, shared by every
// <hbh-indicatie> on the page. The wasm file is expected next to the widget's
// module file (www/dist/widget/<version>/urenwijzer_wasm_bg.wasm).

import { init, Engine, plan, UrenwijzerError } from '../../pkg/urenwijzer.js';

export { UrenwijzerError };

let ready;

/** Loads the wasm module once. */
export function ensureEngine(wasmUrl) {
  if (!ready) {
    ready = init(wasmUrl ?? new URL('./urenwijzer_wasm_bg.wasm', import.meta.url)).catch((e) => {
      ready = undefined;
      throw e;
    });
  }
  return ready;
}

const packages = new Map();

/** Fetches and loads a bundled norm package; cached per absolute URL. */
export function loadPackage(url, baseUrl, t) {
  const abs = new URL(url, baseUrl).href;
  if (!packages.has(abs)) {
    const p = (async () => {
      await ensureEngine();
      const response = await fetch(abs, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(t('packageFetch', { url, status: `HTTP ${response.status}` }));
      return new Engine(await response.text());
    })();
    p.catch(() => packages.delete(abs));
    packages.set(abs, p);
  }
  return packages.get(abs);
}

/**
 * The omgekeerd-toewijzen plan from the rules core (working days, public
 * holidays, evaluation window). Throws UrenwijzerError with code
 * `invalid_date`, `start_before_intake` or `evaluation_before_start`.
 */
export function planDates(intake, start, evaluation) {
  return plan(intake, start, evaluation || undefined);
}
