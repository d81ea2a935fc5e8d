// Loading the rules engine (wasm) and norm packages, shared by every
// <hbh-indicatie> on the page. The wasm file is expected next to the widget's
// module file (www/dist/widget/<version>/urenwijzer_wasm_bg.wasm). It is the
// resident module (www/pkg): it loads compiled bundles (`<id>.uwb`) only.

import { init, Engine, readRecord, UrenwijzerError } from '../../pkg/urenwijzer.js';

import { fetchPackageBytes } from './fetch-package.js';

export { readRecord, UrenwijzerError };

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

/**
 * Fetches and loads a compiled norm package (`<id>.uwb` of `urenwijzer
 * bundle`; another file is refused with `invalid_bundle`, another format with
 * `bundle_version`, damaged bytes with `bundle_hash`); with `integrity` the
 * bytes must match it (Subresource Integrity, `compiled.integrity` in
 * index.json). Cached per absolute URL and integrity value.
 */
export function loadPackage(url, baseUrl, t, integrity = null) {
  const abs = new URL(url, baseUrl).href;
  const key = `${abs} ${integrity ?? ''}`;
  if (!packages.has(key)) {
    // The bundle's fetch runs while the module is fetched and compiled (the
    // first package of a page would otherwise wait for both in turn).
    const p = Promise.all([ensureEngine(), fetchPackageBytes(abs, url, integrity, t)]).then(([, bytes]) => Engine.fromCompiled(bytes));
    p.catch(() => packages.delete(key));
    packages.set(key, p);
  }
  return packages.get(key);
}
