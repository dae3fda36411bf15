import type { Frequency } from '$lib/model/period';

/**
 * Events the app draws on the charts they concern, each with the official document that
 * dates it. A chart shows an event when its dataset is listed and, for every dimension in
 * `codes`, the view has one of the codes listed chosen (as a series or as a fixed choice).
 * The programme period's dates are those of datasets/programme/ro21.json (a test checks).
 */
export interface ShippedEvent {
  id: string;
  /** The day it happened or began, ISO 8601. */
  date: string;
  /** The last day of an event that lasts (the programme period), drawn as a shaded band. */
  until?: string;
  text: { en: string; ro: string };
  /** The official page or document the date is read from. */
  source: { url: string; title: string };
  concerns: {
    datasets: readonly string[];
    codes: Readonly<Record<string, readonly string[]>>;
    /** Frequencies it is drawn on; every frequency when absent. */
    frequencies?: readonly Frequency[];
  };
}

/** Romania's migration and border series: Eurostat's enforcement tables for RO, and Frontex's
 * detections on the routes across Romania's borders (the Black Sea and the eastern land border). */
const ROMANIAN_BORDERS = [
  { datasets: ['migr_eipre', 'migr_eirfs', 'migr_eiord'], codes: { geo: ['RO'] } },
  { datasets: ['frontex_ibc'], codes: { route: ['black_sea_route', 'eastern_borders_route'] } }
] as const;

export const SHIPPED_EVENTS: readonly ShippedEvent[] = [
  ...ROMANIAN_BORDERS.map((concerns) => ({
    id: `schengen-ro-air-sea-${concerns.datasets[0]}`,
    date: '2024-03-31',
    text: {
      en: 'Romania in Schengen: air and sea borders',
      ro: 'România în Schengen: frontiere aeriene și maritime'
    },
    source: {
      url: 'https://eur-lex.europa.eu/eli/dec/2023/2888/oj',
      title:
        'Council Decision (EU) 2023/2888 of 30 December 2023 on the full application of the provisions of the Schengen acquis in the Republic of Bulgaria and Romania'
    },
    concerns
  })),
  ...ROMANIAN_BORDERS.map((concerns) => ({
    id: `schengen-ro-land-${concerns.datasets[0]}`,
    date: '2025-01-01',
    text: {
      en: 'Romania in Schengen: land borders',
      ro: 'România în Schengen: frontiere terestre'
    },
    source: {
      url: 'https://eur-lex.europa.eu/eli/dec/2024/3212/oj',
      title:
        'Council Decision (EU) 2024/3212 of 12 December 2024 on the setting of a date for the lifting of checks on persons at the internal land borders with and between the Republic of Bulgaria and Romania'
    },
    concerns
  })),
  {
    id: 'ro21-programme-period',
    date: '2013-06-17',
    until: '2017-12-31',
    text: { en: 'RO21 programme period', ro: 'Perioada programului RO21' },
    source: {
      url: 'https://eeagrants.org/programme/view/RO21/PA30',
      title:
        'EEA and Norway Grants, programme RO21: approved 17 June 2013; eligibility ends 31 December 2017 (https://www.mai.gov.ro/seminarul-cooperare-politieneasca-romania-norvegia/)'
    },
    concerns: {
      datasets: [
        'crim_off_cat',
        'crim_gen_reg',
        'crim_just_ctz',
        'migr_eipre',
        'migr_eirfs',
        'migr_eiord'
      ],
      codes: { geo: ['RO'] }
    }
  },
  {
    id: 'no-22-july-2011',
    date: '2011-07-22',
    text: {
      en: '22 July attacks in Norway (77 killed)',
      ro: 'Atentatele din 22 iulie din Norvegia (77 de morți)'
    },
    source: {
      url: 'https://www.regjeringen.no/no/dokumenter/nou-2012-14/id697260/',
      title: 'NOU 2012: 14, Rapport fra 22. juli-kommisjonen (report of the 22 July Commission)'
    },
    concerns: {
      datasets: ['crim_off_cat', 'crim_gen_reg'],
      codes: { iccs: ['ICCS0101'], geo: ['NO'] }
    }
  }
];
