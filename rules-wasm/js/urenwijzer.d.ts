// Types of the Urenwijzer browser build (urenwijzer.js). The JSON shapes
// follow the core's contract (docs/json-contract.md, rules-core/src/output/model.rs,
// describe.rs, error.rs), contract version 2; tests/types checks them against real outputs.
//
// Three modules, one wrapper (docs/browser-api.md, "Modules"): the RESIDENT
// module (www/pkg/, the widget) loads compiled bundles only; the SITE module
// (www/pkg-site/, the self-check site) is the resident module without the
// portal's calls; the TOOLS module (www/pkg-tools/, the checking page) has
// everything. Members marked "Tools module only" throw UrenwijzerError
// `tools_only` on the resident and site modules; members marked "Not in the
// site module" throw `portal_only` there.

/** Which build this wrapper runs on. */
export const MODULE: 'site' | 'resident' | 'tools';

// ---------------------------------------------------------------- loading

/** What the generated init accepts: where the .wasm is, or its bytes. */
export type ModuleInput =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

/** Loads the module asynchronously (browsers). Default: urenwijzer_wasm_bg.wasm next to this file. */
export function init(input?: ModuleInput): Promise<void>;

/** Loads the module synchronously from its bytes or a compiled module (Node, workers). */
export function initSync(bytes: BufferSource | WebAssembly.Module): void;

// ---------------------------------------------------------------- answers

/** An answer: yes_no → boolean, number → integer, choice → option id, date → "YYYY-MM-DD". */
export type Answer = boolean | number | string;

/**
 * Answers keyed by question id. Questions not asked (their `ask_if` is
 * false) must be left out. The reserved key `indicatie_startdatum`
 * ("YYYY-MM-DD") is the start date of the client's current indication.
 */
export type Answers = { readonly [questionId: string]: Answer };

/** A date: "YYYY-MM-DD", or a Date (its local calendar date). */
export type DateInput = string | Date;

export interface EvaluateOptions {
  /** The date whose norm applies. Default: today, local time. */
  date?: DateInput;
  /** Municipality id (one of `engine.package.municipalities`). */
  municipality?: string | null;
  /** Include `trace` and `explanation` (default true). */
  trace?: boolean;
}

export interface AskedOptions {
  /** Default: today, local time. */
  date?: DateInput;
  municipality?: string | null;
}

// ---------------------------------------------------------------- errors

/** The core's stable error codes (docs/errors.md). */
export type CoreErrorCode =
  | 'invalid_package'
  | 'invalid_expression'
  | 'invalid_answers'
  | 'missing_answer'
  | 'unknown_question'
  | 'not_asked'
  | 'wrong_type'
  | 'out_of_range'
  | 'not_an_option'
  | 'invalid_date'
  | 'no_version_for_date'
  | 'unknown_municipality'
  | 'overflow'
  | 'invalid_json'
  | 'duplicate_key'
  | 'limit'
  | 'overlay_name'
  | 'missing_fingerprint'
  | 'conversation_before_decision'
  | 'start_before_conversation'
  | 'missing_plan_date'
  | 'no_procedure_for_date'
  | 'invalid_record'
  | 'bsn_in_reference'
  | 'invalid_caseload'
  | 'duplicate_id'
  | 'municipality_required'
  | 'bundle_version'
  | 'bundle_hash'
  | 'invalid_bundle'
  | 'invalid_tariff_classes'
  | 'invalid_exemption'
  | PlanErrorCode;

/** Problems with the dates given to `plan` / `planSteps` (codes of the same core error enum). */
export type PlanErrorCode = 'evaluation_before_start' | 'date_out_of_range';

/**
 * `internal`: the module aborted (it has been restarted; the call may be
 * retried). `not_initialized`: init()/initSync() was not called first.
 * `tools_only`: a tools-module function called on the resident or site module.
 * `portal_only`: a portal function (plan, planSteps, readRecord,
 * checkDossierReference, figures, figuresArray) called on the site module.
 */
export type ErrorCode = CoreErrorCode | 'internal' | 'not_initialized' | 'tools_only' | 'portal_only';

