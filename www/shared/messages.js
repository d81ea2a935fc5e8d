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
    missing_fingerprint: 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.',
    other: 'Er ging iets mis. Probeer het nog een keer.',
  },
  date: {
    invalid_date: 'Dit is geen geldige datum.',
    start_before_intake: 'De startdatum ligt vóór de intake. Kies een latere startdatum.',
    evaluation_before_start: 'De evaluatie ligt vóór de start. Kies een latere datum.',
    conversation_before_decision: 'Het gesprek ligt vóór het besluit van de gemeente. Kies een latere datum.',
    start_before_conversation: 'De start ligt vóór het gesprek. Kies een latere startdatum.',
    missing_plan_date: 'Vul eerst de datum van de vorige stap in.',
    date_out_of_range: 'Met deze datum kan niet worden gerekend. Kies een andere datum.',
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
    missing_fingerprint: 'The rules of this municipality could not be loaded. Please try again later.',
    other: 'Something went wrong. Please try again.',
  },
  date: {
    invalid_date: 'This is not a valid date.',
    start_before_intake: 'The start date is before the intake. Choose a later start date.',
    evaluation_before_start: 'The evaluation is before the start. Choose a later date.',
    conversation_before_decision: "The conversation is before the municipality's decision. Choose a later date.",
    start_before_conversation: 'The start is before the conversation. Choose a later start date.',
    missing_plan_date: 'First enter the date of the previous step.',
    date_out_of_range: 'This date cannot be used. Choose another date.',
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

/** A message at a date field of the provider flow (the plan's codes: invalid_date, start_before_intake, evaluation_before_start). */
export function dateMessage(error, lang = 'nl') {
  const date = texts(lang).date;
  return date[error?.code] ?? date.invalid_date;
}
