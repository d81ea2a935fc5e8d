// The engine's error codes (docs/errors.md) as plain Dutch at the field.
// The engine's own messages name question ids; residents see these instead.

/**
 * The message shown at a question for an engine error object
 * {code, message, question?}.
 */
export function fieldMessage(error, question) {
  const type = question?.type;
  switch (error.code) {
    case 'missing_answer':
      if (type === 'number') return 'Vul een aantal in. Is het er geen? Vul dan 0 in.';
      if (type === 'date') return 'Vul een datum in: dag, maand en jaar.';
      if (type === 'yes_no') return 'Kies Ja of Nee.';
      return 'Kies een antwoord.';
    case 'out_of_range':
      if (question && Number.isInteger(question.min) && Number.isInteger(question.max)) {
        return `Vul een getal in van ${question.min} tot en met ${question.max}.`;
      }
      return 'Dit getal is te groot of te klein.';
    case 'wrong_type':
      if (type === 'number') return 'Vul een heel getal in, zonder komma of letters. Bijvoorbeeld: 2.';
      if (type === 'yes_no') return 'Kies Ja of Nee.';
      if (type === 'date') return 'Vul een datum in met cijfers: dag, maand en jaar.';
      return 'Kies een antwoord.';
    case 'not_an_option':
      return 'Kies een van de antwoorden.';
    case 'invalid_date':
      return 'Deze datum bestaat niet. Vul de dag, de maand en het jaar in met cijfers. Bijvoorbeeld: 15 3 2020.';
    case 'not_asked':
    case 'unknown_question':
      return 'Deze vraag hoort niet bij uw situatie.';
    default:
      return 'Dit antwoord klopt niet. Controleer het en probeer het opnieuw.';
  }
}

/** A message for errors that are not about one answer. */
export function pageMessage(error) {
  switch (error?.code) {
    case 'no_version_for_date':
      return 'Voor vandaag heeft deze gemeente nog geen geldige regels in de zelftest. Neem contact op met de gemeente.';
    case 'unknown_municipality':
      return 'Deze gemeente hoort niet bij deze regels. Kies uw gemeente opnieuw.';
    case 'internal':
      return 'Er ging iets mis bij het rekenen. Probeer het nog een keer.';
    case 'invalid_package':
    case 'invalid_expression':
      return 'De regels van deze gemeente konden niet worden geladen. Probeer het later nog eens.';
    default:
      return 'Er ging iets mis. Probeer het nog een keer.';
  }
}
