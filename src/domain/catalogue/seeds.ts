// The promise catalogue that the app ships: the five published medborgarlöften of
// lokalpolisområde Höglandet (the documents in ../shared/seeds/). Every commitment
// and activity text is copied verbatim from its document, oddities included; the
// tests in tests/unit/catalogue/ check each one against the file it came from.
//
// Readings that the texts leave open are commented where they are made. General rules:
// - owner: the grammatical subject of the sentence. "Kommunen ska … tillsammans med
//   polisen" is the kommun's activity; "Polisen och kommunen ska" and sentences with no
//   subject at all (both signatories promise them) are 'gemensam'.
// - target: as written. A count with no period is { per: 'period', perStated: false }.
// - Officers log entries only against police-owned operational activities; everything
//   else has entryKinds [] and is marked done by a coordinator.
// - Where a document says only "från och med undertecknandet" without a date, signedOn
//   is null and validFrom is 1 January of the first year in its title.
import type {
  Activity,
  ActivityKind,
  Catalogue,
  CitizenPromise,
  EntryKind,
  Owner,
  Target,
  TrafficFocus,
} from './types.ts';

// ---- helpers ---------------------------------------------------------------------

/** "… per år", "under året", "vid två tillfällen per år". */
const perYear = (count: number): Target => ({ kind: 'count', count, per: 'year', perStated: true });
/** "under perioden". */
const perPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: true });
/** A count with no period at all: read as over the whole period, and marked as such. */
const countNoPeriod = (count: number): Target => ({ kind: 'count', count, per: 'period', perStated: false });
const NO_TARGET: Target = { kind: 'none' };

interface ActivitySpec {
  title: string;
  owner: Owner;
  kind: ActivityKind;
  /** Entry kinds officers log against it; omitted = not logged per occurrence. */
  log?: EntryKind[];
  target: Target;
  /** 1-based number of the commitment it serves, or null. */
  commitment: number | null;
  focus?: TrafficFocus;
  text: string;
}

interface PromiseSpec {
  id: string;
  kommunId: string;
  source: string;
  title: string;
  validFrom: string;
  validTo: string;
  signedOn: string | null;
  reportingPeriod: 'quarter' | 'tertial';
  commitments: string[];
  activities: ActivitySpec[];
}

function promise(spec: PromiseSpec): CitizenPromise {
  const commitments = spec.commitments.map((text, i) => ({ id: `${spec.id}-c${i + 1}`, promiseId: spec.id, text }));
  const activities = spec.activities.map((a, i): Activity => {
    if (a.commitment !== null && !commitments[a.commitment - 1]) {
      throw new Error(`${spec.id}: aktivitet ${i + 1} pekar på löfte ${a.commitment} som inte finns`);
    }
    const activity: Activity = {
      id: `${spec.id}-a${i + 1}`,
      promiseId: spec.id,
      commitmentId: a.commitment === null ? null : `${spec.id}-c${a.commitment}`,
      kind: a.kind,
      owner: a.owner,
      entryKinds: a.log ?? [],
      target: a.target,
      title: a.title,
      text: a.text,
    };
    if (a.focus) activity.focus = a.focus;
    return activity;
  });
  return {
    id: spec.id,
    kommunId: spec.kommunId,
    title: spec.title,
    validFrom: spec.validFrom,
    validTo: spec.validTo,
    signedOn: spec.signedOn,
    reportingPeriod: spec.reportingPeriod,
    status: 'published',
    example: false,
    source: spec.source,
    commitments,
    activities,
    version: 1,
  };
}

// ---- Nässjö 2019–2020 (001_edc4cb9189ff1b2a.txt) ------------------------------------

