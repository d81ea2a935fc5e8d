// The checking page's worker (built into www/dist/controle-worker.js): reads
// and checks the chosen files with the rules core off the main thread, so a
// large or hostile file never freezes the tab. Messages in: {id, op:
// 'classify' | 'check', files: [{path, bytes}]}; out: {id, result} or {id,
// error: {code, message}}. The files arrive as bytes (ArrayBuffers,
// transferred), so the core sees invalid UTF-8 as the CLI does.

import { init, checkFiles, classifyFiles, errorObject } from './pkg/urenwijzer.js';

const ready = init();

self.addEventListener('message', async (ev) => {
  const { id, op, files } = ev.data;
  try {
    await ready;
    const list = files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) }));
    const result = op === 'classify' ? classifyFiles(list) : checkFiles(list);
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: e && typeof e.code === 'string' ? errorObject(e) : { code: 'internal', message: String(e?.message ?? e) } });
  }
});