/** The core's error object; `JSON.stringify` of an UrenwijzerError gives this, same key order. */
export interface ErrorObject {
  code: ErrorCode;
  /** Dutch; may improve between versions (the code is the contract). */
  message: string;
  /** The question the error is about, when it is about one answer. */
  question?: string;
  /** The package element the error is about (for `duplicate_key`: the object holding the key twice). */
  path?: string;
  /** The file (or document) a reading error is in. */
  file?: string;
  /** 1-based line of the position in a JSON text. */
  line?: number;
  /** 1-based column in a JSON text (with `line`) or in an expression (alone). */
  column?: number;
  /** The name of the limit (`limit`), e.g. `document_bytes`, `answer_keys`. */
  limit?: string;
  /** A short machine-readable extra: the offending value as given, or what is wrong with a JSON text. */
  detail?: string;
}

/** Every error the API throws. */
export class UrenwijzerError extends Error {
  readonly name: 'UrenwijzerError';
  readonly code: ErrorCode;
  readonly question?: string;
  readonly path?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly limit?: string;
  readonly detail?: string;
  toJSON(): ErrorObject;
}

/** The error object of an UrenwijzerError. */
export function errorObject(error: UrenwijzerError): ErrorObject;

// ---------------------------------------------------------------- questions

export type QuestionType = 'yes_no' | 'choice' | 'number' | 'date';

export interface QuestionOption {
  id: string;
  label: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  /** Topic id (see `PackageInfo.topics`). */
  topic: string;
  label: string;
  help: string | null;
  /** Condition (expression text) under which the question is asked; null: always. */
  ask_if: string | null;
  /** For `choice` questions. */
  options?: QuestionOption[];
  /** For `number` questions. */
  min?: number;
  max?: number;
  /** True for a question the resident may skip (a contribution exemption's); absent otherwise. */
  optional?: true;
}

// ---------------------------------------------------------------- package

export type VersionStatus = 'concept' | 'vastgesteld' | (string & {});

export interface Municipality {
  id: string;
  name: string;
  how_to_apply: string | null;
  url: string | null;
}

export interface Topic {
  id: string;
  title: string;
}

export interface PackageVersion {
  version: string;
  valid_from: string;
  valid_until: string | null;
  status: VersionStatus;
  /** Number of provisional numbers (values and table cells). */
  provisional_numbers: number;
  areas: Topic[];
}

/** `engine.package`: the package's metadata. */
export interface PackageInfo {
  id: string;
  title: string;
  description: string | null;
  fingerprint: string;
  municipalities: Municipality[];
  topics: Topic[];
  versions: PackageVersion[];
}

// ---------------------------------------------------------------- indication

/** Whole minutes, never rounded down. A period is four weeks. */
export interface Figures {
  minutes_per_week: number;
  minutes_per_period: number;
  minutes_per_year: number;
  /** What a resident is shown: minutes per week rounded up to the quarter hour (never down). */
  display_minutes_per_week: number;
}

export interface IndicationPackage {
  id: string;
  title: string;
  version: string;
  status: VersionStatus;
  municipality: string | null;
  /** The municipality whose overlay was applied. */
  overlay: string | null;
  /** Fingerprint of the package as applied (with its overlay). */
  fingerprint: string;
  /** Fingerprint of the shared base, when an overlay was applied. */
  base_fingerprint: string | null;
}

export interface PackageVersionRef {
  id: string;
  version: string;
  fingerprint: string;
}

/** Set when a transition rule (overgangsrecht) sent the client to an earlier norm. */
export interface Transition {
  from: PackageVersionRef;
  started: string;
  started_before: string;
  reason: string;
}

export interface AreaResult extends Figures {
  id: string;
  title: string;
}

export interface Money {
  /** `per_hour` / `per_period` for tariffs, `month` / `period` / `year` for contributions. */
  per: 'per_hour' | 'per_period' | 'month' | 'period' | 'year';
  /** The tariff as listed (a class tariff: the class's own amount, before basis points and floor). */
  cents: number;
  label: string;
  /** Tariffs: discount (negative) or surcharge in basis points; absent for none. */
  basis_points?: number;
  /** Period tariffs: the floor per indicated hour; absent for none. */
  floor_cents_per_hour?: number;
  /** Why the amount is provisional, when it is. */
  provisional?: string;
}