const NASSJO_2019 = promise({
  id: 'nassjo-2019',
  kommunId: 'nassjo',
  source: '001_edc4cb9189ff1b2a.txt',
  title: 'Medborgarlöfte 2019–2020',
  // Signed "Nässjö 2019-04-25" and in force "från och med undertecknandet".
  validFrom: '2019-04-25',
  validTo: '2020-12-31',
  signedOn: '2019-04-25',
  reportingPeriod: 'quarter',
  // The document calls them "två stycken årliga medborgarlöften" for 2019–2020, yet only
  // the samverkansmöten say "under året"; the other counts are left as the text gives
  // them (no period), not turned into per-year targets.
  // (The commitments are in bold, **…**, in the document; the markup is not part of the text.)
  commitments: [
    'Att öka den upplevda tryggheten på resecentrum i Nässjö.',
    'Arbeta långsiktigt brottsförebyggande och trygghetsskapande i Runnerydsområdet och området runt sporthallen för att stärka områdets attraktivitet och invånarnas känsla av trygghet.',
  ],
  activities: [
    {
      title: 'Polisnärvaro vid resecentrum',
      owner: 'polisen',
      kind: 'presence',
      log: ['presence'],
      target: NO_TARGET,
      commitment: 1,
      text: 'Polisen ska öka sin närvaro vid resecentrum.',
    },
    {
      title: 'Trygghetsinventering resecentrum',
      owner: 'kommunen',
      kind: 'safety_walk',
      // "en trygghetsinventering" is a number (one), with no period stated.
      target: countNoPeriod(1),
      commitment: 1,
      text: 'Kommunen ska genomföra en trygghetsinventering tillsammans med fastighetsägaren och Polisen på resecentrum.',
    },
    {
      title: 'Trygghetsinventering Runneryd',
      owner: 'kommunen',
      kind: 'safety_walk',
      target: countNoPeriod(2),
      commitment: 2,
      text: 'Kommunen ska genomföra minst två trygghetsinventeringar tillsammans med representanter från fastighetsägare och Polisen i Runnerydsområdet.',
    },
    {
      title: 'Riktad insats Runneryd',
      owner: 'polisen',
      // "riktade underrättelsebaserade insatser": the text does not say they concern drugs.
      kind: 'targeted_operation',
      log: ['targeted_operation'],
      target: countNoPeriod(15),
      commitment: 2,
      text: 'Polisen ska genomföra minst femton riktade underrättelsebaserade insatser i Runnerydsområdet.',
    },
    {
      title: 'Samverkansmöte',
      // No subject: both signatories promise it.
      owner: 'gemensam',
      kind: 'joint_meeting',
      target: perYear(2),
      commitment: null,
      text: 'Under året genomföra minst två samverkansmöten om de pågående aktiviteterna.',
    },
  ],
});

// ---- Nässjö 2023–2024 (000_a63962d76dd2b12d.txt) ------------------------------------

const NASSJO_2023 = promise({
  id: 'nassjo-2023',
  kommunId: 'nassjo',
  source: '000_a63962d76dd2b12d.txt',
  title: 'Medborgarlöfte 2023–2024',
  // "börjar gälla från och med under tecknandet" with no date given: read as 1 January 2023.
  validFrom: '2023-01-01',
  validTo: '2024-12-31',
  signedOn: null,
  reportingPeriod: 'quarter',
  commitments: [
    'att öka den upplevda tryggheten i centrala Nässjö.',
    'arbeta långsiktigt med en säker trafikmiljö inom Nässjö kommun.',
    'att öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre, med syfte att minska bruket av narkotika.',
  ],
  activities: [
    {
      title: 'LOB och PL',
      owner: 'polisen',
      kind: 'lob',
      // One promised activity, logged as either of two entry kinds.
      log: ['lob', 'pl'],
      target: NO_TARGET,
      commitment: 1,
      text: 'Polisen ska öka den upplevda tryggheten i centrala Nässjö genom ett aktivt användande av lagen om berusade personer (LOB) och polislagen (PL).',
    },
    {
      title: 'Trygghetsvandring',
      // Subject is the kommun; "tillsammans med polisen" does not make it joint.
      owner: 'kommunen',
      kind: 'safety_walk',
      // "en trygghetsvandring" = one, no period stated.
      target: countNoPeriod(1),
      commitment: 1,
      text: 'Nässjö kommun ska genomföra en trygghetsvandring i centrala Nässjö tillsammans med polisen och andra aktörer.',
    },
    {
      title: 'Trafikkontroll',
      owner: 'polisen',
      kind: 'traffic_check',
      log: ['traffic_check'],
      target: perYear(30),
      commitment: 2,
      text: 'Polisen ska i kommunen i syfte att bidra till en säker trafikmiljö genomföra minst 30 trafikkontroller per år.',
    },
    {
      title: 'Riktad narkotikainsats',
      owner: 'polisen',
      kind: 'drug_operation',
      log: ['drug_operation'],
      target: perYear(15),
      commitment: 3,
      text: 'Polisen ska genomföra minst 15 riktade insatser per år för att upptäcka fler narkotikabrott bland unga.',
    },
    {
      // The document lists the trygghetsvandring twice, the second time with an added
      // sentence about åtgärder. Both bullets are kept as written (it may mean two walks,
      // or be an editing slip); the title tells them apart.
      title: 'Trygghetsvandring med åtgärder',
      owner: 'kommunen',
      kind: 'safety_walk',
      target: countNoPeriod(1),
      commitment: 1,
      text: 'Nässjö kommun ska genomföra en trygghetsvandring i centrala Nässjö tillsammans med polisen och andra aktörer. Åtgärder som vidtas utifrån vandringen ska öka den generella trygghetsupplevelsen.',
    },
    {
      title: 'Unga i riskzon',
      owner: 'kommunen',
      kind: 'youth_at_risk_mapping',
      target: NO_TARGET,
      // Mapping "narkotikabruk i synnerhet": linked to the drug commitment.
      commitment: 3,
      text: 'Nässjö kommun ska, tillsammans med polisen inom ramen för "unga i riskzon" kartlägga individer/grupper/nätverk utifrån våld, missbruk och kriminalitet i allmänhet och narkotikabruk i synnerhet.',
    },
    {
      title: 'Avstämningsmöte',
      owner: 'gemensam',
      kind: 'joint_meeting',
      target: perYear(2),
      commitment: null,
      text: 'Polisen och Nässjö kommun ska vid två tillfällen per år stämma av aktiviteterna vid särskilt möte.',
    },
  ],
});

