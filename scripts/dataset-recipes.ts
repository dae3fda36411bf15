/**
 * What the datasets build ships: for each dataset id, the published files it is made of,
 * where each was published, the reader that takes it, and how editions are combined.
 */
import { readEurostatTsv } from '../src/lib/ingest/eurostat-tsv';
import { readJsonStat } from '../src/lib/ingest/jsonstat';
import { readSdmxCsv } from '../src/lib/ingest/sdmx-csv';
import { readEurostatCsvExport } from '../src/lib/ingest/eurostat-csv-export';
import { readWorldBankJson } from '../src/lib/ingest/worldbank';
import { readUnodcXlsx } from '../src/lib/ingest/unodc-xlsx';
import { readFrontexIbc } from '../src/lib/ingest/frontex-xlsx';
import type { LongDataset } from '../src/lib/ingest/types';
import type { SourceFile, SourceFormat } from '../src/lib/model/manifest';
import { POLICE_DATA_CAVEAT } from '../src/lib/catalog/police-data';

export const EUROSTAT = 'Eurostat';
export const EUROSTAT_LICENCE =
  'CC BY 4.0 (Commission reuse policy, Decision 2011/833/EU); credit Eurostat';

export interface RecipeSource extends SourceFile {
  /** Path below the raw-data folder (../shared/datasets by default). */
  relativePath: string;
  read: (bytes: Uint8Array, fileName: string) => LongDataset;
}

export interface DatasetRecipe {
  id: string;
  title: string;
  publisher: string;
  tableCode: string;
  licence: string;
  caveats: string[];
  /** Editions in priority order: where they overlap, the first wins. */
  sources: RecipeSource[];
  combination: string | null;
  /** Date of the data when no source file states it. */
  lastUpdate?: string;
}

function source(
  relativePath: string,
  repository: string,
  path: string,
  commit: string,
  format: SourceFormat,
  read: RecipeSource['read']
): RecipeSource {
  const file = relativePath.split('/').pop() as string;
  return { relativePath, file, repository, path, commit, format, read };
}

const NATIX = 'natix-x/Data-mining-in-Migration-Analysis';
const DW = 'dw-data/quantify-europe_asylum-seekers';
const DW_COMMIT = '57bbef82a1d298f4d0f9c5506540c204e14a6f92';
const RAYMOND = 'raymondkuo/migration-healthcare-attitudes-evidence';
const RAYMOND_COMMIT = '187428a26ebc79934848baf103936122b7e96f45';
const ONUR = 'onurbdogan/crime_in_proportions_europe_2022';
const ONUR_COMMIT = '35132ec9c95104cf8f6cee7311edc317d6663459';

