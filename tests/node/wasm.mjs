// Loads the wasm build (www/pkg-tools, the tools module, made by scripts/build-wasm.sh) in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkgDir } from '../conformance/collect.mjs';
import * as api from '../../www/pkg-tools/urenwijzer.js';

api.initSync(readFileSync(join(pkgDir, 'urenwijzer_wasm_bg.wasm')));
export default api;

/** One household of the KPMG package whose answers are all right (frozen: tests copy it to vary it). */
export const kpmgAnswers = Object.freeze({
  eigen_mogelijkheden: true,
  beperkingen: 'veel',
  samenstelling_huishouden: true,
  extra_kamers_in_gebruik: 2,
  extra_kamers_niet_in_gebruik: 1,
});
