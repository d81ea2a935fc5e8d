// Urenwijzer in the browser: the public JavaScript API of the wasm build.
//
// A small hand-written layer over the glue that wasm-bindgen generates
// (./urenwijzer_wasm.js, not public). It adds what the Rust side leaves to
// JavaScript: the default date (today, local time; the core has no clock),
// the conversions (answers go in as JSON text; `evaluate` and `state` read
// the core's packed indication from the module's memory and build it with the
// template's parts, so JSON.stringify of a result equals `urenwijzer eval
// --format json` byte for byte; the other results are JSON text), errors as
// `UrenwijzerError`, and recovery from a trap: should the module ever abort
// (a Rust panic is a `RuntimeError: unreachable` under panic=abort), the call
// throws an `internal` error, the module is instantiated afresh and every
// Engine re-creates its package from the document it keeps.
//
// See docs/browser-api.md.

// A namespace import: the same wrapper runs on the three builds. The tools
// module (www/pkg-tools/, the checking page) has everything; the resident
// module (www/pkg/, the widget) has no tools exports; the site module
// (www/pkg-site/, the self-check site) has neither the tools exports nor the
// portal's (plan, records, dossier reference, figures). A missing function
// throws `tools_only` or `portal_only` (see `tool` and `portal` below).
import * as glue from './urenwijzer_wasm.js';

const {
  default: initGlue,
  initSync: initGlueSync,
  Engine: RawEngine,
  __wbg_reset_state: resetInstance,
  __debugPanic,
  planStepsJson,
  checkDossierReference: checkDossierReferenceRaw,
  readRecordJson,
  errorCodesJson,
  compiledFormatVersion,
  compiledBodyOffset,
  wasmMemory,
} = glue;

/**
 * Which build this wrapper runs on: `'site'` (compiled bundles only, no
 * portal calls: the self-check site), `'resident'` (compiled bundles only:
 * the widget) or `'tools'` (also documents, checks and reports: the checking
 * page).
 */
export const MODULE = typeof glue.checkReportJson === 'function' ? 'tools' : typeof readRecordJson === 'function' ? 'resident' : 'site';

// `globalThis.URENWIJZER_SITE_BUNDLE` is never set at run time: esbuild
// replaces it by `true` when it bundles the site module (scripts/build-wasm.sh),
// so each `if (!globalThis.URENWIJZER_SITE_BUNDLE …)` block below folds away
// there, and with it the packed reader and the answers as numbers, which the
// site module's build does not have (docs/performance.md, w24). Elsewhere it
// is undefined and the blocks run as written.

/** `f`, a tools-module export of the glue (undefined on the resident module): itself, or `tools_only`. */
function tool(f, what) {
  if (typeof f !== 'function') {
    throw new UrenwijzerError(
      'tools_only',
      `${what} zit alleen in de gereedschapsmodule (pkg-tools/urenwijzer.js, de controlepagina); deze module laadt alleen gecompileerde bundels (.uwb)`,
    );
  }
  return f;
}

/** `f`, a portal export of the glue (undefined on the site module): itself, or `portal_only`. */
function portal(f, what) {
  if (typeof f !== 'function') {
    throw new UrenwijzerError(
      'portal_only',
      `${what} zit niet in de module van de zelftest (pkg-site/); gebruik de module van de widget (pkg/urenwijzer.js) of de gereedschapsmodule (pkg-tools/urenwijzer.js)`,
    );
  }
  return f;
}

let initialized = false;
/** The core's own error codes (docs/errors.md); only these pass through as they are. */
let coreCodes = new Set();

function loaded() {
  initialized = true;
  coreCodes = new Set(JSON.parse(errorCodesJson()));
}
/** Bumped each time the instance is replaced after a trap. */
let generation = 0;

/**
 * Loads the module asynchronously (browsers). `input` is what the
 * generated init accepts: a URL or path of urenwijzer_wasm_bg.wasm, a
 * Response or its promise, bytes, or a WebAssembly.Module. Default: the
 * .wasm file next to this module.
 */
export async function init(input) {
  if (!initialized) {
    await initGlue(input === undefined ? undefined : { module_or_path: input });
    loaded();
  }
}

/** Loads the module synchronously from its bytes or a WebAssembly.Module (Node, workers). */
export function initSync(bytes) {
  if (!initialized) {
    initGlueSync({ module: bytes });
    loaded();
  }
}

/** An error of the rules core (or `internal` / `not_initialized` from this wrapper). */
export class UrenwijzerError extends Error {
  constructor(code, message, question, path, options, where = {}) {
    super(message, options);
    this.name = 'UrenwijzerError';
    this.code = code;
    if (question !== undefined) this.question = question;
    if (path !== undefined) this.path = path;
    for (const key of POSITION_KEYS) if (where[key] !== undefined) this[key] = where[key];
  }

  /** `{code, message, question?, path?, file?, line?, column?, limit?, detail?}`: the core's error object, same key order. */
  toJSON() {
    return errorObject(this);
  }
}

/** Where a reading error is: the file, 1-based line and column, the limit's name, what is wrong. */
const POSITION_KEYS = ['file', 'line', 'column', 'limit', 'detail'];

/** The module's `packageText` parts (rules-wasm `package_text`); the questions are also any other number. */
const PART = { fingerprint: 0, info: 1, questions: 2 };