// ---- Tranås 2023–2024 (002_e80b662c9cdda8f0.txt) ------------------------------------

const TRANAS_2023 = promise({
  id: 'tranas-2023',
  kommunId: 'tranas',
  source: '002_e80b662c9cdda8f0.txt',
  title: 'Medborgarlöfte 2023–2024',
  // "från och med undertecknandet" with no date given: read as 1 January 2023.
  validFrom: '2023-01-01',
  validTo: '2024-12-31',
  signedOn: null,
  reportingPeriod: 'quarter',
  commitments: [
    'att öka upptäckten av narkotikabrott, främst bland personer i åldern 21 år och yngre, med syfte att minska bruket av narkotika.',
    // The space before the full stop is in the document.
    'öka den upplevda tryggheten i de centrala delarna av Tranås .',
    'arbeta långsiktigt med trafikmiljön inom Tranås kommun.',
  ],
  activities: [
    {
      title: 'Trafikkontroll',
      owner: 'polisen',
      kind: 'traffic_check',
      log: ['traffic_check'],
      target: perYear(30),
      commitment: 3,
      text: 'Polisen ska i kommunen, i syfte att bidra till en säker trafikmiljö, genomföra minst trettio (30) trafikkontroller per år.',
    },
    {
      title: 'Riktad narkotikainsats',
      owner: 'polisen',
      kind: 'drug_operation',
      log: ['drug_operation'],
      // Unlike Nässjö 2023, no "per år" here.
      target: countNoPeriod(15),
      commitment: 1,
      text: 'Polisen lovar att genomföra minst femton (15) riktade insatser för att upptäcka fler narkotikabrott bland unga.',
    },
    {
      title: 'LOB och PL',
      owner: 'polisen',
      kind: 'lob',
      log: ['lob', 'pl'],
      target: NO_TARGET,
      commitment: 2,
      text: 'Polisen ska öka den upplevda tryggheten i centrala Tranås genom ett aktivt användande av lagen om berusade personer (LOB) och polislagen (PL).',
    },
    {
      title: 'Krogkontroll',
      // Subject is the kommun ("Kommunen lovar att tillsammans med polisen …").
      owner: 'kommunen',
      kind: 'licensed_premises_check',
      target: NO_TARGET,
      // The text does not say which commitment krogkontroller serve.
      commitment: null,
      text: 'Kommunen lovar att tillsammans med polisen genomföra krogkontroller.',
    },
    {
      title: 'Kampanj mot langning',
      owner: 'kommunen',
      kind: 'campaign',
      target: NO_TARGET,
      // Alcohol and tobacco: not the drug commitment (narkotika), nor any other.
      commitment: null,
      text: 'Kommunen ska genomföra informationssatsningar och sprida nationella kampanjer med syfte att motverka langning av alkohol och tobak.',
    },
    {
      title: 'Samverkansmöte SSPF/EST',
      // No subject; "mellan kommunen och polisen": joint. Recurring meetings, so
      // joint_meeting rather than 'est'; "Återkommande" gives no number.
      owner: 'gemensam',
      kind: 'joint_meeting',
      target: NO_TARGET,
      commitment: null,
      text: 'Återkommande samverkansmöten mellan kommunen och polisen gällande medborgarlöftena genom arbetsmodellerna SSPF (skola, social, polis, fritid) och EST (effektiv samverkan för trygghet).',
    },
  ],
});

