// Loads the wasm build (www/pkg-tools, the tools module, made by scripts/build-wasm.sh) in Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pkgDir } from '../conformance/collect.mjs';
import * as api from '../../www/pkg-tools/urenwijzer.js';

api.initSync(readFileSync(join(pkgDir, 'urenwijzer_wasm_bg.wasm')));
export default api;
