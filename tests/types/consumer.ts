// A small TypeScript consumer of the browser build: type-checked with
// `tsc --noEmit -p tests/types` (scripts/test-wasm.sh), never run.
import {
  init,
  initSync,
  Engine,
  UrenwijzerError,
  errorObject,
  planSteps,
  readRecord,
  checkPackage,
  impactReport,
  type ImpactResult,
  type Answers,
  type ErrorCode,
  type ErrorObject,
  type FormState,
  type AskedQuestion,
  type Indication,
  type Question,
  type Step,
  type Sentence,
  type CheckReport,
  CONTRACT_VERSION,
} from '../../www/pkg/urenwijzer.js';

export async function render(bundleUrl: string): Promise<string> {
  await init();
  const engine = new Engine(await (await fetch(bundleUrl)).text());
  const questions: Question[] = engine.questions();
  const answers: Record<string, boolean | number | string> = {};
  for (const q of questions) {
    switch (q.type) {
      case 'yes_no':
        answers[q.id] = false;
        break;
      case 'choice':
        answers[q.id] = q.options?.[0]?.id ?? '';
        break;
      case 'number':
        answers[q.id] = q.min ?? 0;
        break;
      case 'date':
        answers[q.id] = '2024-01-01';
        break;
    }
  }
  const shown: string[] = engine.asked(answers, { date: new Date() });
  const problems: ErrorObject[] = engine.validate(answers);
  const form: FormState = engine.state(answers, { date: '2024-06-01' });
  const steps: string[] = form.asked.map((q: AskedQuestion) => `${q.topic}/${q.id}`);
  const done: boolean = form.complete && form.indication !== null && form.missing.length === 0 && steps.length >= 0;
  if (done) console.log(engine.stateToJson(answers));
  for (const p of problems) {
    const code: ErrorCode = p.code;
    if (p.question !== undefined && shown.includes(p.question)) console.log(code, p.message);
  }
  try {
    const ind: Indication = engine.evaluate(answers, { date: '2024-06-01', municipality: null });
    const week: number = ind.total.minutes_per_week;
    const steps: Step[] = ind.trace;
    const sources = steps.flatMap((s) => s.sources.map((c) => c.document ?? c.provisional ?? ''));
    const cents: number | null = ind.cost?.cents_per_period ?? null;
    const perYear: number | null = (ind.cost?.cents_per_year ?? 0) + (ind.cost?.contribution?.cents_per_year ?? 0);
    const shownWeek: number = ind.total.display_minutes_per_week;
    const version: 2 = ind.contract === CONTRACT_VERSION ? ind.contract : 2;
    // Sentences pair with trace steps by index, never by counting.
    const explained: Sentence[] = ind.explanation.filter((s) => s.kind === 'step' && s.step !== null);
    const labels = explained.map((s) => (s.step === null ? '' : (ind.trace[s.step]?.label ?? '')));
    const from: string | undefined = ind.transition?.from.id;
    const fingerprint: string = ind.package.fingerprint === engine.fingerprint ? engine.package.fingerprint : '';
    return `${version} ${week} ${shownWeek} ${perYear} ${labels.join()} ${sources.length} ${cents} ${from} ${fingerprint} ${ind.explanation.map((s) => s.text).join(' ')}`;
  } catch (e) {
    if (e instanceof UrenwijzerError) {
      const o: ErrorObject = errorObject(e);
      const where: string = `${e.line ?? ''}:${e.column ?? ''} ${e.detail ?? ''}`;
      return `${e.code} ${e.question ?? ''} ${e.path ?? ''} ${where} ${JSON.stringify(o)}`;
    }
    throw e;
  } finally {
    engine.free();
  }
}

export function sync(bytes: Uint8Array, bundle: object): number {
  initSync(bytes);
  const engine = new Engine(bundle as Record<string, unknown>);
  const a: Answers = { eigen_mogelijkheden: true, extra_kamers_in_gebruik: 2, beperkingen: 'veel' };
  const text: string = engine.evaluateToJson(a, { trace: false });
  const p = planSteps({ decision: '2024-01-01', conversation: new Date(), start: null });
  const late: boolean = p.conversation_late === true;
  const migrated: 1 | null = readRecord('{}').migrated_from;
  const report: CheckReport = checkPackage(bundle as Record<string, unknown>, [['a.json', {}]]);
  const plain = new Engine(JSON.stringify(bundle), { plainDocument: true });
  plain.free();
  return text.length + (late ? 1 : 0) + (migrated ?? 0) + report.cases.length;
}

// Misuse is a type error.
export function misuse(engine: Engine): void {
  // @ts-expect-error answers are booleans, numbers or strings
  engine.evaluate({ beperkingen: { id: 'veel' } });
  // @ts-expect-error trace is a boolean
  engine.evaluate({}, { trace: 'ja' });
  // @ts-expect-error no such property on an indication
  engine.evaluate({}).totaal;
  // @ts-expect-error the fingerprint is read-only
  engine.fingerprint = 'x';
  // @ts-expect-error codes are a closed set
  const code: ErrorCode = 'bestaat_niet';
  void code;
  // @ts-expect-error explanation entries are sentences, not strings
  const sentence: string = engine.evaluate({}).explanation[0];
  void sentence;
  // @ts-expect-error a sentence kind is a closed set
  const kind: Sentence['kind'] = 'regel';
  void kind;
}

export function impact(old: Uint8Array, caseload: Uint8Array): number {
  const result: ImpactResult = impactReport({
    old: [{ path: 'kpmg-2019/package.json', bytes: old }],
    caseload,
    options: { oldDate: '2024-01-01', newDate: new Date(), reassessAll: false, scaleTo: 1000 },
    onProgress: (households: number, bytesRead: number) => void [households, bytesRead],
  });
  const caseloadCode: ErrorCode = 'invalid_caseload';
  void caseloadCode;
  // @ts-expect-error the caseload is bytes
  impactReport({ old: [], caseload: 'id\n' });
  return result.summary.households + result.householdsCsv.length;
}