/** The module's `answersJson` calls (rules-wasm `answers_json`); evaluate is also any other number. */
const CALL = { asked: 0, problems: 1, state: 2, evaluate: 3 };

/** The version of the JSON contract this wrapper is typed for (`indication.contract`). */
export const CONTRACT_VERSION = 2;

/** The core's error object `{code, message, question?, path?, file?, line?, column?, limit?, detail?}` of an error. */
export function errorObject(error) {
  const o = { code: error.code, message: error.message };
  if (error.question !== undefined) o.question = error.question;
  if (error.path !== undefined) o.path = error.path;
  for (const key of POSITION_KEYS) if (error[key] !== undefined) o[key] = error[key];
  return o;
}

/**
 * Converts what a call into the module threw. A core error (the JSON text
 * of an error object whose `code` is one of the core's codes, thrown by the
 * Rust side: `coreError`) becomes an UrenwijzerError. Anything else (a trap, or an error of the JavaScript
 * engine such as Node's ERR_STRING_TOO_LONG) means the instance may have
 * aborted or been left mid-call: it is replaced and the caller gets an
 * `internal` error with the original as `cause`.
 */
function failure(thrown) {
  const core = coreError(thrown);
  if (core !== undefined) return new UrenwijzerError(core.code, core.message, core.question, core.path, undefined, core);
  // One of this wrapper's own, thrown inside a call's `try` (e.g. `answersText`).
  if (thrown instanceof UrenwijzerError && coreCodes.has(thrown.code)) return thrown;
  let detail = thrown instanceof Error ? thrown.message : String(thrown);
  try {
    resetInstance();
    generation += 1;
  } catch (e) {
    // Instantiation itself failed (out of memory?): the next call tries again.
    generation += 1;
    detail += `; opnieuw starten mislukte: ${e instanceof Error ? e.message : String(e)}`;
  }
  return new UrenwijzerError(
    'internal',
    `interne fout in de rekenkern (${detail}); de rekenkern is opnieuw gestart, probeer het nog eens`,
    undefined,
    undefined,
    { cause: thrown },
  );
}

/**
 * The core's error object, when `thrown` is one: the module throws each
 * core error as its error object's JSON text (rules-wasm `js_error`).
 */
function coreError(thrown) {
  if (typeof thrown !== 'string') return undefined;
  let object;
  try {
    object = JSON.parse(thrown);
  } catch {
    return undefined;
  }
  return object !== null && typeof object === 'object' && coreCodes.has(object.code) ? object : undefined;
}

function notInitialized() {
  return new UrenwijzerError('not_initialized', 'de rekenkern is nog niet geladen: roep eerst init() of initSync() aan');
}