/** A Resultatenmatrix class: the band of minutes per week it covers. */
export interface CostClass {
  id: string;
  label: string;
  from_minutes_per_week: number;
  /** Null for the open top class. */
  to_minutes_per_week: number | null;
}

/** The resident's contribution in its own unit, plus per year. */
export interface Contribution extends Money {
  /** For the calendar year of the date: a monthly contribution × 12, a four-weekly one × 13, a yearly one as is; 0 when an exemption applies. */
  cents_per_year: number | null;
  /** The exemption that applies (the household pays no contribution); absent when none does. */
  exemption?: ContributionExemption;
}

/** A contribution exemption that applies, with its citation (a source, or a provisional reason). */
export interface ContributionExemption {
  id: string;
  /** B1 text: who pays no contribution. */
  label: string;
  document?: string;
  title?: string;
  locator?: string;
  provisional?: string;
}

export interface Cost {
  /** The Resultatenmatrix class of the displayed minutes per week; null without a class tariff or without help. */
  class: CostClass | null;
  /** From `evaluate`/`state`: frozen and shared (except a class tariff's; see `package`). */
  tariff: Readonly<Money> | null;
  /** Cost per four-week period in whole cents. */
  cents_per_period: number | null;
  /** Cost per year in whole cents (per-hour: from the exact minutes per year, rounded half up once). */
  cents_per_year: number | null;
  contribution: Contribution | null;
}

/** Unit of a cited number; `cents_per_period` is a Resultatenmatrix class's tariff (the `class` step). */
export type Unit = 'minutes_per_week' | 'hours_per_year' | 'minutes_per_year' | 'number' | 'cents_per_period';

/** Where a number comes from: a source document, or a provisional reason. */
export interface Citation {
  /** Name of the value or table. */
  name: string;
  label: string;
  /** The number as written in the package (absent for tables). */
  amount?: number;
  unit: Unit;
  document?: string;
  title?: string;
  locator?: string;
  provisional?: string;
}

export type StepKind = 'base' | 'surcharge' | 'reduction' | 'floor' | 'maximum' | 'transition' | 'class';

/** One step of the trace; amounts in exact minutes per year. */
export interface Step {
  /** Null for the step that records which norm applies (transition). */
  area: string | null;
  rule: string | null;
  kind: StepKind;
  label: string;
  condition: string | null;
  /** The answers the rule read, in question order. */
  answers: { [questionId: string]: Answer };
  count: number | null;
  unit_amount: number;
  change: number;
  total: number;
  /**
   * For a rule: frozen and shared by every indication of `evaluate`/`state`
   * that cites it (from the engine's template); copy it to change it.
   */
  sources: ReadonlyArray<Readonly<Citation>>;
}

export interface Warning {
  code:
    | 'concept'
    | 'provisional_version'
    | 'provisional'
    | 'provisional_money'
    | 'tariff_floor'
    | 'contribution_exemption'
    | 'standard_contribution'
    | 'not_encoded'
    | 'not_covered'
    | (string & {});
  message: string;
  /** The values, rules or areas the warning is about. */
  items: readonly string[];
}

export type SentenceKind = 'transition' | 'step' | 'area' | 'total' | 'note';

/** One plain-Dutch (B1) sentence, tied to what it explains. */
export interface Sentence {
  kind: SentenceKind;
  /** Index into `trace` of the step this sentence explains (kinds `transition` and `step`). */
  step: number | null;
  /** Id of the area the sentence is about (kinds `step` and `area`). */
  area: string | null;
  text: string;
}

/** The version of the JSON contract described here; the first key of an indication. */
export const CONTRACT_VERSION: 2;

