// Loading the rules engine (wasm) and norm packages, shared by every
// <hbh-indicatie> on the page. Each mode runs the smallest module that has
// its calls (docs/widget.md, "Files and versions"):
//   citizen, consultant  the site module (www/pkg-site: state, questions,
//                        the package's texts), urenwijzer_site_bg.wasm;
//   provider             the resident module with the portal's calls
//                        (www/pkg: also the plan and records),
//                        urenwijzer_wasm_bg.wasm.
// Both modules' JavaScript is bundled into hbh-indicatie.js, so the one
// integrity value a portal gives that file pins all the widget's code; each
// .wasm is fetched from next to it when a widget in that mode first loads,
// pinned by the sha384 the build wrote in (__HBH_*_WASM__, from
// scripts/build-widget.sh). A resident's page never fetches provider mode's
// larger engine. Both load compiled bundles (`<id>.uwb`) only.

import * as portalApi from '../../pkg/urenwijzer.js';
import * as siteApi from '../../pkg-site/urenwijzer.js';

import { fetchEngine, fetchPackageBytes } from './fetch-package.js';

// Unset outside the build (a source checkout): no pin.
const MODULES = {
  site: { api: siteApi, wasm: 'urenwijzer_site_bg.wasm', integrity: typeof __HBH_SITE_WASM__ === 'string' ? __HBH_SITE_WASM__ : undefined },
  portal: { api: portalApi, wasm: 'urenwijzer_wasm_bg.wasm', integrity: typeof __HBH_PORTAL_WASM__ === 'string' ? __HBH_PORTAL_WASM__ : undefined },
};

/** The module a mode needs: 'portal' for provider mode, else 'site'. */
export const moduleFor = (mode) => (mode === 'provider' ? 'portal' : 'site');

const ready = new Map();

/** Fetches and instantiates a module's .wasm ('site' or 'portal') once; resolves to its API. */
export function ensureEngine(kind, t) {
  if (!ready.has(kind)) {
    const { api, wasm, integrity } = MODULES[kind];
    const url = new URL(`./${wasm}`, import.meta.url);
    const p = fetchEngine(url.href, wasm, integrity, t)
      .then((response) => api.init(response))
      .then(() => api);
    p.catch(() => ready.delete(kind));
    ready.set(kind, p);
  }
  return ready.get(kind);
}

/**
 * Reads a record with the rules core (`readRecord` of the portal module;
 * provider mode only, which has loaded that module before it shows a
 * record field or reads a record). Throws UrenwijzerError on an invalid one.
 */
export const readRecord = (text) => portalApi.readRecord(text);

const packages = new Map();

/**
 * Fetches and loads a compiled norm package (`<id>.uwb` of `urenwijzer
 * bundle`; another file is refused with `invalid_bundle`, another format with
 * `bundle_version`, damaged bytes with `bundle_hash`) into the module `kind`
 * (`moduleFor(mode)`); with `integrity` the bytes must match it (Subresource
 * Integrity, `compiled.integrity` in index.json). Cached per module, absolute
 * URL and integrity value.
 */
export function loadPackage(kind, url, baseUrl, t, integrity = null) {
  const abs = new URL(url, baseUrl).href;
  const key = `${kind} ${abs} ${integrity ?? ''}`;
  if (!packages.has(key)) {
    // The bundle's fetch runs while the module is fetched and compiled (the
    // first package of a page would otherwise wait for both in turn).
    const p = Promise.all([ensureEngine(kind, t), fetchPackageBytes(abs, url, integrity, t)]).then(([api, bytes]) => api.Engine.loadCompiled(bytes));
    p.catch(() => packages.delete(key));
    packages.set(key, p);
  }
  return packages.get(key);
}