function answersText(answers) {
  let text;
  try {
    text = JSON.stringify(answers);
  } catch (e) {
    throw new UrenwijzerError(
      'invalid_answers',
      `de antwoorden moeten een JSON-object zijn met per vraag een antwoord: geen geldige JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // JSON.stringify(undefined) is undefined: let the core refuse it as null.
  return text === undefined ? 'null' : text;
}

function documentText(pkg) {
  let text;
  try {
    text = JSON.stringify(pkg);
  } catch (e) {
    throw new UrenwijzerError('invalid_package', `ongeldig normpakket bij (document): ${e instanceof Error ? e.message : String(e)}`, undefined, '(document)');
  }
  return text === undefined ? 'null' : text;
}

function pad(n, width) {
  return String(n).padStart(width, '0');
}

/** A Date as its local calendar date YYYY-MM-DD. */
function localDate(d) {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/** The date option as text: today (local) by default; a Date as its local date. */
function dateText(date) {
  if (date === undefined || date === null) return localDate(new Date());
  if (date instanceof Date) return localDate(date);
  return String(date);
}

function municipalityText(municipality) {
  return municipality === undefined || municipality === null ? undefined : String(municipality);
}

/**
 * The reader of a packed indication (`rules_core::output::to_packed`, whose
 * comment has the layout): the numbers, read through a Float64Array on the
 * module's memory, and the ASCII text, decoded at once, each read in order.
 * Module state, not per engine: assembling is synchronous. The views are
 * made again when the memory has grown (its old buffer is then detached): in
 * `unpack`, and after the one call into the module while assembling
 * (`#part` fetching a template), which leaves the packed buffers as they are.
 */
let f64 = new Float64Array(0);
let u32 = new Uint32Array(0);
let u8 = new Uint8Array(0);
let text = '';
let ni = 0;
let ti = 0;
const asciiDecoder = new TextDecoder();
/** The module's memory, per instance (`generation`). */
let memory;
let memoryGeneration = -1;

/** Typed-array views on the current instance's memory, made again when it changed. */
function views() {
  if (memoryGeneration !== generation) {
    memory = wasmMemory();
    memoryGeneration = generation;
    u8 = new Uint8Array(0);
  }
  // A grown memory detaches its old buffer (byteLength 0), as the glue also tests.
  if (u8.byteLength === 0) {
    const buffer = memory.buffer;
    f64 = new Float64Array(buffer);
    u32 = new Uint32Array(buffer);
    u8 = new Uint8Array(buffer);
  }
}

/** Starts reading the packed indication whose head (four u32: numbers' address and count, text's address and bytes) is at `head`. */
function unpack(head) {
  views();
  const h = head >>> 2;
  ni = u32[h] >>> 3;
  text = asciiDecoder.decode(u8.subarray(u32[h + 2], u32[h + 2] + u32[h + 3]));
  ti = 0;
}

const num = () => f64[ni++];
/** A number or null (NaN). */
function opt() {
  const n = f64[ni++];
  return Number.isNaN(n) ? null : n;
}
/** The next `n` bytes of the text. */
function take(n) {
  const at = ti;
  ti += n;
  return text.slice(at, ti);
}
/** A string: n plain bytes, -n bytes of a JSON string literal, or null (NaN). */
function str() {
  const n = f64[ni++];
  if (n >= 0) return take(n);
  if (n < 0) return JSON.parse(take(-n));
  return null;
}
/** A value kept as JSON text (the rare ones). */
function json() {
  return JSON.parse(take(f64[ni++]));
}
/** An answer a rule read: false, true, a number, a choice or a date. */
function answer() {
  const tag = f64[ni++];
  return tag < 2 ? tag === 1 : tag === 2 ? f64[ni++] : str();
}
/** `{question: answer}` in question order (`__proto__` defined, not set, as JSON.parse does). */
function usedAnswers() {
  const o = {};
  for (let k = num(); k > 0; k--) {
    const key = str();
    if (key === '__proto__') Object.defineProperty(o, key, { value: answer(), enumerable: true, writable: true, configurable: true });
    else o[key] = answer();
  }
  return o;
}
const SENTENCE_KINDS = ['transition', 'step', 'area', 'total', 'note'];

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The packed cost: class, tariff (a part), cents, and the contribution (its own fields a part). */
function packedCost(part) {
  const cost = {
    class: num() === 1 ? { id: str(), label: str(), from_minutes_per_week: num(), to_minutes_per_week: opt() } : null,
    tariff: fragment(part),
    cents_per_period: opt(),
    cents_per_year: opt(),
    contribution: null,
  };
  const id = num();
  if (id === -1) cost.contribution = json();
  else if (id >= 0) {
    cost.contribution = { ...part(id), cents_per_year: opt() };
    if (num() === 1) cost.contribution.exemption = json();
  }
  return cost;
}

/** A template part by id (`part`, the engine's), a value kept as JSON (-1), or null (-2). */
function fragment(part) {
  const id = num();
  return id >= 0 ? part(id) : id === -1 ? json() : null;
}

function minutesAt(a, i) {
  return { minutes_per_week: a[i], minutes_per_period: a[i + 1], minutes_per_year: a[i + 2], display_minutes_per_week: a[i + 3] };
}

const orNull = (x) => (Number.isNaN(x) ? null : x);

/**
 * The flat figures (`IndicationFigures::write_flat` in rules-core) as an
 * object, keys in the native order; `a[at..end]` (a view on the module's
 * memory when they come from the answer slots).
 */
export function figuresObject(a, at = 0, end = a.length) {
  const areas = [];
  for (let i = at + 10; i + 4 <= end; i += 4) areas.push(minutesAt(a, i));
  return {
    total: minutesAt(a, at),
    areas,
    cents_per_period: orNull(a[at + 4]),
    cents_per_year: orNull(a[at + 5]),
    contribution_cents_per_year: orNull(a[at + 6]),
    class: a[at + 7] < 0 ? null : a[at + 7],
    warnings: a[at + 8],
    transition: a[at + 9] === 1,
  };
}

/**
 * Answers as numbers (w20, `rules-wasm/src/slots.rs`): a plain answers
 * object goes into a buffer in the module's memory, `[members,
 * municipality, 10 date characters, (key, kind, value) per member]`, with
 * keys and strings as indices in the engine's table of names; no JSON text,
 * no string passing. Only what the module's quick path takes is answered
 * there; everything else (and every refusal) takes the JSON text path.
 */
const hasSlots = typeof glue.answerSlots === 'function';
/** Off only in tests (`__testing.slots`), to compare with the text path. */
let slotsOn = hasSlots;
/** The buffer's index in `f64`, per instance. */
let slotsAt = 0;
let slotsGeneration = -1;
/** Counts encodings, so one made inside a getter during another is noticed. */
let encodings = 0;
/** The quick reader's member limit (`input::flat`). */
const MAX_MEMBERS = 64;
const SLOT_HEAD = 12;

/** Whether JSON.stringify would call a `toJSON` on a boolean, number or string answer. */
const primitiveToJson = () => Boolean.prototype.toJSON !== undefined || Number.prototype.toJSON !== undefined || String.prototype.toJSON !== undefined;

/**
 * Writes `answers` into the buffer: true when it did, false when the text
 * path must take them: anything but a plain object (prototype Object or
 * null, no `toJSON`) of at most 64 members whose values are booleans, safe
 * integers or names in the table, and the keys names in the table (so
 * `JSON.stringify` would write each as it is, and -0 as 0).
 */
function encode(names, answers, date, municipality) {
  if (typeof answers !== 'object' || answers === null || date.length !== 10) return false;
  const proto = Object.getPrototypeOf(answers);
  if ((proto !== Object.prototype && proto !== null) || answers.toJSON !== undefined || primitiveToJson()) return false;
  const m = municipality === undefined ? -1 : names.get(municipality);
  if (m === undefined) return false;
  views();
  const stamp = ++encodings;
  const keys = Object.keys(answers);
  if (keys.length > MAX_MEMBERS) return false;
  let i = slotsAt + SLOT_HEAD;
  for (const k of keys) {
    const key = names.get(k);
    if (key === undefined) return false;
    const v = answers[k];
    f64[i] = key;
    if (typeof v === 'boolean') {
      f64[i + 1] = 0;
      f64[i + 2] = v ? 1 : 0;
    } else if (Number.isSafeInteger(v)) {
      f64[i + 1] = 1;
      f64[i + 2] = v;
    } else {
      const s = typeof v === 'string' ? names.get(v) : undefined;
      if (s === undefined) return false;
      f64[i + 1] = 2;
      f64[i + 2] = s;
    }
    i += 3;
  }
  // A getter may have called the module meanwhile (memory grown, buffer used, instance replaced).
  if (stamp !== encodings || f64.byteLength === 0 || memoryGeneration !== generation) return false;
  f64[slotsAt] = keys.length;
  f64[slotsAt + 1] = m;
  for (let c = 0; c < 10; c++) f64[slotsAt + 2 + c] = date.charCodeAt(c);
  return true;
}

/** The error for a compiled bundle that is no bytes at all (`fromCompiled`, `loadCompiled`). */
function noBytes() {
  return new UrenwijzerError('invalid_bundle', 'ongeldige gecompileerde bundel bij (kop): geen bytes', undefined, '(kop)');
}

/** A copy of the bytes of a compiled bundle given as ArrayBuffer or typed array; undefined for anything else. */
function compiledBytes(pkg) {
  if (pkg instanceof ArrayBuffer) return new Uint8Array(pkg.slice(0));
  if (ArrayBuffer.isView(pkg)) return new Uint8Array(pkg.buffer.slice(pkg.byteOffset, pkg.byteOffset + pkg.byteLength));
  return undefined;
}

/** The compiled-bundle format this build reads (`FORMAT_VERSION` of `rules_core::compiled`). */
export function compiledFormat() {
  if (!initialized) throw notInitialized();
  return compiledFormatVersion();
}

/**
 * The body's sha256 from Web Crypto for the next engine made from a compiled
 * bundle (`Engine.loadCompiled`), taken by its first `#engine()` right away;
 * null otherwise (then the module hashes the body itself).
 */
let bodySha256 = null;

/** A loaded norm package. */
export class Engine {
  #document;
  /** The compiled bundle's bytes (a copy), when loaded from one. */
  #compiled;
  #plain;
  #raw;
  #generation;
  #fingerprint;
  #info;
  #questions;
  /** Template parts by id (see `#part`). */
  #parts = new Map();
  /** The module's names answers can use, name -> index (`slots.rs`), fetched on first use. */
  #names;

  /**
   * @param pkg the bundled package document (`urenwijzer bundle`), as an
   * object or as JSON text. Its fingerprint must be there (else
   * `missing_fingerprint`) and match the content. Or the compiled bundle
   * (`<id>.uwb`) as a Uint8Array / ArrayBuffer (see `Engine.fromCompiled`).
   * @param options `plainDocument: true` loads a source document without
   * fingerprint too (tools that load what they were given; never a page that
   * shows a resident a result).
   */
  constructor(pkg, options = {}) {
    if (!initialized) throw notInitialized();
    const bytes = compiledBytes(pkg);
    if (bytes !== undefined) this.#compiled = bytes;
    else {
      if (MODULE !== 'tools') tool(glue.checkReportJson, 'Een normpakket als JSON-document laden');
      this.#document = typeof pkg === 'string' ? pkg : documentText(pkg);
    }
    this.#plain = options?.plainDocument === true;
    const raw = this.#engine();
    // The metadata and the questions are read the first time they are asked
    // for (`package`, `questions()`): a page that only evaluates never pays
    // for them, and the first evaluation does not wait for them.
    try {
      this.#fingerprint = raw.packageText(PART.fingerprint);
    } catch (e) {
      throw failure(e);
    }
  }

  /** The module's `packageText(part)` on the current instance, its error as an UrenwijzerError. */
  #text(part) {
    const raw = this.#engine();
    try {
      return raw.packageText(part);
    } catch (e) {
      throw failure(e);
    }
  }

  /** The underlying engine of the current instance, re-created after a trap. */
  #engine() {
    if (this.#raw === undefined || this.#generation !== generation) {
      this.#raw = undefined;
      const g = generation;
      try {
        if (this.#compiled === undefined) this.#raw = new RawEngine(this.#document, this.#plain);
        else if (bodySha256 !== null) this.#raw = RawEngine.fromCompiledHashed(this.#compiled, bodySha256);
        else this.#raw = RawEngine.fromCompiled(this.#compiled);
      } catch (e) {
        throw failure(e);
      }
      this.#generation = g;
    }
    return this.#raw;
  }

  /**
   * Loads a compiled bundle (`<id>.uwb` of `urenwijzer bundle`): a
   * Uint8Array, ArrayBuffer or other typed array. Same as `new Engine(bytes)`.
   * Throws UrenwijzerError `bundle_version`, `bundle_hash` or `invalid_bundle`.
   */
  static fromCompiled(bytes) {
    if (compiledBytes(bytes) === undefined) throw noBytes();
    return new Engine(bytes);
  }

  /**
   * `fromCompiled`, asynchronous: the body's sha256 is computed by the
   * browser's Web Crypto (native code) instead of the module (baseline code
   * on its first call: h4's 121 KB take ≈ 9 ms there, ≈ 1 ms natively;
   * docs/performance.md, w29). The core compares it with the header's hash
   * as `fromCompiled` does: the same checks, errors and engine. Without Web
   * Crypto (a page not served over https or from localhost) it is
   * `fromCompiled`. What the site and the widget use.
   */
  static async loadCompiled(bytes) {
    if (!initialized) throw notInitialized();
    const copy = compiledBytes(bytes);
    if (copy === undefined) throw noBytes();
    const offset = compiledBodyOffset();
    const subtle = globalThis.crypto?.subtle;
    if (subtle === undefined || copy.length < offset) return new Engine(copy);
    const digest = new Uint8Array(await subtle.digest('SHA-256', copy.subarray(offset)));
    bodySha256 = digest;
    try {
      return new Engine(copy);
    } finally {
      bodySha256 = null;
    }
  }

  /** The package's `sha256:` fingerprint. */
  get fingerprint() {
    return this.#fingerprint;
  }

  /** The package's metadata: id, title, municipalities, topics, versions (frozen). */
  get package() {
    if (this.#info === undefined) this.#info = deepFreeze(JSON.parse(this.#text(PART.info)));
    return this.#info;
  }

  /** The questions, in order, with types, labels, options, bounds and conditions (`ask_if`). */
  questions() {
    if (this.#questions === undefined) this.#questions = this.#text(PART.questions);
    return JSON.parse(this.#questions);
  }

  /**
   * Ids of the questions asked given (partial) answers: a form shows exactly
   * these. Options: `date` (default today), `municipality`.
   */
  asked(answers, options = {}) {
    return JSON.parse(this.#withAnswers(CALL.asked, answers, options));
  }

  /**
   * The form state of (partial) answers, what a form shows after each
   * answer: `{asked: [{id, topic}], answers, missing, problems, complete,
   * indication}` (docs/json-contract.md, "Form state"). Answers to questions
   * that are not asked are dropped (in `answers`); `problems` are error
   * objects, per question where they concern one (missing answers included);
   * `indication` is set when the answers are complete and valid. Options as
   * for `evaluate` (`trace` default true). Throws only for a bad date.
   */
  state(answers, options = {}) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE && MODULE !== 'site') {
      const state = JSON.parse(this.#withAnswers('statePacked', answers, options));
      // The indication, when there is one, is the address of its packed form.
      if (state.indication !== null) state.indication = this.#assemble(state.indication);
      return state;
    }
    // The site module has no packed form (docs/browser-api.md, "Modules"): its state is the canonical text's.
    return JSON.parse(this.#withAnswers(CALL.state, answers, options));
  }

  /** As `state`, but returns the canonical JSON text itself (`urenwijzer state` prints the same bytes). */
  stateToJson(answers, options = {}) {
    return this.#withAnswers(CALL.state, answers, options);
  }

  /**
   * The indication for these answers. Options: `date` (YYYY-MM-DD or a Date;
   * default today, local time), `municipality`, `trace` (default true; false
   * leaves `trace` and `explanation` empty). Throws UrenwijzerError.
   */
  evaluate(answers, options = {}) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE && MODULE !== 'site') {
      const head = this.#fromSlots(answers, options, true);
      return this.#assemble(head !== 0 ? head : this.#withAnswers('evaluatePacked', answers, options));
    }
    return JSON.parse(this.#withAnswers(CALL.evaluate, answers, options));
  }

  /**
   * `evaluateSlots` (evaluate) or `figuresSlots` with the answers as numbers
   * (`encode`): the address the module returns, or 0 when the JSON text path
   * must take them (then it gives the result or the error).
   */
  #fromSlots(answers, options, evaluate) {
    // Not in the site module's bundle (see URENWIJZER_SITE_BUNDLE above).
    if (!globalThis.URENWIJZER_SITE_BUNDLE) {
      if (!slotsOn) return 0;
      const raw = this.#engine();
      try {
        if (this.#names === undefined) this.#names = new Map(JSON.parse(raw.answerNamesJson()).map((n, i) => [n, i]));
        if (slotsGeneration !== generation) {
          slotsAt = glue.answerSlots() >>> 3;
          slotsGeneration = generation;
        }
      } catch (e) {
        throw failure(e);
      }
      let trace;
      try {
        trace = evaluate && options.trace !== false;
        if (!encode(this.#names, answers, dateText(options.date), municipalityText(options.municipality))) return 0;
      } catch {
        // A getter or a date's toString threw: the text path decides.
        return 0;
      }
      try {
        return evaluate ? raw.evaluateSlots(trace) : raw.figuresSlots();
      } catch (e) {
        throw failure(e);
      }
    }
  }

  /**
   * A call that takes answers: `call` is a number of `CALL`, the module's
   * `answersJson(call, answers, date, municipality, trace)` (canonical JSON),
   * or the name of a packed call, `name(answers, date, municipality, trace)`;
   * its error as an UrenwijzerError.
   */
  #withAnswers(call, answers, options) {
    const raw = this.#engine();
    const text = answersText(answers);
    try {
      const date = dateText(options.date);
      const municipality = municipalityText(options.municipality);
      const trace = options.trace !== false;
      return typeof call === 'number' ? raw.answersJson(call, text, date, municipality, trace) : raw[call](text, date, municipality, trace);
    } catch (e) {
      throw failure(e);
    }
  }

  /**
   * The indication from its packed form (`rules_core::output::to_packed`):
   * numbers and one ASCII text in the module's memory, read in the order the
   * core wrote them, the contract's key order, so JSON.stringify gives the
   * canonical bytes (the conformance suite checks it). What does not depend
   * on the answers is a template part, by id: the `package` and `engine`
   * objects, a warning, the cost's `tariff` and a contribution's own fields,
   * a rule step's head `[area, rule, kind, label, condition, sources]` and the
   * start of its sentence.
   */
  #assemble(head) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE) {
      // The guard is tested once per indication; the helpers below run without it.
      const part = (id) => this.#part(id);
      unpack(head);
      const ind = {
        contract: num(),
        package: fragment(part),
        date: str(),
        engine: fragment(part),
        transition: num() === 1 ? json() : null,
        total: { minutes_per_week: num(), minutes_per_period: num(), minutes_per_year: num(), display_minutes_per_week: num() },
        areas: [],
        cost: null,
        trace: [],
        explanation: [],
        warnings: [],
      };
      for (let k = num(); k > 0; k--) {
        ind.areas.push({
          id: str(),
          title: str(),
          minutes_per_week: num(),
          minutes_per_period: num(),
          minutes_per_year: num(),
          display_minutes_per_week: num(),
        });
      }
      if (num() === 1) ind.cost = packedCost(part);
      for (let k = num(); k > 0; k--) {
        const id = num();
        if (id < 0) {
          ind.trace.push(json());
          continue;
        }
        const h = part(id);
        ind.trace.push({
          area: h[0],
          rule: h[1],
          kind: h[2],
          label: h[3],
          condition: h[4],
          answers: usedAnswers(),
          count: opt(),
          unit_amount: num(),
          change: num(),
          total: num(),
          sources: h[5],
        });
      }
      for (let k = num(); k > 0; k--) {
        const kind = SENTENCE_KINDS[num()];
        const step = opt();
        const area = str();
        const start = num();
        const rest = str();
        ind.explanation.push({ kind, step, area, text: start < 0 ? rest : part(start) + rest });
      }
      for (let k = num(); k > 0; k--) {
        const id = num();
        if (id >= 0) ind.warnings.push(part(id));
        else {
          const w = { code: str(), message: str(), items: [] };
          for (let j = num(); j > 0; j--) w.items.push(str());
          ind.warnings.push(w);
        }
      }
      return ind;
    }
  }

  /**
   * Template part `id`, deep-frozen and shared by every result that has it.
   * The parts of one package version are fetched and parsed together, the
   * first time a result of that version names one. Ids depend only on the
   * package, so they stay valid when the engine is re-created after a trap.
   */
  #part(id) {
    const part = this.#parts.get(id);
    return part !== undefined ? part : this.#fetchTemplate(id);
  }

  /** `#part` the first time a version's part is named: fetches and keeps that version's template. */
  #fetchTemplate(id) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE) {
      let text;
      try {
        text = this.#engine().templateJson(id);
      } catch (e) {
        throw failure(e);
      }
      const template = JSON.parse(text);
      if (template === null) throw new UrenwijzerError('internal', `interne fout in de rekenkern (geen sjabloondeel ${id})`);
      for (let i = 0; i < template.parts.length; i++) this.#parts.set(template.start + i, deepFreeze(template.parts[i]));
      // The call may have grown the memory of a packed indication being read.
      views();
      return this.#parts.get(id);
    }
  }

  /** As `evaluate`, but returns the canonical JSON text itself. */
  evaluateToJson(answers, options = {}) {
    return this.#withAnswers(CALL.evaluate, answers, options);
  }

  /**
   * Figures only, for bulk use: the numbers of the indication `evaluate`
   * gives for the same answers and options (minutes per area and in total,
   * displayed minutes, cost, class index, number of warnings, transition),
   * without texts. The same checks and errors as `evaluate`.
   */
  figures(answers, options = {}) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE) {
      const head = this.#fromSlots(answers, options, false);
      if (head !== 0) {
        views();
        const at = u32[head >>> 2] >>> 3;
        return figuresObject(f64, at, at + u32[(head >>> 2) + 1]);
      }
    }
    return figuresObject(this.#figuresText(answers, options));
  }

  /** As `figures`, but the flat Float64Array itself (layout in the types). */
  figuresArray(answers, options = {}) {
    if (!globalThis.URENWIJZER_SITE_BUNDLE) {
      const head = this.#fromSlots(answers, options, false);
      if (head !== 0) {
        views();
        const at = u32[head >>> 2] >>> 3;
        // A copy; a loop is faster than `slice` on a view of the whole memory for these few numbers.
        const flat = new Float64Array(u32[(head >>> 2) + 1]);
        for (let i = 0; i < flat.length; i++) flat[i] = f64[at + i];
        return flat;
      }
    }
    return this.#figuresText(answers, options);
  }

  /** `figuresArray` through the JSON text of the answers. */
  #figuresText(answers, options) {
    const raw = this.#engine();
    portal(raw.figuresFlat, 'figures');
    const text = answersText(answers);
    try {
      return raw.figuresFlat(text, dateText(options.date), municipalityText(options.municipality));
    } catch (e) {
      throw failure(e);
    }
  }

  /**
   * Every problem with the answers, per question, without evaluating: an
   * array of error objects `{code, message, question?, path?, line?, column?, detail?}` (empty when
   * the answers are complete and valid). Options `date` and `municipality`
   * as for `evaluate`: the answers are checked against the package that
   * applies then (municipal overlay, transition rule).
   */
  validate(answers, options = {}) {
    return JSON.parse(this.#withAnswers(CALL.problems, answers, options));
  }

  /**
   * The steps of omgekeerd toewijzen under this package's procedure (the
   * overlay's when `options.municipality` is given): `dates` is
   * `{decision, conversation?, start?, evaluation?}` (YYYY-MM-DD or Date).
   * Same object as `urenwijzer plan PKG --format json`. Throws UrenwijzerError.
   */
  plan(dates, options = {}) {
    const raw = this.#engine();
    portal(raw.planJson, 'plan');
    let text;
    try {
      text = raw.planJson(planDatesText(dates), municipalityText(options.municipality));
    } catch (e) {
      throw failure(e);
    }
    return JSON.parse(text);
  }

  /**
   * The pilot report with this package: its procedure applies and records
   * made with the same fingerprint are recomputed. See `pilotReport`.
   */
  pilot(files, options = {}) {
    const raw = this.#engine();
    if (typeof raw.pilotJson !== 'function') tool(glue.pilotReportJson, 'Het pilotrapport');
    let text;
    try {
      text = raw.pilotJson(pilotFilesText(files), options.reasons === true);
    } catch (e) {
      throw failure(e);
    }
    return pilotResult(text);
  }

  /** Releases the engine's memory in the module now rather than at garbage collection. */
  free() {
    const raw = this.#raw;
    this.#raw = undefined;
    // A raw engine of an earlier (aborted) instance is gone with it.
    if (raw !== undefined && this.#generation === generation) raw.free();
  }
}
if (typeof Symbol.dispose === 'symbol') Engine.prototype[Symbol.dispose] = Engine.prototype.free;

function planDatesText(dates) {
  const d = dates ?? {};
  const opt = (v) => (v === undefined || v === null || v === '' ? null : dateText(v));
  return JSON.stringify({ decision: opt(d.decision), conversation: opt(d.conversation), start: opt(d.start), evaluation: opt(d.evaluation) });
}

/**
 * The steps of omgekeerd toewijzen with the motion's defaults (no package):
 * conversation within 3 working days of the decision, start within 1
 * working day of the conversation, evaluation 28 to 42 days after the start.
 * Same object as `urenwijzer plan --format json`. Throws UrenwijzerError.
 */
export function planSteps(dates) {
  if (!initialized) throw notInitialized();
  portal(planStepsJson, 'planSteps');
  let text;
  try {
    text = planStepsJson(planDatesText(dates));
  } catch (e) {
    throw failure(e);
  }
  return JSON.parse(text);
}

function pilotFilesText(files) {
  return JSON.stringify([...(files ?? [])].map((f) => [String(f.name), String(f.text)]));
}

function pilotResult(text) {
  const [summaryJson, html] = JSON.parse(text);
  return { summary: JSON.parse(summaryJson), summaryJson, html };
}

/**
 * The pilot report of omgekeerd toewijzen from providers' records
 * (`files`: [{name, text}]), without a package (the motion's deadlines,
 * nothing recomputed). `options.reasons`: include the free-text reasons
 * (never for fewer than 5 residents). Returns `{summary, summaryJson, html}`:
 * `summaryJson` and `html` are the bytes `urenwijzer pilot` writes.
 */
export function pilotReport(files, options = {}) {
  if (!initialized) throw notInitialized();
  const pilotReportJson = tool(glue.pilotReportJson, 'Het pilotrapport');
  let text;
  try {
    text = pilotReportJson(pilotFilesText(files), options.reasons === true);
  } catch (e) {
    throw failure(e);
  }
  return pilotResult(text);
}

/**
 * The caseload impact report (`urenwijzer impact`): `old` and `new` are the
 * files of each norm (a package folder as `{path, bytes}` with its overlays
 * and linked packages, or one bundled package); `new` may be empty to compare
 * the old package on two dates (`options.oldDate`, `options.newDate`).
 * `caseload`: the CSV or JSON Lines bytes. `options`: `{date, oldDate,
 * newDate, municipality, reassessAll, scaleTo}` as the CLI's flags (`date`
 * defaults to today). `onProgress(households, bytesRead)` is called now and
 * then during the run. Returns `{summary, summaryJson, html, householdsCsv}`:
 * the bytes of the CLI's summary.json, report.html and households.csv.
 */
export function impactReport({ old = [], new: next = [], caseload, options = {}, onProgress } = {}) {
  if (!initialized) throw notInitialized();
  const all = [...old, ...next];
  const packed = packFiles(all);
  const settings = JSON.stringify({
    date: dateText(options.date ?? new Date()),
    oldDate: options.oldDate ? dateText(options.oldDate) : null,
    newDate: options.newDate ? dateText(options.newDate) : null,
    municipality: options.municipality ?? null,
    reassessAll: options.reassessAll === true,
    scaleTo: options.scaleTo ?? null,
  });
  const progress = typeof onProgress === 'function' ? onProgress : () => {};
  const impactReportJson = tool(glue.impactReportJson, 'Het impactrapport');
  let text;
  try {
    text = impactReportJson(...packed, old.length, contentBytes(caseload ?? new Uint8Array(0)), settings, progress);
  } catch (e) {
    throw failure(e);
  }
  const [summaryJson, html, householdsCsv] = JSON.parse(text);
  return { summary: JSON.parse(summaryJson), summaryJson, html, householdsCsv };
}

/**
 * Throws UrenwijzerError `bsn_in_reference` when a dossier reference holds an
 * 8- or 9-digit number that passes the BSN elfproef (the message says why
 * and suggests an own reference); returns nothing otherwise.
 */
export function checkDossierReference(reference) {
  if (!initialized) throw notInitialized();
  portal(checkDossierReferenceRaw, 'checkDossierReference');
  try {
    checkDossierReferenceRaw(String(reference ?? ''));
  } catch (e) {
    throw failure(e);
  }
}

/**
 * Opens a provider's record of omgekeerd toewijzen (JSON text or object) the
 * way the widget restores it: checked by the core field by field
 * (UrenwijzerError `invalid_record` naming the field, `bsn_in_reference`),
 * and a format-1 record rewritten to format 2 (its intake becomes the
 * conversation; no decision date). Returns `{record, migrated_from}`
 * (`migrated_from` is 1 for a migrated record, else null).
 */
export function readRecord(input) {
  if (!initialized) throw notInitialized();
  portal(readRecordJson, 'readRecord');
  const text = typeof input === 'string' ? input : JSON.stringify(input ?? null);
  let out;
  try {
    out = readRecordJson(text);
  } catch (e) {
    throw failure(e);
  }
  return JSON.parse(out);
}

/**
 * The whole check of a package document, as the checking page shows it:
 * whether it loads (else `error`), the lints, and each case's result.
 * `document` is the package document (object or JSON text); `cases` maps
 * case names to case documents (an object, or an array of [name, case]).
 */
export function checkPackage(document, cases = []) {
  if (!initialized) throw notInitialized();
  const list = Array.isArray(cases) ? cases : Object.entries(cases);
  const docText = typeof document === 'string' ? document : documentText(document);
  const checkReportJson = tool(glue.checkReportJson, 'checkPackage');
  let text;
  try {
    text = checkReportJson(docText, JSON.stringify(list));
  } catch (e) {
    throw failure(e);
  }
  return JSON.parse(text);
}

/** Bytes of a file's content: a string is encoded as UTF-8; bytes stay as they are. */
function contentBytes(content) {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  if (content instanceof Uint8Array) return content;
  if (content instanceof ArrayBuffer) return new Uint8Array(content);
  if (ArrayBuffer.isView(content)) return new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
  throw new UrenwijzerError(
    'invalid_package',
    'ongeldig normpakket bij (bestanden): de inhoud van een bestand moet tekst of bytes zijn',
    undefined,
    '(bestanden)',
  );
}

/** Files as the module takes them: paths, all bytes one after the other, and each file's length. */
function packFiles(files) {
  const list = (Array.isArray(files) ? files : Object.entries(files)).map((f) =>
    Array.isArray(f) ? { path: f[0], content: f[1] } : { path: f.path, content: f.bytes ?? f.text ?? f.content },
  );
  const paths = list.map((f) => String(f.path));
  const parts = list.map((f) => contentBytes(f.content));
  const lengths = new Uint32Array(parts.map((p) => p.length));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return [paths, data, lengths];
}

/**
 * The checking page's whole check of a set of files, assembled by the core as
 * the CLI assembles a package folder: `files` is an array of `{path, bytes}`
 * (or `{path, text}`, or `[path, content]`), paths with their folders
 * (`norms/h4/overlays/delft.json`). Pass files as bytes (`Uint8Array`): then
 * invalid UTF-8 is refused as the CLI refuses it. Returns `{files, reports,
 * unplaced, duplicates}` (docs/browser-api.md).
 */
export function checkFiles(files) {
  if (!initialized) throw notInitialized();
  const packed = packFiles(files);
  const checkFilesJson = tool(glue.checkFilesJson, 'checkFiles');
  let text;
  try {
    text = checkFilesJson(...packed);
  } catch (e) {
    throw failure(e);
  }
  return JSON.parse(text);
}

/** What each file is (package, overlay, case, invalid with its error, unknown, skipped); `files` as for `checkFiles`. */
export function classifyFiles(files) {
  if (!initialized) throw notInitialized();
  const packed = packFiles(files);
  const classifyFilesJson = tool(glue.classifyFilesJson, 'classifyFiles');
  let text;
  try {
    text = classifyFilesJson(...packed);
  } catch (e) {
    throw failure(e);
  }
  return JSON.parse(text);
}

/**
 * Test hooks, not part of the API: `panic()` makes the module abort, the
 * way a Rust panic would, through the same path as every call.
 */
export const __testing = {
  panic() {
    if (!initialized) throw notInitialized();
    try {
      __debugPanic();
    } catch (e) {
      throw failure(e);
    }
  },
  /** Whether `figures` and `evaluate` try the answers as numbers first (false: always JSON text). */
  get slots() {
    return slotsOn;
  },
  set slots(on) {
    slotsOn = hasSlots && on === true;
  },
  /** How many times the instance has been replaced. */
  get generation() {
    return generation;
  },
  /** Size of the module's linear memory in bytes (for the memory benchmark). */
  get memoryBytes() {
    if (!initialized) throw notInitialized();
    // The generated initSync returns the current instance's exports once loaded.
    return initGlueSync().memory.buffer.byteLength;
  },
};