/** The indication: exactly the JSON of `urenwijzer eval --format json`. */
export interface Indication {
  contract: 2;
  /**
   * Frozen and shared by every indication of this engine, municipality and
   * version (from the engine's template, docs/browser-api.md); so are a
   * rule step's `sources`, `engine` and the warnings that depend only on
   * the version (`concept`, `provisional_version`, `not_encoded`,
   * `not_covered`). Copy to change. (The site module, `MODULE === 'site'`,
   * parses the JSON text instead: there every part is new for each call.)
   */
  package: Readonly<IndicationPackage>;
  /** The date whose norm was applied. */
  date: string;
  engine: Readonly<{ name: string; version: string }>;
  transition: Transition | null;
  total: Figures;
  areas: AreaResult[];
  cost: Cost | null;
  /** Empty with `trace: false`. */
  trace: Step[];
  /** Plain-Dutch sentences tied to trace steps and areas; empty with `trace: false`. */
  explanation: Sentence[];
  /** Those that depend only on the version are frozen and shared (see `package`). */
  warnings: Readonly<Warning>[];
}

// ---------------------------------------------------------------- form state

/** An asked question and the topic (step) it belongs to. */
export interface AskedQuestion {
  id: string;
  topic: string;
  /** True for a question the resident may skip (never in `missing`); absent otherwise. */
  optional?: true;
}

/**
 * What a form shows after each answer (docs/json-contract.md, "Form state"):
 * the same bytes as `urenwijzer state`.
 */
export interface FormState {
  /** The questions asked now, in the order a form shows them. */
  asked: AskedQuestion[];
  /** The answers kept: those to asked questions (valid or not); answers to questions that are not asked are dropped. */
  answers: { [questionId: string]: unknown };
  /** Ids of asked questions without an answer. */
  missing: string[];
  /** Every problem, with `question` where it concerns one (missing answers included). */
  problems: ErrorObject[];
  /** True when there are no problems and `indication` is set. */
  complete: boolean;
  /** The indication when complete, else null. */
  indication: Indication | null;
}

// ---------------------------------------------------------------- engine

/** The bundled package document (`urenwijzer bundle`), parsed. */
export type PackageDocument = { readonly [key: string]: unknown };

/** A loaded norm package. Create after init()/initSync(). */
/** Options of `figures`: as for `evaluate`, without `trace`. */
export interface FiguresOptions {
  date?: DateInput;
  municipality?: string | null;
}

/** One amount as the indication shows it (the keys of `Indication['total']`). */
export interface FigureMinutes {
  minutes_per_week: number;
  minutes_per_period: number;
  minutes_per_year: number;
  display_minutes_per_week: number;
}

/** The numbers of an indication (`engine.figures`); the same values as `evaluate`'s. */
export interface IndicationFigures {
  total: FigureMinutes;
  /** In the order of the indication's `areas`. */
  areas: FigureMinutes[];
  /** `cost.cents_per_period`; null where the indication has null or no cost. */
  cents_per_period: number | null;
  cents_per_year: number | null;
  /** `cost.contribution.cents_per_year`; null where there is none. */
  contribution_cents_per_year: number | null;
  /** Index of `cost.class` in the applied tariff's classes; null without a class. */
  class: number | null;
  /** How many warnings the indication has. */
  warnings: number;
  /** A transition rule applied (the indication's `transition` is not null). */
  transition: boolean;
}

/** The flat figures of `figuresArray` (`flat[at..end]`, default all of it) as the object `figures` returns. */
export function figuresObject(flat: Float64Array, at?: number, end?: number): IndicationFigures;

/** Options of `new Engine`. */
export interface EngineOptions {
  /** Load a source document without `fingerprint` too (default false: only bundles load). */
  plainDocument?: boolean;
}

/** The compiled-bundle format this build reads (a compiled bundle of another format gives `bundle_version`). */
export function compiledFormat(): number;

