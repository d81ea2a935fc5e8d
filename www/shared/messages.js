// What people read when the engine refuses something: one message per error
// code (docs/errors.md), in Dutch (B1) and English, shared by the site and the
// widget. The engine's own messages name question ids and are meant for
// developers and policy staff; residents and providers see these instead.
// Never put a question id in a message here.

const nl = {
  missing: {
    number: 'Vul een aantal in. Is het er geen? Vul dan 0 in.',
    date: 'Vul een datum in: dag, maand en jaar.',
    yes_no: 'Kies Ja of Nee.',
    other: 'Kies een antwoord.',
  },
  range: (min, max) => `Vul een getal in van ${min} tot en met ${max}.`,
  rangeUnknown: 'Dit getal is te groot of te klein.',
  wrongType: {
    number: 'Vul een heel getal in, zonder komma of letters. Bijvoorbeeld: 2.',
    yes_no: 'Kies Ja of Nee.',
    date: 'Vul een datum in met cijfers: dag, maand en jaar.',
    other: 'Kies een antwoord.',
  },
  notAnOption: 'Kies een van de antwoorden.',
  invalidDate: 'Deze datum bestaat niet. Vul de dag, de maand en het jaar in met cijfers. Bijvoorbeeld: 15 3 2020.',
  notAsked: 'Deze vraag hoort niet bij uw situatie.',
  fieldOther: 'Dit antwoord klopt niet. Controleer het en probeer het opnieuw.',
  page: {
    no_version_for_date: 'Voor vandaag heeft deze gemeente nog geen geldige regels in de zelftest. Neem contact op met de gemeente.',
    unknown_municipality: 'Deze gemeente hoort niet bij deze regels. Kies uw gemeente opnieuw.',
    internal: 'Er ging iets mis bij het rekenen. Probeer het nog een keer.',
    invalid_package: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    invalid_expression: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    invalid_tariff_classes: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    invalid_exemption: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    missing_fingerprint: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    bundle_version:
      'De regels van deze gemeente zijn opgeslagen in een vorm die deze pagina niet kan lezen. Laad de pagina opnieuw; helpt dat niet, probeer het later nog eens.',
    bundle_hash: 'De regels van deze gemeente zijn beschadigd aangekomen. Laad de pagina opnieuw.',
    invalid_bundle: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    other: 'Er ging iets mis. Probeer het nog een keer.',
  },
  date: {
    invalid_date: 'Dit is geen geldige datum.',
    evaluation_before_start: 'De evaluatie ligt vóór de start. Kies een latere datum.',
    conversation_before_decision: 'Het gesprek ligt vóór het besluit van de gemeente. Kies een latere datum.',
    start_before_conversation: 'De start ligt vóór het gesprek. Kies een latere startdatum.',
    missing_plan_date: 'Vul eerst de datum van de vorige stap in.',
    date_out_of_range: 'Met deze datum kan niet worden gerekend. Kies een andere datum.',
    no_procedure_for_date: 'Voor deze datum staan er geen termijnen in de regels van de gemeente. Kies een latere datum.',
    unknown_municipality: 'Deze gemeente hoort niet bij deze regels. Kies de gemeente opnieuw.',
  },
  // Fields of the provider's record, checked by the core (pilot::record): by code, and by field for invalid_record.
  record: {
    bsn_in_reference:
      'Dit kenmerk bevat een nummer dat een burgerservicenummer (BSN) kan zijn. Gebruik nooit een BSN. Kies een eigen kenmerk met letters ervoor en een korter nummer. Bijvoorbeeld: HH-2026-0042.',
    'provider.agb': 'Een AGB-code heeft 8 cijfers. Laat het veld leeg als u de code niet weet.',
    postcode: 'Vul alleen de 4 cijfers van de postcode in. Bijvoorbeeld: 2031.',
    other: 'Deze tekst kan niet worden opgeslagen. Maak hem korter (hoogstens 500 tekens).',
  },
};

