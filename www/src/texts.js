// Every Dutch text of the self-check that is not in a norm package, in one
// place (B1). Texts per error code are in www/shared/messages.js.

import { duration, minutesText } from '../shared/format.js';

export const SITE_TITLE = 'Zelftest huishoudelijke hulp';

export const T = {
  loadFailed: 'De zelftest kon niet worden geladen. Probeer het later nog eens.',
  errorTitle: 'Er ging iets mis',
  progress: 'Voortgang',
  stepOf: (current, total) => `Stap ${current} van ${total}`,
  done: ' (klaar)',
  stepMunicipality: 'Gemeente',
  stepQuestions: 'Vragen',
  stepResult: 'Uitkomst',
  summaryTitle: (n) => (n === 1 ? 'Er is 1 vraag die u nog moet verbeteren' : `Er zijn ${n} vragen die u nog moet verbeteren`),

  // start
  whichMunicipality: 'In welke gemeente woont u?',
  municipalityHelp: 'Elke gemeente heeft eigen regels. De zelftest gebruikt de regels van uw gemeente.',
  notListed: 'Staat uw gemeente er niet bij? Dan kunt u deze zelftest niet gebruiken. Vraag dan bij het Wmo-loket van uw gemeente hoe u hulp aanvraagt.',
  startButton: 'Start de zelftest',
  chooseMunicipality: 'Kies uw gemeente.',
  lead: 'Met deze zelftest ziet u hoeveel hulp bij het huishouden ongeveer past bij uw situatie.',
  intro: [
    'U beantwoordt een paar vragen over uzelf en uw woning. Dat duurt ongeveer 5 minuten. ',
    'De uitkomst is een schatting volgens de regels van uw gemeente. De gemeente beslist zelf hoeveel hulp u krijgt, na een gesprek met u.',
  ],
  privacyTitle: 'Uw antwoorden blijven bij u',
  privacy: 'De zelftest rekent alles uit op uw eigen apparaat. Uw antwoorden worden niet verstuurd en niet bewaard. Sluit u deze pagina, dan zijn ze weg.',
  noMunicipalities: 'Er zijn nog geen gemeenten in de zelftest.',

  // steps
  next: 'Volgende',
  toResult: 'Bekijk de uitkomst',
  previous: 'Vorige',
  questionAdded: (label) => `Er is een vraag bijgekomen: ${label}`,
  questionsAdded: (n) => `Er zijn ${n} vragen bijgekomen.`,
  questionRemoved: 'Er is een vraag weggehaald, want die geldt niet meer voor u.',
  questionsRemoved: (n) => `Er zijn ${n} vragen weggehaald, want die gelden niet meer voor u.`,

  // fields
  yes: 'Ja',
  optionalQuestion: '(mag u overslaan)',
  dontKnow: 'Weet ik niet',
  no: 'Nee',
  day: 'Dag',
  month: 'Maand',
  year: 'Jaar',
  dateExample: 'Bijvoorbeeld: 15 3 2020',
  bounds: (min, max) => `Een getal van ${min} tot en met ${max}.`,

  // result
  resultTitle: 'Uw uitkomst',
  conceptTitle: 'Let op: deze regels zijn nog niet vastgesteld',
  provisionalTitle: 'Let op: sommige getallen zijn voorlopig',
  concept: (title, version) =>
    `De regels die de zelftest gebruikt (${title}, versie ${version}) zijn nog een concept. De gemeente heeft ze nog niet vastgesteld. De uitkomst kan daarom nog veranderen.`,
  notCalculated: 'Wat niet in deze berekening zit',
  print: 'Print of bewaar als pdf',
  changeAnswers: 'Antwoorden wijzigen',
  restart: 'Opnieuw beginnen',
  transitionTitle: 'Voor u gelden de regels van vóór de wijziging',
  transition: (started, before, title) => `U krijgt al hulp sinds ${started}. Wie al hulp kreeg vóór ${before}, houdt de oude regels: ${title}.`,
  totalTitle: 'Zoveel hulp past volgens de regels bij uw situatie',
  perWeek: ' per week',
  perWeekColumn: 'Per week',
  perPeriodColumn: 'Per 4 weken',
  areaColumn: 'Onderdeel',
  perArea: 'Hulp per onderdeel',
  together: 'Samen',
  thatIsPerWeek: (minutes) => `Dat is ${minutesText(minutes)} per week. `,
  perPeriod: (text) => `Per 4 weken is dat ${text}.`,
  decidesTitle: (name) => (name ? `De gemeente ${name} beslist` : 'De gemeente beslist'),
  decides: [
    'Deze uitkomst is geen besluit. Het is een schatting volgens de regels van de gemeente. ',
    'Wilt u hulp bij het huishouden? Dan vraagt u die aan bij de gemeente. Een consulent praat met u over uw situatie. ',
    'Daarna beslist de gemeente hoeveel hulp u krijgt. Dat kan meer of minder zijn dan deze uitkomst.',
  ],
  howToApply: 'Zo vraagt u hulp aan',
  howToApplyDefault: 'Neem contact op met het Wmo-loket van uw gemeente.',
  website: (name) => (name ? `Website van de gemeente ${name} over hulp bij het huishouden` : 'Website van de gemeente'),
  contributionTitle: 'Eigen bijdrage',
  contributionIntro: 'Krijgt u hulp bij het huishouden? Dan betaalt u meestal zelf een deel van de kosten: de eigen bijdrage.',
  contributionIs: 'Volgens de regels van de gemeente is dat ',
  contributionProvisional: 'Dit bedrag is voorlopig. ',
  contributionCak: 'Meestal int het CAK de eigen bijdrage. Hoeveel u precies betaalt, hoort u van de gemeente of het CAK.',
  source: 'Bron: ',
  provisionalNumber: 'Voorlopig getal',
  howCalculated: 'Hoe is dit berekend?',
  yourAnswers: 'Uw antwoorden',
  notAnswered: 'Niet ingevuld',
  edit: 'Wijzig',
  editHidden: (topic) => ` uw antwoorden bij ${topic}`,
  aboutTitle: 'Over deze berekening',
  aboutRules: 'Regels (normenkader)',
  aboutVersion: 'Versie',
  aboutStatus: (concept) => (concept ? 'concept, nog niet vastgesteld' : 'vastgesteld'),
  aboutMunicipality: 'Gemeente',
  withChoices: (name) => `${name} (met eigen keuzes van de gemeente)`,
  aboutDate: 'Berekend op',
  fingerprint: 'Vingerafdruk',
  baseFingerprint: 'Vingerafdruk van de basisregels',
  engine: 'Rekenkern',
  fingerprintNote: 'Met de vingerafdruk kan de gemeente precies nagaan met welke regels is gerekend.',

  // result for residents (issue 13): "ongeveer", one unit, what is not counted first
  about: 'Ongeveer ',
  roughEstimate: 'De gemeente werkt nog aan deze regels. Zie dit als een ruwe schatting.',
  notADecision: 'Dit is geen besluit. De gemeente beslist hoeveel hulp u krijgt, na een gesprek met u.',
  roundedUp: 'De tijden zijn naar boven afgerond op een kwartier.',
  roundedSum: 'Daardoor is het totaal soms iets anders dan de delen bij elkaar opgeteld.',
  notCountedTitle: 'Dit is niet meegeteld',
  notCountedIntro: 'Vraag de consulent hiernaar. Dan kan uw hulp meer of minder worden.',
  perWeekShort: 'per week',
  rulesUsed: (title) => `Berekend met: ${title}.`,
  reloaded: 'U heeft de pagina opnieuw geladen. Uw antwoorden worden voor uw privacy niet bewaard, dus u begint opnieuw.',
  backToResult: 'Terug naar uitkomst',
  howToApplyTitle: 'Zo vraagt u hulp aan',
  callUs: (name) => (name ? `Bel de gemeente ${name}: ` : 'Bel de gemeente: '),
  openingHours: 'Bereikbaar: ',
  findDesk: (name) =>
    `Zoek op de website van de gemeente${name ? ` ${name}` : ''} naar 'Wmo-loket'. Of bel het algemene nummer van de gemeente en vraag naar het Wmo-loket.`,
  clientSupportTitle: 'Gratis hulp bij het gesprek',
  clientSupport:
    'U mag gratis hulp vragen van een onafhankelijke cliëntondersteuner. Die helpt u om het gesprek met de gemeente voor te bereiden en gaat mee als u dat wilt.',
  clientSupportAsk: 'Vraag de gemeente hoe u een cliëntondersteuner vindt.',
  clientSupportNamed: (name) => `Bij u is dat: ${name}.`,
  contributionWhat:
    'Voor hulp bij het huishouden betaalt u meestal zelf een vast bedrag: de eigen bijdrage. U betaalt die aan het CAK. Het CAK is de organisatie die de eigen bijdrage voor de gemeenten int.',
  contributionAmount: (year, per) => [`Dat is ongeveer `, year, ` per jaar (`, per, `).`],
  contributionAmountProvisional: (year, per) => [`Voorlopig bedrag, nog niet zeker: ongeveer `, year, ` per jaar (`, per, `).`],
  contributionUnsure: 'Dit bedrag is nog niet zeker. Vraag de gemeente welk bedrag voor u geldt.',
  contributionExempt: (label) => `Volgens de regels van de gemeente betaalt u geen eigen bijdrage, want: ${label}`,
  contributionExemptProvisional: (label) => `Misschien betaalt u geen eigen bijdrage, want: ${label} Dit is nog niet zeker.`,
  contributionExemptAsk: 'Vraag de gemeente of dit voor u geldt.',
  contributionStandard:
    'U heeft de vraag over een lagere eigen bijdrage overgeslagen. Daarom staat hier de gewone eigen bijdrage. Met een laag inkomen betaalt u misschien minder of niets. Vraag het de gemeente.',
  contributionUnknown:
    'Hoeveel u betaalt, staat niet in deze zelftest. Het hangt af van de regels van de gemeente. Vraag het de gemeente, of kijk op de website van het CAK (www.hetcak.nl).',
  detailsHow: 'Hoe is dit berekend?',
  detailsSources: 'Bronnen',
  forConsultant: 'Voor de consulent',
  officialTitle: 'Regels (officiële naam)',
  officialNotes: 'Toelichting voor de gemeente',
};

/** "2 uur en 5 minuten (125 minuten)", or just "45 minuten". */
export function both(minutes) {
  return minutes >= 60 ? `${duration(minutes)} (${minutesText(minutes)})` : duration(minutes);
}

/** Units of norm values, as a resident reads them. */
export function unitText(unit) {
  switch (unit) {
    case 'hours_per_year':
      return 'uur per jaar';
    case 'minutes_per_week':
      return 'minuten per week';
    case 'minutes_per_year':
      return 'minuten per jaar';
    case 'minutes_per_period':
      return 'minuten per 4 weken';
    default:
      return '';
  }
}

/** "per maand" / "per 4 weken" / "per jaar". */
export function perText(per) {
  switch (per) {
    case 'month':
      return 'per maand';
    case 'period':
      return 'per 4 weken';
    case 'year':
      return 'per jaar';
    case 'per_hour':
      return 'per uur';
    case 'per_period':
      return 'per 4 weken';
    default:
      return '';
  }
}