export class Engine {
  /**
   * @param pkg the bundled package document, as an object or as JSON text;
   * its fingerprint must be present and match. Throws UrenwijzerError
   * (`invalid_package`, `missing_fingerprint`, …). Bytes (a Uint8Array or
   * ArrayBuffer) are a compiled bundle, as for `Engine.fromCompiled`.
   * A document (object or text): tools module only; the resident module takes bytes only.
   */
  constructor(pkg: PackageDocument | string | Uint8Array | ArrayBuffer, options?: EngineOptions);
  /**
   * Loads a compiled bundle (`<id>.uwb` of `urenwijzer bundle`). Throws
   * UrenwijzerError `bundle_version` (another format; the message names both),
   * `bundle_hash` (damaged or changed) or `invalid_bundle`.
   */
  static fromCompiled(bytes: Uint8Array | ArrayBuffer): Engine;
  /**
   * `fromCompiled`, with the body's sha256 computed by the browser's Web
   * Crypto (native, ≈ 1 ms for h4's 121 KB where the module takes ≈ 9 ms on
   * its first call); the same checks, errors and engine. Without Web Crypto
   * (no secure context) the same as `fromCompiled`. What the site and the
   * widget use.
   */
  static loadCompiled(bytes: Uint8Array | ArrayBuffer): Promise<Engine>;
  /** The package's `sha256:` fingerprint. */
  readonly fingerprint: string;
  /** The package's metadata (frozen). */
  readonly package: Readonly<PackageInfo>;
  /** The questions in order (a new array each call). */
  questions(): Question[];
  /** Ids of the questions asked given (partial) answers: a form shows exactly these. */
  asked(answers: Answers, options?: AskedOptions): string[];
  /**
   * The form state of (partial) answers: asked questions with topics, kept
   * answers, missing ones, problems per question, and the indication when
   * complete. Takes any values. Throws only for a bad `date`.
   */
  state(answers: { readonly [questionId: string]: unknown }, options?: EvaluateOptions): FormState;
  /** The form state as canonical JSON text (what `urenwijzer state` prints). */
  stateToJson(answers: { readonly [questionId: string]: unknown }, options?: EvaluateOptions): string;
  /** The indication. Throws UrenwijzerError when the answers are refused. */
  evaluate(answers: Answers, options?: EvaluateOptions): Indication;
  /** The indication as canonical JSON text (what `JSON.stringify(evaluate(...))` gives). */
  evaluateToJson(answers: Answers, options?: EvaluateOptions): string;
  /**
   * Figures only, for bulk use: the numbers of the indication `evaluate`
   * gives for the same answers and options, without texts. Same checks and
   * errors as `evaluate`. Not in the site module.
   */
  figures(answers: Answers, options?: FiguresOptions): IndicationFigures;
  /**
   * As `figures`, flat: [0..3] total minutes per week, per period, per year,
   * displayed per week; [4] cents per period, [5] cents per year, [6]
   * contribution cents per year (NaN for none); [7] class index (−1 for
   * none); [8] number of warnings; [9] transition (1 or 0); then per area,
   * from [10], four numbers as [0..3]. Not in the site module.
   */
  figuresArray(answers: Answers, options?: FiguresOptions): Float64Array;
  /**
   * Every problem with the answers, without evaluating; empty when they are
   * complete and valid. Takes any values, since finding wrong ones is its job.
   */
  validate(answers: { readonly [questionId: string]: unknown }, options?: AskedOptions): ErrorObject[];
  /** The omgekeerd-toewijzen steps under this package's procedure (its municipality's overlay when given). Not in the site module. */
  plan(dates: PlanDates, options?: { municipality?: string | null }): PlanSteps;
  /** The pilot report with this package (its procedure; records with its fingerprint recomputed). Tools module only. */
  pilot(files: readonly PilotFile[], options?: PilotOptions): PilotResult;
  /** Frees the engine's memory now rather than at garbage collection (also `[Symbol.dispose]`). */
  free(): void;
}

// ---------------------------------------------------------------- plan

/** The dates a provider enters; only the decision is required. */
export interface PlanDates {
  decision: DateInput;
  conversation?: DateInput | null;
  start?: DateInput | null;
  evaluation?: DateInput | null;
}

export interface ProcedurePeriod {
  amount: number;
  unit: 'working_days' | 'days';
}

/** The procedure entry that applied: cited (`document`, `locator`) or `provisional`. */
export interface ProcedureEntry {
  valid_from: string;
  conversation_within: ProcedurePeriod;
  start_within: ProcedurePeriod;
  evaluation_from: ProcedurePeriod;
  evaluation_until: ProcedurePeriod;
  document?: string;
  locator?: string;
  provisional?: string;
}