export const RECIPES: DatasetRecipe[] = [
  {
    id: 'crim_off_cat',
    title: 'Recorded offences by offence category – police data',
    publisher: EUROSTAT,
    tableCode: 'crim_off_cat',
    licence: EUROSTAT_LICENCE,
    caveats: [POLICE_DATA_CAVEAT],
    combination: null,
    sources: [
      source(
        'eurostat/estat_crim_off_cat.tsv',
        'klbek/Analysis-of-Crime-in-the-EU',
        'data/estat_crim_off_cat.tsv',
        'b87115bd9d965293125d9f8acf817a08418ab115',
        'eurostat-tsv',
        readEurostatTsv
      )
    ]
  },
  {
    id: 'crim_gen_reg',
    title: 'Recorded offences by offence category and NUTS 3 region',
    publisher: EUROSTAT,
    tableCode: 'crim_gen_reg',
    licence: EUROSTAT_LICENCE,
    caveats: [POLICE_DATA_CAVEAT],
    combination: null,
    sources: [
      source(
        'eurostat/estat_crim_gen_reg.tsv',
        'lkretsch1/crime_analysis_eu',
        'data/estat_crim_gen_reg.tsv',
        '9522a61c49ecdb5a1ca9ddaab523eabded672652',
        'eurostat-tsv',
        readEurostatTsv
      )
    ]
  },
  {
    id: 'crim_just_ctz',
    title: 'Persons in the criminal justice system by citizenship',
    publisher: EUROSTAT,
    tableCode: 'crim_just_ctz',
    licence: EUROSTAT_LICENCE,
    caveats: [POLICE_DATA_CAVEAT],
    combination: null,
    sources: [
      source(
        'eurostat/estat_crim_just_ctz_en.csv',
        NATIX,
        'data/estat_crim_just_ctz_en.csv',
        'c0602b0f70523979288b575a7b5d64e42e04df02',
        'sdmx-csv',
        readSdmxCsv
      )
    ]
  },
  {
    id: 'migr_eipre',
    title: 'Third-country nationals found to be illegally present',
    publisher: EUROSTAT,
    tableCode: 'migr_eipre',
    licence: EUROSTAT_LICENCE,
    caveats: [
      'Counts are rounded to the nearest 5 by Eurostat.',
      'Each edition is the table as published on its date; later revisions replace earlier figures.'
    ],
    combination:
      'Three editions in one table, keyed by reason, place of apprehension, citizenship, reporting country and year. Where they overlap the newest wins: the JSON-stat API response (updated 2026-05-12, 2010–2022, totals by reason and place of apprehension) first, then the SDMX-CSV default view (2014–2023, adds 2023), then the 2018 data-explorer export by citizenship (2012–2016, adds the citizenship breakdown). Labels of the CSV files are matched to the JSON-stat codes.',
    sources: [
      source(
        'eurostat/migr_eipre.json',
        RAYMOND,
        'evidence/api/eurostat_migr_eipre.json',
        RAYMOND_COMMIT,
        'jsonstat',
        readJsonStat
      ),
      source(
        'eurostat/migrants_illegally_present.csv',
        NATIX,
        'data/migrants_illegally_present.csv',
        '2503752c62eefdbe17c054ac31626ec7ed8a6454',
        'sdmx-csv',
        readSdmxCsv
      ),
      source(
        'eurostat/migr_eipre_1_Data_allcitizens.csv',
        DW,
        'asylum-data/migr_eipre_1_Data_allcitizens.csv',
        DW_COMMIT,
        'eurostat-csv-export',
        readEurostatCsvExport
      )
    ]
  },
  {
    id: 'migr_eirfs',
    title: 'Third-country nationals refused entry at the external borders',
    publisher: EUROSTAT,
    tableCode: 'migr_eirfs',
    licence: EUROSTAT_LICENCE,
    caveats: [
      'Each edition is the table as published on its date; later revisions replace earlier figures.'
    ],
    combination:
      'Two editions in one table, keyed by citizenship, reporting country and year: the SDMX-CSV default view (2014–2023, all citizenships, all borders, all reasons) first, then the 2018 data-explorer export by citizenship (2012–2016, all reasons). Where they overlap the SDMX-CSV edition wins.',
    sources: [
      source(
        'eurostat/migrants_refused_entry_at_the_border.csv',
        NATIX,
        'data/migrants_refused_entry_at_the_border.csv',
        '2503752c62eefdbe17c054ac31626ec7ed8a6454',
        'sdmx-csv',
        readSdmxCsv
      ),
      source(
        'eurostat/migr_eirfs_Data_allcitizenships.csv',
        DW,
        'asylum-data/migr_eirfs_Data_allcitizenships.csv',
        DW_COMMIT,
        'eurostat-csv-export',
        readEurostatCsvExport
      )
    ]
  },
  {
    id: 'migr_eiord',
    title: 'Third-country nationals ordered to leave',
    publisher: EUROSTAT,
    tableCode: 'migr_eiord',
    licence: EUROSTAT_LICENCE,
    caveats: ['Only 2010–2016 is available in the shipped files.'],
    combination:
      'Two 2018 data-explorer exports in one table, keyed by citizenship, reporting country and year: the totals (2010–2016) first, then the breakdown by citizenship (2012–2016).',
    sources: [
      source(
        'eurostat/migr_eiord_1_Data.csv',
        DW,
        'asylum-data/migr_eiord_1_Data.csv',
        DW_COMMIT,
        'eurostat-csv-export',
        readEurostatCsvExport
      ),
      source(
        'eurostat/migr_eiord_Data_allcitizens.csv',
        DW,
        'asylum-data/migr_eiord_Data_allcitizens.csv',
        DW_COMMIT,
        'eurostat-csv-export',
        readEurostatCsvExport
      )
    ]
  },
  {
    id: 'demo_gind',
    title: 'Population on 1 January – total',
    publisher: EUROSTAT,
    tableCode: 'demo_gind',
    licence: EUROSTAT_LICENCE,
    caveats: [],
    combination: null,
    sources: [
      source(
        'eurostat/country_population.csv',
        NATIX,
        'data/country_population.csv',
        'a95c3eca10611bd97004e138adec17bca5d869bf',
        'sdmx-csv',
        readSdmxCsv
      )
    ]
  },
  {
    id: 'tps00001',
    title: 'Population on 1 January',
    publisher: EUROSTAT,
    tableCode: 'tps00001',
    licence: EUROSTAT_LICENCE,
    caveats: [],
    combination: null,
    sources: [
      source(
        'eurostat/tps00001.tsv',
        'Eszti/lang-changes',
        'data/tps00001.tsv',
        '339ecc87cc5a0cc6c02476e747f02613d5dbb4f0',
        'eurostat-tsv',
        readEurostatTsv
      )
    ]
  },
  {
    id: 'sp_pop_totl',
    title: 'Population, total (World Development Indicators)',
    publisher: 'World Bank',
    tableCode: 'SP.POP.TOTL',
    licence: 'CC BY 4.0; credit World Bank, World Development Indicators',
    caveats: [],
    combination: null,
    sources: [
      source(
        'worldbank/wb_SP_POP_TOTL.json',
        RAYMOND,
        'evidence/api/wb_SP_POP_TOTL.json',
        RAYMOND_COMMIT,
        'worldbank-json',
        readWorldBankJson
      )
    ]
  },
  {
    id: 'unodc_glotip',
    title: 'Trafficking in persons: victims, offences, persons prosecuted and convicted (GLOTIP)',
    publisher: 'UNODC',
    tableCode: 'GLOTIP',
    licence: 'Free to reuse with credit to UNODC (UNODC Data Portal terms)',
    caveats: [
      '“<5” in the source is a suppressed count of fewer than five: shown as a flagged gap, never as a number.',
      'Detected victims depend on how intensely authorities look for them: a rise can mean better detection.'
    ],
    combination: null,
    sources: [
      source(
        'unodc/data_glotip.xlsx',
        'mari21041/first_project',
        'data/raw/data_glotip.xlsx',
        '5649358fbb4620af3d05fda6962ad43b6474e0e2',
        'unodc-xlsx',
        readUnodcXlsx
      )
    ]
  },
  {
    id: 'unodc_cts_corruption',
    title: 'Corruption and economic crime (UNODC Crime Trends Survey)',
    publisher: 'UNODC',
    tableCode: 'CTS corruption and economic crime',
    licence: 'Free to reuse with credit to UNODC (UNODC Data Portal terms)',
    caveats: [POLICE_DATA_CAVEAT],
    combination: null,
    sources: [
      source(
        'unodc/data_cts_corruption_and_economic_crime.xlsx',
        ONUR,
        'data/data_cts_corruption_and_economic_crime.xlsx',
        ONUR_COMMIT,
        'unodc-xlsx',
        readUnodcXlsx
      )
    ]
  },
  {
    id: 'unodc_cts_violent',
    title: 'Violent and sexual crime (UNODC Crime Trends Survey)',
    publisher: 'UNODC',
    tableCode: 'CTS violent and sexual crime',
    licence: 'Free to reuse with credit to UNODC (UNODC Data Portal terms)',
    caveats: [POLICE_DATA_CAVEAT],
    combination: null,
    sources: [
      source(
        'unodc/data_cts_violent_and_sexual_crime.xlsx',
        ONUR,
        'data/data_cts_violent_and_sexual_crime.xlsx',
        ONUR_COMMIT,
        'unodc-xlsx',
        readUnodcXlsx
      )
    ]
  },
  {
    id: 'frontex_ibc',
    title: 'Monthly detections of illegal border-crossing',
    publisher: 'Frontex',
    tableCode: 'FRAN IBC',
    licence:
      'No licence stated in the workbook; credit “Frontex, FRAN data” and check the terms before republishing',
    caveats: [
      'Detections of illegal border-crossing between border-crossing points on entry, not persons: one person may be detected several times.'
    ],
    combination: null,
    sources: [
      source(
        'frontex/ibc.xlsx',
        'HaodongQi/HumMingBird_MigForecast',
        'ibc.xlsx',
        '83fef87ba8a9c3e07e3fb048a102a2e5bbf6d589',
        'frontex-xlsx',
        readFrontexIbc
      )
    ]
  }
];
