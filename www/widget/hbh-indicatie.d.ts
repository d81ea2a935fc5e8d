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

/** The dates of omgekeerd toewijzen, from the rules core (`urenwijzer plan --format json`). */
export interface Plan {
  intake: string;
  start: string;
  start_deadline: string;
  start_working_days: number;
  start_late: boolean;
  evaluation_from: string;
  evaluation_until: string;
  warnings: string[];
  evaluation: string | null;
  evaluation_in_window: boolean | null;
}

/** The provider's record (export format `urenwijzer-omgekeerd-toewijzen/1`). */
export interface ProviderRecord {
  format: 'urenwijzer-omgekeerd-toewijzen/1';
  created_with: { name: 'hbh-indicatie'; version: string };
  saved_at: string;
  package: { id: string; title: string; fingerprint: string; municipality: string | null; version_initial: string | null; version_final: string | null; url: string | null };
  intake: string | null;
  start: string | null;
  evaluation: string | null;
  plan: Plan | null;
  initial: { date: string; answers: Answers; indication: Indication | null } | null;
  changes: Array<{ question: string; label: string; before: unknown; after: unknown; reason: string }>;
  final: { date: string | null; answers: Answers; indication: Indication | null } | null;
  complete: boolean;
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
  /** Prefill answers; in provider mode the intake answers, or {phase: 'evaluation'}. */
  setAnswers(answers: Answers, options?: { phase?: 'intake' | 'evaluation' }): void;
  getAnswers(): Answers | { intake: Answers; evaluation: Answers };
  /** Provider mode: intake, start and evaluation dates (YYYY-MM-DD; null clears). */
  setDates(dates: { intake?: string | null; start?: string | null; evaluation?: string | null }): void;
  exportRecord(): ProviderRecord | null;
  importRecord(record: ProviderRecord | string): void;
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
