// Fetching a compiled bundle (`<id>.uwb`), pinned by Subresource Integrity when the host
// page gives an `integrity` attribute (`sha384-…` printed by `urenwijzer
// bundle`): the browser itself refuses any other bytes. A malformed value
// would make the browser skip the check, so it is refused here first.
// And fetching a rules engine's `.wasm`, always pinned (by the build).

const SRI = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}$/;

/** Whether `value` is a valid integrity attribute (one or more hash expressions). */
export function validIntegrity(value) {
  const parts = value.trim().split(/\s+/);
  return parts.length > 0 && parts.every((p) => SRI.test(p));
}

/**
 * `fetch(abs)`, pinned by `integrity` when given. Rejects with an Error whose
 * `refused` is true when the bytes are not the pinned ones, else false and
 * its message the status (unreachable, or not HTTP 2xx).
 */
async function fetchPinned(abs, integrity) {
  const init = { credentials: 'same-origin' };
  if (integrity != null) init.integrity = integrity;
  let response;
  try {
    response = await fetch(abs, init);
  } catch (e) {
    const failed = (refused) => Object.assign(new Error(e?.message ?? String(e)), { refused });
    if (integrity == null) throw failed(false);
    // An integrity mismatch and an unreachable file both reject the fetch; a
    // second fetch without the check tells them apart (its bytes are not used).
    const reachable = await fetch(abs, { credentials: 'same-origin' }).then(
      (r) => r.ok,
      () => false,
    );
    throw failed(reachable);
  }
  if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { refused: false });
  return response;
}

/** The compiled bundle's bytes (`<id>.uwb`); throws an Error with a message for the resident (via `t`). */
export async function fetchPackageBytes(abs, url, integrity, t) {
  if (integrity != null && !validIntegrity(integrity)) throw new Error(t('packageIntegrityInvalid', { url }));
  const response = await fetchPinned(abs, integrity?.trim()).catch((e) => {
    throw new Error(e.refused ? t('packageIntegrity', { url }) : t('packageFetch', { url, status: e.message }));
  });
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The response of a rules engine's `.wasm`, pinned by the hash the build
 * wrote into the widget (scripts/build-widget.sh), so a portal that pins
 * hbh-indicatie.js pins the engine too; throws an Error with a message for
 * the resident (via `t`).
 */
export function fetchEngine(abs, file, integrity, t) {
  return fetchPinned(abs, integrity).catch((e) => {
    throw new Error(e.refused ? t('engineIntegrity', { file }) : t('engineFetch', { file, status: e.message }));
  });
}