export interface PlanStep {
  id: 'decision' | 'conversation' | 'start' | 'evaluation' | 'final';
  /** Who decides or acts: `gemeente`, `aanbieder en inwoner`, `aanbieder`. */
  who: string;
  /** Plain Dutch, with the deadline or window. */
  text: string;
  date: string | null;
}

/** The motion's five steps with their deadlines (`urenwijzer plan --decision … --format json`). */
export interface PlanSteps {
  procedure: ProcedureEntry;
  decision: string;
  conversation_deadline: string;
  conversation: string | null;
  conversation_working_days: number | null;
  conversation_late: boolean | null;
  start_deadline: string | null;
  start: string | null;
  start_working_days: number | null;
  start_late: boolean | null;
  evaluation_from: string | null;
  evaluation_until: string | null;
  evaluation: string | null;
  evaluation_working_days: number | null;
  evaluation_in_window: boolean | null;
  steps: PlanStep[];
  warnings: { code: 'conversation_late' | 'start_late' | 'evaluation_outside_window'; message: string }[];
}

/**
 * The steps with the motion's defaults (no package). Throws UrenwijzerError
 * `invalid_date`, `missing_plan_date`, `conversation_before_decision`,
 * `start_before_conversation`, `evaluation_before_start`, `date_out_of_range`.
 * Not in the site module.
 */
export function planSteps(dates: PlanDates): PlanSteps;

// ---------------------------------------------------------------- pilot

export interface PilotFile {
  name: string;
  /** The record file's text (JSON, record format 1 or 2). */
  text: string;
}

export interface PilotOptions {
  /** Include free-text reasons for changed answers (never for fewer than 5 residents). */
  reasons?: boolean;
}

export interface PilotResult {
  /** `summary.json` parsed (see docs/widget.md, the pilot report). */
  summary: { format: 'urenwijzer-pilot/1'; files: number; unreadable: { file: string; code: string; reason: string }[]; groups: unknown[] };
  /** The exact text `urenwijzer pilot` writes to summary.json. */
  summaryJson: string;
  /** The self-contained report.html. */
  html: string;
}

/** The pilot report without a package (the motion's deadlines, nothing recomputed). Tools module only. */
export function pilotReport(files: readonly PilotFile[], options?: PilotOptions): PilotResult;

// ---------------------------------------------------------------- impact

/** A file of a norm package: its path with folders (`haarlem-2021/overlays/x.json`) and its bytes. */
export interface ImpactFile {
  path: string;
  bytes: Uint8Array;
}

export interface ImpactOptions {
  /** Date for households without one (default today). */
  date?: DateInput;
  /** Fixed date for the old norm (one package on two dates). */
  oldDate?: string | Date | null;
  /** Fixed date for the new norm. */
  newDate?: string | Date | null;
  /** Municipality for households without one. */
  municipality?: string | null;
  /** The new norm for everyone, ignoring its transition rule. */
  reassessAll?: boolean;
  /** Extrapolate the compared households to this many. */
  scaleTo?: number | null;
}

export interface ImpactInput {
  /** The old norm's files (a package folder, or one bundled package). */
  old: readonly ImpactFile[];
  /** The new norm's files; empty: the old package on two dates. */
  new?: readonly ImpactFile[];
  /** The caseload: CSV or JSON Lines, as bytes. */
  caseload: Uint8Array;
  options?: ImpactOptions;
  /** Called now and then: households done, bytes of the caseload read. */
  onProgress?: (households: number, bytesRead: number) => void;
}

export interface ImpactResult {
  /** `summary.json` parsed (docs/impact.md). */
  summary: { households: number; compared: number; refused: number; higher: number; lower: number; equal: number; [key: string]: unknown };
  /** The exact bytes of `urenwijzer impact`'s summary.json, report.html and households.csv. */
  summaryJson: string;
  html: string;
  householdsCsv: string;
}

/**
 * The caseload impact report, as `urenwijzer impact`. Throws UrenwijzerError
 * (`invalid_caseload`, `invalid_package`, `invalid_date`, ...); a household
 * that is refused keeps its row with the code instead. Tools module only.
 */
export function impactReport(input: ImpactInput): ImpactResult;

/** Throws UrenwijzerError `bsn_in_reference` for a reference holding a BSN-like number. Not in the site module. */
export function checkDossierReference(reference: string): void;