const en = {
  missing: {
    number: 'Enter a number. Is it none? Then enter 0.',
    date: 'Enter a date: day, month and year.',
    yes_no: 'Choose Yes or No.',
    other: 'Choose an answer.',
  },
  range: (min, max) => `Enter a number from ${min} up to and including ${max}.`,
  rangeUnknown: 'This number is too large or too small.',
  wrongType: {
    number: 'Enter a whole number, without a comma or letters. For example: 2.',
    yes_no: 'Choose Yes or No.',
    date: 'Enter a date in figures: day, month and year.',
    other: 'Choose an answer.',
  },
  notAnOption: 'Choose one of the answers.',
  invalidDate: 'This date does not exist. Enter the day, the month and the year in figures. For example: 15 3 2020.',
  notAsked: 'This question does not apply to your situation.',
  fieldOther: 'This answer is not right. Check it and try again.',
  page: {
    no_version_for_date: 'For today this municipality has no valid rules yet. Please contact the municipality.',
    unknown_municipality: 'This municipality does not belong to these rules. Choose your municipality again.',
    internal: 'Something went wrong while calculating. Please try again.',
    invalid_package: 'The rules of this municipality could not be loaded. Please try again later.',
    invalid_expression: 'The rules of this municipality could not be loaded. Please try again later.',
    invalid_tariff_classes: 'The rules of this municipality could not be loaded. Please try again later.',
    invalid_exemption: 'The rules of this municipality could not be loaded. Please try again later.',
    missing_fingerprint: 'The rules of this municipality could not be loaded. Please try again later.',
    bundle_version:
      'The rules of this municipality are stored in a form this page cannot read. Reload the page; if that does not help, please try again later.',
    bundle_hash: 'The rules of this municipality arrived damaged. Reload the page.',
    invalid_bundle: 'The rules of this municipality could not be loaded. Please try again later.',
    other: 'Something went wrong. Please try again.',
  },
  date: {
    invalid_date: 'This is not a valid date.',
    evaluation_before_start: 'The evaluation is before the start. Choose a later date.',
    conversation_before_decision: "The conversation is before the municipality's decision. Choose a later date.",
    start_before_conversation: 'The start is before the conversation. Choose a later start date.',
    missing_plan_date: 'First enter the date of the previous step.',
    date_out_of_range: 'This date cannot be used. Choose another date.',
    no_procedure_for_date: "The municipality's rules have no deadlines for this date. Choose a later date.",
    unknown_municipality: 'This municipality does not belong to these rules. Choose the municipality again.',
  },
  record: {
    bsn_in_reference:
      'This reference holds a number that may be a citizen service number (BSN). Never use a BSN. Choose your own reference with letters in front and a shorter number. For example: HH-2026-0042.',
    'provider.agb': 'An AGB code has 8 digits. Leave the field empty if you do not know the code.',
    postcode: 'Enter only the 4 digits of the postcode. For example: 2031.',
    other: 'This text cannot be saved. Make it shorter (at most 500 characters).',
  },
};

const TEXTS = { nl, en };
const texts = (lang) => TEXTS[lang] ?? nl;
const byType = (table, type) => table[type] ?? table.other;

/** The message at a question for an engine error object {code, message, question?}. */
export function fieldMessage(error, question, lang = 'nl') {
  const m = texts(lang);
  const type = question?.type;
  switch (error?.code) {
    case 'missing_answer':
      return byType(m.missing, type);
    case 'out_of_range':
      if (question && Number.isInteger(question.min) && Number.isInteger(question.max)) return m.range(question.min, question.max);
      return m.rangeUnknown;
    case 'wrong_type':
      return byType(m.wrongType, type);
    case 'not_an_option':
      return m.notAnOption;
    case 'invalid_date':
      return m.invalidDate;
    case 'not_asked':
    case 'unknown_question':
      return m.notAsked;
    default:
      return m.fieldOther;
  }
}

/** A message for an error that is not about one answer (loading, municipality, date of the rules). */
export function pageMessage(error, lang = 'nl') {
  const page = texts(lang).page;
  return page[error?.code] ?? page.other;
}

/** A message at a date field of the provider flow (the plan's codes: invalid_date, conversation_before_decision, …). */
export function dateMessage(error, lang = 'nl') {
  const date = texts(lang).date;
  return date[error?.code] ?? date.invalid_date;
}

/**
 * A message at a field of the provider's record, for the core's refusal
 * (`bsn_in_reference`, or `invalid_record` with the field as `field`).
 */
export function recordMessage(error, field, lang = 'nl') {
  const record = texts(lang).record;
  if (error?.code === 'bsn_in_reference') return record.bsn_in_reference;
  return record[field] ?? record.other;
}
