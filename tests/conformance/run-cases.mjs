// The wasm side of the conformance harness. Runs in Node and in the browser
// alike (no Node APIs): every case through the public API, giving the same
// strings the CLI prints: JSON.stringify of the indication, or of the thrown
// error (UrenwijzerError#toJSON is the core's error object).

/**
 * @param {{ Engine: any }} api the initialised module (www/pkg-tools/urenwijzer.js; www/pkg/ for compiled bundles only)
 * @param {Record<string, string>} bundles bundle text by package key
 * @param {Array<{key: string, package: string, date: string, municipality: string | null, answers: unknown}>} cases
 * @param {Record<string, string>} [compiled] the compiled bundles (`.uwb`, base64) by package key: when given,
 *   every engine loads those instead of the JSON bundles, and the outputs must be the same bytes
 * @param {Record<string, any>} [loaded] engines already loaded from `compiled` by package key
 *   (`await Engine.loadCompiled(bytes)`, which this synchronous runner cannot call)
 */
export function runCases(api, bundles, cases, compiled, loaded) {
  const engines = {};
  const fingerprints = {};
  const problems = [];
  let n = 0;
  for (const [key, text] of Object.entries(bundles)) {
    if (loaded?.[key]) {
      engines[key] = loaded[key];
    } else if (compiled) {
      const bytes = Uint8Array.from(atob(compiled[key]), (c) => c.charCodeAt(0));
      // Alternate the two ways in: Engine.fromCompiled(Uint8Array) and new Engine(ArrayBuffer).
      engines[key] = n++ % 2 === 0 ? api.Engine.fromCompiled(bytes) : new api.Engine(bytes.buffer);
    } else {
      // Alternate the two accepted forms of the document: text and object.
      engines[key] = new api.Engine(n++ % 2 === 0 ? text : JSON.parse(text));
    }
    fingerprints[key] = engines[key].fingerprint;
    if (engines[key].package.fingerprint !== fingerprints[key]) problems.push(`${key}: package.fingerprint differs from fingerprint`);
  }
  const outputs = {};
  for (const c of cases) {
    const engine = engines[c.package];
    const options = { date: c.date, municipality: c.municipality };
    const outcome = (trace) => {
      try {
        const indication = engine.evaluate(c.answers, { ...options, trace });
        const text = JSON.stringify(indication);
        const direct = engine.evaluateToJson(c.answers, { ...options, trace });
        if (direct !== text) problems.push(`${c.key}: evaluateToJson differs from JSON.stringify(evaluate)`);
        return text;
      } catch (e) {
        if (!(e instanceof Error) || e.name !== 'UrenwijzerError' || typeof e.code !== 'string') {
          problems.push(`${c.key}: threw something that is no UrenwijzerError: ${e}`);
        }
        if (e.code === 'internal') problems.push(`${c.key}: internal error (trap): ${e.message}`);
        return JSON.stringify(e);
      }
    };
    // The form state (engine.state), the bytes of `urenwijzer state`; it throws only for a bad date.
    let state;
    try {
      state = engine.stateToJson(c.answers, options);
      // Compared re-serialised: JavaScript writes a refused answer such as 1e21 as 1e+21.
      if (JSON.stringify(engine.state(c.answers, options)) !== JSON.stringify(JSON.parse(state)))
        problems.push(`${c.key}: state differs from JSON.parse(stateToJson)`);
    } catch (e) {
      if (e.code !== 'invalid_date') problems.push(`${c.key}: state threw ${e.code}: ${e.message}`);
      state = JSON.stringify(e);
    }
    outputs[c.key] = { trace: outcome(true), noTrace: outcome(false), state };
  }
  for (const engine of Object.values(engines)) engine.free();
  return { outputs, fingerprints, problems };
}