/** A provider's record as `readRecord` returns it. */
export interface ReadRecord {
  /** The record in format 2 (`urenwijzer-omgekeerd-toewijzen/2`); see docs/widget.md. */
  record: Record<string, unknown> & { format: 'urenwijzer-omgekeerd-toewijzen/2' };
  /** 1 when a format-1 record was migrated (intake taken as the conversation, no decision date), else null. */
  migrated_from: 1 | null;
}

/**
 * Opens a record (JSON text or object) as the widget restores it: checked by the core
 * (UrenwijzerError `invalid_record`, `bsn_in_reference`); format 1 is migrated to format 2.
 * Not in the site module.
 */
export function readRecord(input: string | object): ReadRecord;

// ---------------------------------------------------------------- check

export interface Lint {
  code: 'rule_never_applies' | 'unused_value' | 'unused_table' | 'provisional_numbers' | 'unused_question' | (string & {});
  /** The package element. */
  path: string;
  message: string;
}

export interface CaseReport {
  name: string;
  description: string;
  ok: boolean;
  /** Plain-Dutch mismatches; empty when the case passes. */
  problems: string[];
}

/** What `urenwijzer check` and `urenwijzer test` report, as one object. */
export interface CheckReport {
  /** The package loads and every case passes. */
  ok: boolean;
  /** Why the package does not load. */
  error: ErrorObject | null;
  package: PackageInfo | null;
  lints: Lint[];
  cases: CaseReport[];
}

/**
 * Checks a package document (object or JSON text) and runs its cases
 * (name → case document, or an array of [name, case]). Tools module only.
 */
export function checkPackage(
  document: PackageDocument | string,
  cases?: { readonly [name: string]: unknown } | ReadonlyArray<readonly [string, unknown]>,
): CheckReport;

/** One file for `checkFiles` / `classifyFiles`: its path with folders, and its content (bytes preferred, so invalid UTF-8 is seen). */
export type InputFile =
  | { path: string; bytes: Uint8Array | ArrayBuffer }
  | { path: string; text: string }
  | readonly [string, Uint8Array | ArrayBuffer | string];

/** What a file is, as the core reads it. */
export interface FileInfo {
  path: string;
  name: string;
  kind: 'package' | 'overlay' | 'case' | 'invalid' | 'unknown' | 'skipped';
  id?: string;
  title?: string;
  base?: string;
  municipality?: string;
  /** A bundle: carries its fingerprint, overlays and linked packages. */
  bundled: boolean;
  /** Why the file does not read (`kind` is `invalid`). */
  error?: ErrorObject;
}

/** One package checked by `checkFiles`: the files that went into it (paths) and the check. */
export interface PackageFilesReport {
  id: string | null;
  path: string;
  bundled: boolean;
  overlays: string[];
  ignored_overlays: string[];
  linked: string[];
  /** Ids named by transition rules that are not among the files. */
  missing: string[];
  case_files: string[];
  overlay_municipalities: string[];
  linked_ids: string[];
  has_municipal_choices: boolean;
  check: CheckReport;
}

export interface FilesReport {
  files: FileInfo[];
  reports: PackageFilesReport[];
  /** Overlays and cases that belong to no package, with the reason (Dutch). */
  unplaced: { path: string; reason: string }[];
  /** Package files not used: an earlier one has the same id. */
  duplicates: string[];
}

/** Assembles packages from their files as the CLI does (overlays, linked packages, cases) and checks each. Tools module only. */
export function checkFiles(files: ReadonlyArray<InputFile>): FilesReport;

/** What each file is. Tools module only. */
export function classifyFiles(files: ReadonlyArray<InputFile>): FileInfo[];

/** @internal Test hooks; not part of the API. */
export const __testing: {
  /** Makes the module abort the way a Rust panic would; throws an `internal` UrenwijzerError. */
  panic(): never;
  /** How many times the instance has been replaced after an abort. */
  readonly generation: number;
  /** Whether `evaluate` and `figures` try the answers as numbers first (set false: always JSON text). */
  slots: boolean;
  /** Size of the module's linear memory in bytes. */
  readonly memoryBytes: number;
};