// ---- Sävsjö 2023–2024 (003_ce47e0c094c5aeb9.txt) ------------------------------------

const SAVSJO_2023 = promise({
  id: 'savsjo-2023',
  kommunId: 'savsjo',
  source: '003_ce47e0c094c5aeb9.txt',
  title: 'Medborgarlöfte 2023–2024',
  // "från och med undertecknandet. Dessa medborgarlöften gäller i två år." with no date:
  // read as the two calendar years of the title, 2023-01-01 to 2024-12-31.
  validFrom: '2023-01-01',
  validTo: '2024-12-31',
  signedOn: null,
  // The page links "Uppföljning av medborgarlöften Sävsjö kommun, tertial 3 2020".
  reportingPeriod: 'tertial',
  commitments: [
    'öka den polisiära tillgängligheten och servicen.',
    'öka upptäckten av narkotikabruk, främst hos unga i åldern 21 år och yngre, med syfte att minska bruket av narkotika.',
    'arbeta långsiktigt med en säker trafikmiljö inom Sävsjö kommun.',
  ],
  activities: [
    {
      title: 'Polisnärvaro i centrum',
      owner: 'polisen',
      kind: 'presence',
      log: ['presence'],
      target: NO_TARGET,
      commitment: 1,
      text: 'Polisen ska vara tillgänglig på poliskontoret och närvarande i Sävsjös centrala delar med kontaktskapande verksamhet vid fasta tidpunkter. Informationen kommer att finnas på kommunens hemsida.',
    },
    {
      title: 'Identifiera unga narkotikabrukare',
      owner: 'polisen',
      // Identification happens in the course of drug operations, so it is logged as one.
      kind: 'drug_operation',
      log: ['drug_operation'],
      target: NO_TARGET,
      commitment: 2,
      text: 'Polisen ska identifiera ungdomar som brukar narkotika, främst i åldern 21 år och yngre.',
    },
    {
      title: 'Riktad narkotikainsats',
      owner: 'polisen',
      kind: 'drug_operation',
      log: ['drug_operation'],
      target: countNoPeriod(15),
      commitment: 2,
      text: 'Polisen ska genomföra minst femton riktade insatser för att upptäcka fler narkotikabrott, främst bland unga.',
    },
    {
      title: 'Trafikkontroll',
      owner: 'polisen',
      kind: 'traffic_check',
      log: ['traffic_check'],
      target: NO_TARGET,
      commitment: 3,
      text: 'Polisen ska genomföra trafikkontroller i syfte att bidra till en säker trafikmiljö.',
    },
    {
      title: 'EST',
      owner: 'kommunen',
      kind: 'est',
      target: NO_TARGET,
      commitment: null,
      text: 'Kommunen ska tillsammans med polisen och andra aktörer i kommunen arbeta brottsförebyggande enligt konceptet EST, Effektiv Samordning för Trygghet.',
    },
    {
      title: 'Samverkansmöte',
      owner: 'gemensam',
      kind: 'joint_meeting',
      target: perYear(2),
      commitment: null,
      // No full stop at the end in the document.
      text: 'Polisen och kommunen ska under året genomföra minst två samverkansmöten om de pågående aktiviteterna',
    },
    {
      title: 'Skolnärvaro',
      owner: 'kommunen',
      kind: 'school_attendance',
      target: NO_TARGET,
      // The text ties school attendance to none of the three commitments.
      commitment: null,
      text: 'Kommunen ska arbeta för en hög skolnärvaro.',
    },
  ],
});

