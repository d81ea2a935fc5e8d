// The checking page's one worker (check-worker.js, built as controle-worker.js)
// and the one way to call it: the package check, the pilot report and the
// impact report all run there, off the main thread, one call after another.

// Built next to controle.js (scripts/build-site.sh); a module worker, allowed by the CSP's 'self'.
const worker = new Worker(new URL('./controle-worker.js', import.meta.url), { type: 'module' });
let nextCall = 0;
const pending = new Map();
worker.addEventListener('message', (ev) => {
  const { id, result, error, progress } = ev.data;
  const p = pending.get(id);
  if (progress) {
    p?.onProgress?.(progress);
    return;
  }
  pending.delete(id);
  if (error) p?.reject(Object.assign(new Error(error.message), error));
  else p?.resolve(result);
});
worker.addEventListener('error', (ev) => {
  for (const p of pending.values()) p.reject(new Error(ev.message || 'worker'));
  pending.clear();
});

/**
 * One call to the core in the worker. `op`: 'classify' or 'check' (`files`:
 * [{path, bytes}]), 'pilot' ({files, reasons}) or 'impact' ({old, new,
 * caseload, options}). `onProgress({households, bytesRead})` hears the
 * impact run's progress.
 */
export function call(op, files, input = null, onProgress = null) {
  nextCall += 1;
  const id = nextCall;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, files: files.map(({ path, bytes }) => ({ path, bytes })), input });
  });
}
