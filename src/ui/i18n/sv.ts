// Every UI text, Swedish first. Components read texts from here, never inline.
import type { PlType } from '../../domain/entry.ts';
import type { TrafficFocus } from '../../domain/catalogue/types.ts';
import type { svCatalogue } from './sv-catalogue.ts';
import type { svAdmin } from './sv-admin.ts';
import type { svFollowUp } from './sv-follow-up.ts';
import type { svMore } from './sv-more.ts';
import type { svAccountSection } from './sv-account.ts';
import { svLock } from './sv-lock.ts';

/** The texts every start needs; the rest arrive with their screens (sv-follow-up, sv-more, sv-catalogue, sv-admin, sv-account). */
export const svCore = {
  appName: 'Medborgarlöfte – fältlogg',
  nav: { log: 'Logga', entries: 'Mina', shift: 'Skiftet', settings: 'Mer', followUp: 'Följ upp', catalogue: 'Löften', admin: 'Admin', menu: 'Huvudmeny' },
  // Only what the always-loaded screens need of the lazily loaded sections (see index.ts).
  catalogue: { notForRole: 'Katalogen redigeras av samordnare.', cancel: 'Avbryt' },
  followUp: {
    needsLogin: 'Sessionen har gått ut – logga in igen.',
    reportNotForRole: 'Uppföljningsrapporten tas fram av gruppchefer och samordnare.',
  },
  // The banner of a revoked device that still has work to deliver (on every screen of the app).
  account: {
    revokedPending: 'Enheten har spärrats av en administratör. Det som väntar skickas först; därefter raderas appens data på enheten.',
    revokedRejected: (n: number) => (n === 1 ? '1 registrering har avvisats av servern och måste rättas eller återkallas innan enheten kan rensas.' : `${n} registreringar har avvisats av servern och måste rättas eller återkallas innan enheten kan rensas.`),
    revokedShowWaiting: 'Visa det som väntar',
  },
  security: svLock,
  home: {
    pickKommun: 'Välj kommun',
    pickKommunHelp: 'Välj den kommun du arbetar i. Du kan byta senare under Inställningar.',
    noActivePromise: (kommun: string) => `Inget aktivt medborgarlöfte för ${kommun} idag`,
    noActivePromiseHelp: 'Det går inte att registrera mot ett löfte som har gått ut. Senaste löften:',
    period: (from: string, to: string) => `${from} – ${to}`,
    example: 'exempel',
    exampleHelp: 'Exempeldata för demo – inte ett verkligt medborgarlöfte.',
    nothingToLog: 'Löftet har inga polisaktiviteter att registrera.',
    kommunOwned: 'Kommunens och gemensamma aktiviteter',
  },
  form: {
    save: 'Spara',
    saveCorrection: 'Spara rättelse',
    cancel: 'Stäng',
    time: 'Tid',
    now: 'Nu',
    change: 'Ändra',
    duration: 'Längd',
    durationNone: 'Ej angiven',
    minutes: (n: number) => (n % 60 === 0 ? `${n / 60} h` : `${n} min`),
    place: 'Plats',
    placeHint: 'Platsens namn, t.ex. "Resecentrum". Aldrig en enskild persons adress.',
    note: 'Anteckning (valfri)',
    noteHint: 'Inga personuppgifter: inga namn, personnummer eller registreringsnummer.',
    draftRestored: 'Ett osparat utkast har återställts.',
    discardDraft: 'Rensa utkast',
    fixErrors: 'Rätta de markerade fälten.',
    yes: 'Ja',
    no: 'Nej',
    decrease: (label: string) => `Minska ${label}`,
    increase: (label: string) => `Öka ${label}`,
    correcting: 'Rättelse',
    unknownActivity: 'Aktiviteten finns inte i det aktiva medborgarlöftet.',
    quotaExceeded: 'Lagringen på enheten är full. Inget nytt sparades, men allt som redan är sparat finns kvar. Synka och frigör utrymme, och försök igen.',
    saveFailed: 'Det gick inte att spara på enheten. Inget av det som redan är sparat har påverkats. Försök igen.',
  },
  update: {
    available: 'Ny version finns',
    apply: 'Uppdatera',
    later: 'Senare',
  },
  fields: {
    focus: 'Inriktning',
    vehiclesChecked: 'Kontrollerade fordon',
    breathTests: 'Alkoholutandningsprov',
    reports: 'Rapporter',
    suspectedImpaired: 'Misstänkt rattfylleri/drograttfylleri',
    vehiclesInspected: 'Kontrollerade fordon',
    prohibitions: 'Körförbud/brukandeförbud',
    personsChecked: 'Kontrollerade personer',
    personsAged21OrYounger: 'varav 21 år eller yngre',
    drugOffencesDetected: 'Upptäckta narkotikabrott',
    drugOffencesAged21OrYounger: 'varav 21 år eller yngre',
    offencesDetected: 'Upptäckta brott',
    intelligenceLed: 'Underrättelsestyrd',
    under18: 'Under 18 år',
    age18to21: '18–21 år',
    over21: 'Över 21 år',
    count: 'Antal',
    type: 'Typ av ingripande',
    minutes: 'Minuter',
  },
  focus: { hastighet: 'Hastighet', nykterhet: 'Nykterhet', beteende: 'Beteende', tung_trafik: 'Tung trafik', allman: 'Allmän' } satisfies Record<TrafficFocus, string>,
  plType: { avvisning: 'Avvisning', avlagsnande: 'Avlägsnande', omhandertagande: 'Omhändertagande', annat: 'Annat' } satisfies Record<PlType, string>,
  toast: { saved: 'Sparad på enheten', corrected: 'Rättelse sparad', withdrawn: 'Registreringen återkallad', undo: 'Ångra', undone: 'Ångrad', undoReason: 'Ångrad direkt efter registrering' },
  entries: {
    title: 'Mina registreringar',
    empty: 'Inga registreringar ännu.',
    withdrawn: 'Återkallad',
    history: 'Historik',
    revision: (n: number) => `Version ${n}`,
    correct: 'Rätta',
    withdraw: 'Återkalla',
    withdrawTitle: 'Återkalla registreringen',
    withdrawHelp: 'Registreringen tas inte bort: den markeras som återkallad och räknas inte längre. Skälet sparas i historiken.',
    reason: 'Skäl',
    confirmWithdraw: 'Återkalla',
    back: 'Tillbaka',
    notFound: 'Registreringen finns inte på den här enheten.',
  },
  syncState: {
    local: 'Lokalt sparad',
    sending: 'Skickas',
    server: 'På servern',
    needsAction: 'Behöver åtgärd',
    localOnly: 'Endast på enheten',
  },
  sync: {
    now: 'Synka nu',
    waiting: (n: number) => (n === 1 ? '1 väntar' : `${n} väntar`),
    allSent: 'Allt skickat',
    last: (when: string) => `Senast synkad ${when}`,
    never: 'Aldrig synkad',
    offline: 'Ingen kontakt med servern – allt sparas på enheten',
    syncing: 'Synkar…',
    needsLogin: 'Logga in igen för att skicka',
    error: 'Synkningen misslyckades',
  },
  // The sync bar's button after a session expired; the login form's texts are in sv-account.ts.
  login: { submit: 'Logga in' },
  lazy: {
    loading: 'Laddar…',
    failed: 'Skärmen kunde inte laddas. Kontrollera nätet och försök igen.',
    retry: 'Försök igen',
  },
};

type Merge<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A ? (K extends keyof B ? A[K] & B[K] : A[K]) : K extends keyof B ? B[K] : never;
};

/** Every text of the app: the core and its lazily loaded sections, as one shape (en.ts has it all). */
export type Strings = Merge<typeof svCore, typeof svFollowUp & typeof svMore & typeof svAccountSection & { catalogue: typeof svCatalogue; admin: typeof svAdmin }>;

