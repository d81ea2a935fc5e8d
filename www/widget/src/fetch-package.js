// Fetching a compiled bundle (`<id>.uwb`), pinned by Subresource Integrity when the host
// page gives an `integrity` attribute (`sha384-…` printed by `urenwijzer
// bundle`): the browser itself refuses any other bytes. A malformed value
// would make the browser skip the check, so it is refused here first.

const SRI = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}$/;

/** Whether `value` is a valid integrity attribute (one or more hash expressions). */
export function validIntegrity(value) {
  const parts = value.trim().split(/\s+/);
  return parts.length > 0 && parts.every((p) => SRI.test(p));
}

/** The compiled bundle's bytes (`<id>.uwb`); throws an Error with a message for the resident (via `t`). */
export async function fetchPackageBytes(abs, url, integrity, t) {
  const init = { credentials: 'same-origin' };
  if (integrity != null) {
    if (!validIntegrity(integrity)) throw new Error(t('packageIntegrityInvalid', { url }));
    init.integrity = integrity.trim();
  }
  let response;
  try {
    response = await fetch(abs, init);
  } catch (e) {
    if (init.integrity === undefined) throw new Error(t('packageFetch', { url, status: e?.message ?? String(e) }));
    // An integrity mismatch and an unreachable file both reject the fetch; a
    // second fetch without the check tells them apart (its bytes are not used).
    const reachable = await fetch(abs, { credentials: 'same-origin' }).then(
      (r) => r.ok,
      () => false,
    );
    throw new Error(reachable ? t('packageIntegrity', { url }) : t('packageFetch', { url, status: e?.message ?? String(e) }));
  }
  if (!response.ok) throw new Error(t('packageFetch', { url, status: `HTTP ${response.status}` }));
  return new Uint8Array(await response.arrayBuffer());
}
