// Types of <hbh-indicatie> (www/dist/widget/<version>/hbh-indicatie.js).
// The indication is the rules core's JSON contract (docs/json-contract.md);
// its full type is `Indication` in the browser build's urenwijzer.d.ts.

export type Mode = 'citizen' | 'provider' | 'consultant';

/** An answer: yes_no → boolean, number → integer, choice → option id, date → "YYYY-MM-DD". */
export type Answers = { [questionId: string]: boolean | number | string };

/** The canonical indication JSON (as `urenwijzer eval --format json`). */
export type Indication = {
  /** The JSON contract version (2). */
  contract: 2;
  package: { id: string; title: string; version: string; status: string; municipality: string | null; overlay: string | null; fingerprint: string; base_fingerprint: string | null };
  date: string;
  engine: { name: string; version: string };
  transition: unknown | null;
  total: { minutes_per_week: number; minutes_per_period: number; minutes_per_year: number; display_minutes_per_week: number };
  areas: Array<{ id: string; title: string; minutes_per_week: number; minutes_per_period: number; minutes_per_year: number; display_minutes_per_week: number }>;
  cost: unknown | null;
  trace: unknown[];
  /** Plain-Dutch sentences, each tied to the trace step (`step`, an index into `trace`) or area it explains. */
  explanation: Array<{ kind: 'transition' | 'step' | 'area' | 'total' | 'note'; step: number | null; area: string | null; text: string }>;
  warnings: Array<{ code: string; message: string; items: string[] }>;
  [key: string]: unknown;
};

/** A period of the procedure: `amount` working days or calendar days. */
export interface ProcedurePeriod {
  amount: number;
  unit: 'working_days' | 'days';
}

/**
 * The motion's five steps with their deadlines, from the rules core
 * (`engine.plan`; the same object as `urenwijzer plan PKG --decision … --format json`).
 */
export interface Plan {
  procedure: {
    valid_from: string;
    conversation_within: ProcedurePeriod;
    start_within: ProcedurePeriod;
    evaluation_from: ProcedurePeriod;
    evaluation_until: ProcedurePeriod;
    document?: string;
    locator?: string;
    provisional?: string;
  };
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
  steps: Array<{ id: 'decision' | 'conversation' | 'start' | 'evaluation' | 'final'; who: string; text: string; date: string | null }>;
  warnings: Array<{ code: 'conversation_late' | 'start_late' | 'evaluation_outside_window'; message: string }>;
}

/** The provider's record (format `urenwijzer-omgekeerd-toewijzen/2`; docs/widget.md). */
export interface ProviderRecord {
  format: 'urenwijzer-omgekeerd-toewijzen/2';
  created_with: { name: 'hbh-indicatie'; version: string };
  saved_at: string;
  /** Pseudonymous reference, never a BSN (the core refuses an 8/9-digit number passing the elfproef). */
  dossier: string | null;
  provider: { name: string | null; agb: string | null } | null;
  district: string | null;
  /** The four digits only. */
  postcode: string | null;
  package: { id: string; title: string; fingerprint: string; municipality: string | null; version_initial: string | null; version_final: string | null; url: string | null };
  decision: string | null;
  conversation: string | null;
  start: string | null;
  evaluation: string | null;
  plan: Plan | null;
  initial: { date: string; answers: Answers; indication: Indication | null } | null;
  changes: Array<{ question: string; label: string; before: unknown; after: unknown; reason: string }>;
  final: { date: string | null; answers: Answers; indication: Indication | null } | null;
  complete: boolean;
}

/** The dates of the steps (YYYY-MM-DD; null clears). */
export interface StepDates {
  decision?: string | null;
  conversation?: string | null;
  start?: string | null;
  evaluation?: string | null;
}

export interface Comparison {
  a: Indication;
  b: Indication;
  areas: Array<{ id: string; title: string; a: number | null; b: number | null; diff_per_week: number; diff_per_year: number }>;
  total: { a: number; b: number; diff_per_week: number; diff_per_year: number };
}

export declare const VERSION: string;

export declare class HbhIndicatie extends HTMLElement {
  /** Resolves when the package(s) are loaded and the form is shown (or the load error is shown). */
  readonly ready: Promise<void>;
  readonly error: Error | null;
  readonly version: string;
  /** The current indication (provider mode: the final one once known, else the first estimate), or null. */
  readonly indication: Indication | null;
  getIndication(): Indication | null;
  getComparison(): Comparison | null;
  /** Prefill answers; in provider mode the conversation's answers, or {phase: 'evaluation'}. */
  setAnswers(answers: Answers, options?: { phase?: 'conversation' | 'evaluation' }): void;
  getAnswers(): Answers | { conversation: Answers; evaluation: Answers };
  /** Provider mode: the dates of the steps. */
  setDates(dates: StepDates): void;
  exportRecord(): ProviderRecord | null;
  /**
   * Provider mode: restore a record (format 2, or format 1 which the core migrates). Throws
   * UrenwijzerError `invalid_record` / `bsn_in_reference` when the widget is ready.
   */
  importRecord(record: ProviderRecord | object | string): void;
  /** Provider mode: the printable summary as a standalone HTML document. */
  summaryHtml(): string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'hbh-indicatie': HbhIndicatie;
  }
  interface HTMLElementEventMap {
    /** detail: the indication JSON whenever it changes (null when it is no longer complete). */
    indicatie: CustomEvent<Indication | null>;
  }
}
