// The checking page's worker (built into www/dist/controle-worker.js): reads
// and checks the chosen files with the rules core off the main thread, so a
// large or hostile file never freezes the tab. Messages in: {id, op:
// 'classify' | 'check' | 'pilot' | 'impact', files: [{path, bytes}], input};
// out: {id, result}, {id, error: {code, message}}, or (impact) {id, progress:
// {households, bytesRead}}. The files arrive as bytes (ArrayBuffers), so the
// core sees invalid UTF-8 as the CLI does.

import { init, checkFiles, classifyFiles, errorObject, impactReport, pilotReport } from './pkg-tools/urenwijzer.js';

const ready = init();
// The BOM is kept, so the core's strict reader refuses it as the CLI does.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function run(id, op, files, input) {
  if (op === 'classify') return classifyFiles(files);
  if (op === 'check') return checkFiles(files);
  if (op === 'pilot') {
    const records = files.map((f) => ({ name: f.path.split('/').pop(), text: decoder.decode(f.bytes) }));
    return pilotReport(records, { reasons: input?.reasons === true });
  }
  if (op === 'impact') {
    const side = (n) => files.slice(...n);
    return impactReport({
      old: side([0, input.oldCount]),
      new: side([input.oldCount]),
      caseload: new Uint8Array(input.caseload),
      options: input.options,
      onProgress: (households, bytesRead) => self.postMessage({ id, progress: { households, bytesRead } }),
    });
  }
  throw new Error(`unknown op ${op}`);
}

self.addEventListener('message', async (ev) => {
  const { id, op, files, input } = ev.data;
  try {
    await ready;
    const list = files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }));
    self.postMessage({ id, result: run(id, op, list, input) });
  } catch (e) {
    self.postMessage({ id, error: e && typeof e.code === 'string' ? errorObject(e) : { code: 'internal', message: String(e?.message ?? e) } });
  }
});