// ---- Vetlanda 2020–2021 (004_fdd0799881d70999.txt) ----------------------------------

const VETLANDA_2020 = promise({
  id: 'vetlanda-2020',
  kommunId: 'vetlanda',
  source: '004_fdd0799881d70999.txt',
  title: 'Medborgarlöfte 2020–2021',
  // Signed "Vetlanda 2xxxxx": the date is not in the document. "från och med
  // undertecknandet … gäller i två år": read as 2020-01-01 to 2021-12-31.
  validFrom: '2020-01-01',
  validTo: '2021-12-31',
  signedOn: null,
  reportingPeriod: 'quarter',
  commitments: [
    'Att öka trafiksäkerheten genom att motverka felaktiga trafikbeteenden.',
    'Att öka upptäckten av narkotikabruk, främst hos unga, med syfte att minska bruket av narkotika.',
  ],
  activities: [
    {
      title: 'EST',
      owner: 'kommunen',
      kind: 'est',
      target: NO_TARGET,
      commitment: null,
      text: 'Kommunen ska tillsammans med Polisen och andra aktörer i kommunen implementera och börja använda den brottsförebyggande arbetsmetoden EST, effektiv samordning för trygghet.',
    },
    {
      title: 'Trafikkontroll (beteende)',
      owner: 'polisen',
      kind: 'traffic_check',
      log: ['traffic_check'],
      target: countNoPeriod(15),
      commitment: 1,
      focus: 'beteende',
      text: 'Polisen ska genomföra minst femton trafikkontroller med inriktning på trafikbeteenden.',
    },
    {
      title: 'Flygande inspektion',
      owner: 'polisen',
      kind: 'vehicle_inspection',
      log: ['vehicle_inspection'],
      target: countNoPeriod(15),
      commitment: 1,
      text: 'Polisen ska vid minst femton tillfällen genomföra flygande inspektioner av fordon.',
    },
    {
      title: 'Trafikfrämjande åtgärd',
      owner: 'kommunen',
      kind: 'traffic_measure',
      target: perPeriod(2),
      commitment: 1,
      text: 'Kommunen ska under perioden presentera minst två hastighetsdämpande eller på annat sätt trafikfrämjande åtgärder för nämnd och/eller fullmäktige.',
    },
    {
      title: 'Riktad narkotikainsats',
      owner: 'polisen',
      kind: 'drug_operation',
      log: ['drug_operation'],
      target: countNoPeriod(15),
      commitment: 2,
      text: 'Polisen ska genomföra minst femton riktade insatser för att upptäcka fler narkotikabrott bland unga.',
    },
    {
      title: 'Kampanj mot langning',
      owner: 'kommunen',
      kind: 'campaign',
      target: NO_TARGET,
      // Alcohol and tobacco, not narkotika: no commitment.
      commitment: null,
      text: 'Kommunen ska genomföra informationsinsatser och sprida nationella kampanjer riktade till föräldrar, syskon, unga vuxna kring årliga risktillfällen såsom skolavslutningar, student, valborg, midsommar, jul och nyår med syfte att motverka langning av alkohol och tobak.',
    },
    {
      title: 'Samverkansmöte',
      // No subject: both signatories promise it.
      owner: 'gemensam',
      kind: 'joint_meeting',
      // "Under åren" = over the years of the period: two meetings in the whole period, stated.
      target: perPeriod(2),
      commitment: null,
      text: 'Under åren genomföra minst två samverkansmöten om de pågående aktiviteterna.',
    },
  ],
});

// ---- the catalogue ---------------------------------------------------------------------

export const SEED_CATALOGUE: Catalogue = {
  policeAreas: [{ id: 'hoglandet', name: 'Lokalpolisområde Höglandet' }],
  kommuner: [
    { id: 'nassjo', name: 'Nässjö', policeAreaId: 'hoglandet' },
    { id: 'tranas', name: 'Tranås', policeAreaId: 'hoglandet' },
    { id: 'savsjo', name: 'Sävsjö', policeAreaId: 'hoglandet' },
    { id: 'vetlanda', name: 'Vetlanda', policeAreaId: 'hoglandet' },
  ],
  promises: [NASSJO_2019, NASSJO_2023, TRANAS_2023, SAVSJO_2023, VETLANDA_2020],
};
