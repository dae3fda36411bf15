/**
 * Eurostat geo codes: labels, and the ways files name a place (English name, ISO 3166
 * alpha-3) mapped back to the code. Eurostat uses EL for Greece and UK for the United Kingdom;
 * every other country's code is its ISO 3166 alpha-2 code.
 */
import { FOCUS_COUNTRIES } from '$lib/model/focus-countries';

/** A country: ISO 3166 alpha-3, Eurostat geo code, English label, then other names files use. */
type CountryRow = [iso3: string, code: string, label: string, ...aliases: string[]];

/**
 * Every ISO 3166-1 country, plus Kosovo. Labels follow Eurostat's short English names
 * ("Czechia", "Türkiye", "Russia"); the aliases are the ISO formal names and the older or
 * longer names the Eurostat label files write ("Czech Republic", "Turkey", "Swaziland").
 */
const COUNTRIES: CountryRow[] = [
  ['ABW', 'AW', 'Aruba'],
  ['AFG', 'AF', 'Afghanistan', 'Islamic Republic of Afghanistan'],
  ['AGO', 'AO', 'Angola', 'Republic of Angola'],
  ['AIA', 'AI', 'Anguilla'],
  ['ALA', 'AX', 'Åland Islands'],
  ['ALB', 'AL', 'Albania', 'Republic of Albania'],
  ['AND', 'AD', 'Andorra', 'Principality of Andorra'],
  ['ARE', 'AE', 'United Arab Emirates'],
  ['ARG', 'AR', 'Argentina', 'Argentine Republic'],
  ['ARM', 'AM', 'Armenia', 'Republic of Armenia'],
  ['ASM', 'AS', 'American Samoa'],
  ['ATA', 'AQ', 'Antarctica'],
  ['ATF', 'TF', 'French Southern Territories'],
  ['ATG', 'AG', 'Antigua and Barbuda'],
  ['AUS', 'AU', 'Australia'],
  ['AUT', 'AT', 'Austria', 'Republic of Austria'],
  ['AZE', 'AZ', 'Azerbaijan', 'Republic of Azerbaijan'],
  ['BDI', 'BI', 'Burundi', 'Republic of Burundi'],
  ['BEL', 'BE', 'Belgium', 'Kingdom of Belgium'],
  ['BEN', 'BJ', 'Benin', 'Republic of Benin'],
  ['BES', 'BQ', 'Bonaire, Sint Eustatius and Saba'],
  ['BFA', 'BF', 'Burkina Faso'],
  ['BGD', 'BD', 'Bangladesh', "People's Republic of Bangladesh"],
  ['BGR', 'BG', 'Bulgaria', 'Republic of Bulgaria'],
  ['BHR', 'BH', 'Bahrain', 'Kingdom of Bahrain'],
  ['BHS', 'BS', 'Bahamas', 'Commonwealth of the Bahamas'],
  ['BIH', 'BA', 'Bosnia and Herzegovina', 'Republic of Bosnia and Herzegovina'],
  ['BLM', 'BL', 'Saint Barthélemy'],
  ['BLR', 'BY', 'Belarus', 'Republic of Belarus'],
  ['BLZ', 'BZ', 'Belize'],
  ['BMU', 'BM', 'Bermuda'],
  ['BOL', 'BO', 'Bolivia', 'Bolivia, Plurinational State of', 'Plurinational State of Bolivia'],
  ['BRA', 'BR', 'Brazil', 'Federative Republic of Brazil'],
  ['BRB', 'BB', 'Barbados'],
  ['BRN', 'BN', 'Brunei', 'Brunei Darussalam'],
  ['BTN', 'BT', 'Bhutan', 'Kingdom of Bhutan'],
  ['BVT', 'BV', 'Bouvet Island'],
  ['BWA', 'BW', 'Botswana', 'Republic of Botswana'],
  ['CAF', 'CF', 'Central African Republic'],
  ['CAN', 'CA', 'Canada'],
  ['CCK', 'CC', 'Cocos (Keeling) Islands'],
  ['CHE', 'CH', 'Switzerland', 'Swiss Confederation'],
  ['CHL', 'CL', 'Chile', 'Republic of Chile'],
  ['CHN', 'CN', 'China', "People's Republic of China", 'China (including Hong Kong)'],
  ['CIV', 'CI', "Côte d'Ivoire", "Republic of Côte d'Ivoire"],
  ['CMR', 'CM', 'Cameroon', 'Republic of Cameroon'],
  ['COD', 'CD', 'Democratic Republic of the Congo', 'Congo, The Democratic Republic of the'],
  ['COG', 'CG', 'Congo', 'Republic of the Congo'],
  ['COK', 'CK', 'Cook Islands', 'Cook Islands (NZ)'],
  ['COL', 'CO', 'Colombia', 'Republic of Colombia'],
  ['COM', 'KM', 'Comoros', 'Union of the Comoros'],
  ['CPV', 'CV', 'Cabo Verde', 'Republic of Cabo Verde', 'Cape Verde'],
  ['CRI', 'CR', 'Costa Rica', 'Republic of Costa Rica'],
  ['CUB', 'CU', 'Cuba', 'Republic of Cuba'],
  ['CUW', 'CW', 'Curaçao'],
  ['CXR', 'CX', 'Christmas Island'],
  ['CYM', 'KY', 'Cayman Islands'],
  ['CYP', 'CY', 'Cyprus', 'Republic of Cyprus'],
  ['CZE', 'CZ', 'Czechia', 'Czech Republic'],
  [
    'DEU',
    'DE',
    'Germany',
    'Federal Republic of Germany',
    'Germany (until 1990 former territory of the FRG)'
  ],
  ['DJI', 'DJ', 'Djibouti', 'Republic of Djibouti'],
  ['DMA', 'DM', 'Dominica', 'Commonwealth of Dominica'],
  ['DNK', 'DK', 'Denmark', 'Kingdom of Denmark'],
  ['DOM', 'DO', 'Dominican Republic'],
  ['DZA', 'DZ', 'Algeria', "People's Democratic Republic of Algeria"],
  ['ECU', 'EC', 'Ecuador', 'Republic of Ecuador'],
  ['EGY', 'EG', 'Egypt', 'Arab Republic of Egypt'],
  ['ERI', 'ER', 'Eritrea', 'the State of Eritrea'],
  ['ESH', 'EH', 'Western Sahara'],
  ['ESP', 'ES', 'Spain', 'Kingdom of Spain'],
  ['EST', 'EE', 'Estonia', 'Republic of Estonia'],
  ['ETH', 'ET', 'Ethiopia', 'Federal Democratic Republic of Ethiopia'],
  ['FIN', 'FI', 'Finland', 'Republic of Finland'],
  ['FJI', 'FJ', 'Fiji', 'Republic of Fiji'],
  ['FLK', 'FK', 'Falkland Islands', 'Falkland Islands (Malvinas)'],
  ['FRA', 'FR', 'France', 'French Republic'],
  ['FRO', 'FO', 'Faroe Islands'],
  ['FSM', 'FM', 'Micronesia', 'Micronesia, Federated States of', 'Federated States of Micronesia'],
  ['GAB', 'GA', 'Gabon', 'Gabonese Republic'],
  ['GBR', 'UK', 'United Kingdom', 'United Kingdom of Great Britain and Northern Ireland'],
  ['GEO', 'GE', 'Georgia'],
  ['GGY', 'GG', 'Guernsey'],
  ['GHA', 'GH', 'Ghana', 'Republic of Ghana'],
  ['GIB', 'GI', 'Gibraltar'],
  ['GIN', 'GN', 'Guinea', 'Republic of Guinea'],
  ['GLP', 'GP', 'Guadeloupe'],
  ['GMB', 'GM', 'Gambia', 'Republic of the Gambia', 'Gambia, The', 'The Gambia'],
  ['GNB', 'GW', 'Guinea-Bissau', 'Republic of Guinea-Bissau'],
  ['GNQ', 'GQ', 'Equatorial Guinea', 'Republic of Equatorial Guinea'],
  ['GRC', 'EL', 'Greece', 'Hellenic Republic'],
  ['GRD', 'GD', 'Grenada'],
  ['GRL', 'GL', 'Greenland'],
  ['GTM', 'GT', 'Guatemala', 'Republic of Guatemala'],
  ['GUF', 'GF', 'French Guiana'],
  ['GUM', 'GU', 'Guam'],
  ['GUY', 'GY', 'Guyana', 'Republic of Guyana'],
  ['HKG', 'HK', 'Hong Kong', 'Hong Kong Special Administrative Region of China'],
  ['HMD', 'HM', 'Heard Island and McDonald Islands'],
  ['HND', 'HN', 'Honduras', 'Republic of Honduras'],
  ['HRV', 'HR', 'Croatia', 'Republic of Croatia'],
  ['HTI', 'HT', 'Haiti', 'Republic of Haiti'],
  ['HUN', 'HU', 'Hungary'],
  ['IDN', 'ID', 'Indonesia', 'Republic of Indonesia'],
  ['IMN', 'IM', 'Isle of Man'],
  ['IND', 'IN', 'India', 'Republic of India'],
  ['IOT', 'IO', 'British Indian Ocean Territory'],
  ['IRL', 'IE', 'Ireland'],
  ['IRN', 'IR', 'Iran', 'Iran, Islamic Republic of', 'Islamic Republic of Iran'],
  ['IRQ', 'IQ', 'Iraq', 'Republic of Iraq'],
  ['ISL', 'IS', 'Iceland', 'Republic of Iceland'],
  ['ISR', 'IL', 'Israel', 'State of Israel'],
  ['ITA', 'IT', 'Italy', 'Italian Republic'],
  ['JAM', 'JM', 'Jamaica'],
  ['JEY', 'JE', 'Jersey'],
  ['JOR', 'JO', 'Jordan', 'Hashemite Kingdom of Jordan'],
  ['JPN', 'JP', 'Japan'],
  ['KAZ', 'KZ', 'Kazakhstan', 'Republic of Kazakhstan'],
  ['KEN', 'KE', 'Kenya', 'Republic of Kenya'],
  ['KGZ', 'KG', 'Kyrgyzstan', 'Kyrgyz Republic'],
  ['KHM', 'KH', 'Cambodia', 'Kingdom of Cambodia'],
  ['KIR', 'KI', 'Kiribati', 'Republic of Kiribati'],
  ['KNA', 'KN', 'Saint Kitts and Nevis'],
  ['KOR', 'KR', 'South Korea', 'Korea, Republic of'],
  ['KWT', 'KW', 'Kuwait', 'State of Kuwait'],
  ['LAO', 'LA', 'Laos', "Lao People's Democratic Republic"],
  ['LBN', 'LB', 'Lebanon', 'Lebanese Republic'],
  ['LBR', 'LR', 'Liberia', 'Republic of Liberia'],
  ['LBY', 'LY', 'Libya'],
  ['LCA', 'LC', 'Saint Lucia'],
  ['LIE', 'LI', 'Liechtenstein', 'Principality of Liechtenstein'],
  ['LKA', 'LK', 'Sri Lanka', 'Democratic Socialist Republic of Sri Lanka'],
  ['LSO', 'LS', 'Lesotho', 'Kingdom of Lesotho'],
  ['LTU', 'LT', 'Lithuania', 'Republic of Lithuania'],
  ['LUX', 'LU', 'Luxembourg', 'Grand Duchy of Luxembourg'],
  ['LVA', 'LV', 'Latvia', 'Republic of Latvia'],
  ['MAC', 'MO', 'Macao', 'Macao Special Administrative Region of China'],
  ['MAF', 'MF', 'Saint Martin (French part)'],
  ['MAR', 'MA', 'Morocco', 'Kingdom of Morocco'],
  ['MCO', 'MC', 'Monaco', 'Principality of Monaco'],
  ['MDA', 'MD', 'Moldova', 'Moldova, Republic of', 'Republic of Moldova'],
  ['MDG', 'MG', 'Madagascar', 'Republic of Madagascar'],
  ['MDV', 'MV', 'Maldives', 'Republic of Maldives'],
  ['MEX', 'MX', 'Mexico', 'United Mexican States'],
  ['MHL', 'MH', 'Marshall Islands', 'Republic of the Marshall Islands'],
  [
    'MKD',
    'MK',
    'North Macedonia',
    'Republic of North Macedonia',
    'Former Yugoslav Republic of Macedonia, the'
  ],
  ['MLI', 'ML', 'Mali', 'Republic of Mali'],
  ['MLT', 'MT', 'Malta', 'Republic of Malta'],
  ['MMR', 'MM', 'Myanmar', 'Republic of Myanmar', 'Myanmar/Burma', 'Burma'],
  ['MNE', 'ME', 'Montenegro'],
  ['MNG', 'MN', 'Mongolia'],
  ['MNP', 'MP', 'Northern Mariana Islands', 'Commonwealth of the Northern Mariana Islands'],
  ['MOZ', 'MZ', 'Mozambique', 'Republic of Mozambique'],
  ['MRT', 'MR', 'Mauritania', 'Islamic Republic of Mauritania'],
  ['MSR', 'MS', 'Montserrat'],
  ['MTQ', 'MQ', 'Martinique'],
  ['MUS', 'MU', 'Mauritius', 'Republic of Mauritius'],
  ['MWI', 'MW', 'Malawi', 'Republic of Malawi'],
  ['MYS', 'MY', 'Malaysia'],
  ['MYT', 'YT', 'Mayotte'],
  ['NAM', 'NA', 'Namibia', 'Republic of Namibia'],
  ['NCL', 'NC', 'New Caledonia'],
  ['NER', 'NE', 'Niger', 'Republic of the Niger'],
  ['NFK', 'NF', 'Norfolk Island'],
  ['NGA', 'NG', 'Nigeria', 'Federal Republic of Nigeria'],
  ['NIC', 'NI', 'Nicaragua', 'Republic of Nicaragua'],
  ['NIU', 'NU', 'Niue'],
  ['NLD', 'NL', 'Netherlands', 'Kingdom of the Netherlands'],
  ['NOR', 'NO', 'Norway', 'Kingdom of Norway'],
  ['NPL', 'NP', 'Nepal', 'Federal Democratic Republic of Nepal'],
  ['NRU', 'NR', 'Nauru', 'Republic of Nauru'],
  ['NZL', 'NZ', 'New Zealand'],
  ['OMN', 'OM', 'Oman', 'Sultanate of Oman'],
  ['PAK', 'PK', 'Pakistan', 'Islamic Republic of Pakistan'],
  ['PAN', 'PA', 'Panama', 'Republic of Panama'],
  ['PCN', 'PN', 'Pitcairn Islands', 'Pitcairn'],
  ['PER', 'PE', 'Peru', 'Republic of Peru'],
  ['PHL', 'PH', 'Philippines', 'Republic of the Philippines'],
  ['PLW', 'PW', 'Palau', 'Republic of Palau'],
  ['PNG', 'PG', 'Papua New Guinea', 'Independent State of Papua New Guinea'],
  ['POL', 'PL', 'Poland', 'Republic of Poland'],
  ['PRI', 'PR', 'Puerto Rico'],
  [
    'PRK',
    'KP',
    'North Korea',
    "Korea, Democratic People's Republic of",
    "Democratic People's Republic of Korea"
  ],
  ['PRT', 'PT', 'Portugal', 'Portuguese Republic'],
  ['PRY', 'PY', 'Paraguay', 'Republic of Paraguay'],
  ['PSE', 'PS', 'Palestine', 'Palestine, State of', 'the State of Palestine'],
  ['PYF', 'PF', 'French Polynesia'],
  ['QAT', 'QA', 'Qatar', 'State of Qatar'],
  ['REU', 'RE', 'Réunion'],
  ['ROU', 'RO', 'Romania'],
  ['RUS', 'RU', 'Russia', 'Russian Federation'],
  ['RWA', 'RW', 'Rwanda', 'Rwandese Republic'],
  ['SAU', 'SA', 'Saudi Arabia', 'Kingdom of Saudi Arabia'],
  ['SDN', 'SD', 'Sudan', 'Republic of the Sudan'],
  ['SEN', 'SN', 'Senegal', 'Republic of Senegal'],
  ['SGP', 'SG', 'Singapore', 'Republic of Singapore'],
  ['SGS', 'GS', 'South Georgia and the South Sandwich Islands'],
  ['SHN', 'SH', 'Saint Helena, Ascension and Tristan da Cunha'],
  ['SJM', 'SJ', 'Svalbard and Jan Mayen'],
  ['SLB', 'SB', 'Solomon Islands'],
  ['SLE', 'SL', 'Sierra Leone', 'Republic of Sierra Leone'],
  ['SLV', 'SV', 'El Salvador', 'Republic of El Salvador'],
  ['SMR', 'SM', 'San Marino', 'Republic of San Marino'],
  ['SOM', 'SO', 'Somalia', 'Federal Republic of Somalia'],
  ['SPM', 'PM', 'Saint Pierre and Miquelon'],
  ['SRB', 'RS', 'Serbia', 'Republic of Serbia'],
  ['SSD', 'SS', 'South Sudan', 'Republic of South Sudan'],
  [
    'STP',
    'ST',
    'São Tomé and Príncipe',
    'Sao Tome and Principe',
    'Democratic Republic of Sao Tome and Principe'
  ],
  ['SUR', 'SR', 'Suriname', 'Republic of Suriname'],
  ['SVK', 'SK', 'Slovakia', 'Slovak Republic'],
  ['SVN', 'SI', 'Slovenia', 'Republic of Slovenia'],
  ['SWE', 'SE', 'Sweden', 'Kingdom of Sweden'],
  ['SWZ', 'SZ', 'Eswatini', 'Kingdom of Eswatini', 'Swaziland'],
  ['SXM', 'SX', 'Sint Maarten (Dutch part)'],
  ['SYC', 'SC', 'Seychelles', 'Republic of Seychelles'],
  ['SYR', 'SY', 'Syria', 'Syrian Arab Republic'],
  ['TCA', 'TC', 'Turks and Caicos Islands'],
  ['TCD', 'TD', 'Chad', 'Republic of Chad'],
  ['TGO', 'TG', 'Togo', 'Togolese Republic'],
  ['THA', 'TH', 'Thailand', 'Kingdom of Thailand'],
  ['TJK', 'TJ', 'Tajikistan', 'Republic of Tajikistan'],
  ['TKL', 'TK', 'Tokelau'],
  ['TKM', 'TM', 'Turkmenistan'],
  ['TLS', 'TL', 'Timor-Leste', 'Democratic Republic of Timor-Leste'],
  ['TON', 'TO', 'Tonga', 'Kingdom of Tonga'],
  ['TTO', 'TT', 'Trinidad and Tobago', 'Republic of Trinidad and Tobago'],
  ['TUN', 'TN', 'Tunisia', 'Republic of Tunisia'],
  ['TUR', 'TR', 'Türkiye', 'Republic of Türkiye', 'Turkey'],
  ['TUV', 'TV', 'Tuvalu'],
  ['TWN', 'TW', 'Taiwan', 'Taiwan, Province of China'],
  ['TZA', 'TZ', 'Tanzania', 'Tanzania, United Republic of', 'United Republic of Tanzania'],
  ['UGA', 'UG', 'Uganda', 'Republic of Uganda'],
  ['UKR', 'UA', 'Ukraine'],
  ['UMI', 'UM', 'United States Minor Outlying Islands'],
  ['URY', 'UY', 'Uruguay', 'Eastern Republic of Uruguay'],
  ['USA', 'US', 'United States', 'United States of America'],
  ['UZB', 'UZ', 'Uzbekistan', 'Republic of Uzbekistan'],
  ['VAT', 'VA', 'Vatican City', 'Holy See (Vatican City State)', 'Vatican City State'],
  ['VCT', 'VC', 'Saint Vincent and the Grenadines'],
  [
    'VEN',
    'VE',
    'Venezuela',
    'Venezuela, Bolivarian Republic of',
    'Bolivarian Republic of Venezuela'
  ],
  ['VGB', 'VG', 'British Virgin Islands', 'Virgin Islands, British'],
  ['VIR', 'VI', 'US Virgin Islands', 'Virgin Islands, U.S.', 'Virgin Islands of the United States'],
  ['VNM', 'VN', 'Vietnam', 'Viet Nam', 'Socialist Republic of Viet Nam'],
  ['VUT', 'VU', 'Vanuatu', 'Republic of Vanuatu'],
  ['WLF', 'WF', 'Wallis and Futuna'],
  ['WSM', 'WS', 'Samoa', 'Independent State of Samoa'],
  // Kosovo has no ISO 3166 code: XKX and XK are the codes the World Bank and Eurostat assign.
  [
    'XKX',
    'XK',
    'Kosovo (under UNSCR 1244/99)',
    'Kosovo',
    'Kosovo*',
    'Kosovo under UNSCR 1244',
    'Kosovo (under United Nations Security Council Resolution 1244/99)'
  ],
  ['YEM', 'YE', 'Yemen', 'Republic of Yemen'],
  ['ZAF', 'ZA', 'South Africa', 'Republic of South Africa'],
  ['ZMB', 'ZM', 'Zambia', 'Republic of Zambia'],
  ['ZWE', 'ZW', 'Zimbabwe', 'Republic of Zimbabwe']
];

/**
 * Parts of a country that Eurostat and UNODC report on their own. The codes on the left are
 * UNODC's (its workbooks split the United Kingdom into its three criminal-justice systems);
 * Eurostat's crim_off_cat uses the NUTS codes on the right for the same three.
 */
const COUNTRY_PARTS: CountryRow[] = [
  ['GBR_E_W', 'UKC-L', 'England and Wales', 'United Kingdom (England and Wales)'],
  ['GBR_S', 'UKM', 'Scotland', 'Scotland (NUTS 2021)', 'United Kingdom (Scotland)'],
  [
    'GBR_NI',
    'UKN',
    'Northern Ireland',
    'Northern Ireland (UK)',
    'Northern Ireland (UK) (NUTS 2021)',
    'United Kingdom (Northern Ireland)'
  ]
];

/** Eurostat aggregates: code, label, then other names files use. */
const AGGREGATES: [code: string, label: string, ...aliases: string[]][] = [
  ['EU27_2020', 'European Union - 27 countries (from 2020)'],
  ['EU28', 'European Union - 28 countries (2013-2020)', 'European Union (28 countries)'],
  // The 2018 data-explorer exports call this "European Union (27 countries)": their values
  // equal EU28 minus Croatia (migr_eiord_1_Data.csv, 2013-2016), so it is the 2007-2013 EU.
  ['EU27_2007', 'European Union - 27 countries (2007-2013)', 'European Union (27 countries)'],
  [
    'EA',
    'Euro area (EA11-1999, EA12-2001, EA13-2007, EA15-2008, EA16-2009, EA17-2011, EA18-2014, EA19-2015, EA20-2023)'
  ],
  ['EA18', 'Euro area - 18 countries (2014)'],
  ['EA19', 'Euro area - 19 countries (2015-2022)'],
  ['EA20', 'Euro area - 20 countries (from 2023)'],
  ['EFTA', 'European Free Trade Association'],
  ['FX', 'France (metropolitan)']
];

const WORLD_BANK_GROUPS = `
AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD
IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY LTE MEA MIC MNA NAC
OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC
WLD
`;

/**
 * ISO3-style codes that deliberately have no Eurostat geo: World Bank regional, income and
 * lending groups (their membership differs from any Eurostat aggregate, and "EUU" is the EU28
 * in the 2020 bulk CSV but the EU27 in the 2026 API file, so it cannot stand for one code);
 * the Channel Islands (Jersey and Guernsey together); and UNODC's IRQ_C, Iraq without the
 * Kurdistan Region. A reader drops these rows; any other unknown code is an error.
 */
export const ISO3_WITHOUT_GEO: ReadonlySet<string> = new Set([
  ...WORLD_BANK_GROUPS.trim().split(/\s+/),
  'CHI',
  'IRQ_C'
]);

/** Eurostat geo code → English label. */
export const GEO_LABELS: Record<string, string> = Object.fromEntries([
  ...AGGREGATES.map(([code, label]) => [code, label]),
  ...[...COUNTRIES, ...COUNTRY_PARTS].map(([, code, label]) => [code, label])
]);

const GEO_FROM_ISO3 = new Map<string, string>(
  [...COUNTRIES, ...COUNTRY_PARTS].map(([iso3, code]) => [iso3, code])
);

/**
 * The form a name is compared in: files differ in case, accents ("Türkiye"/"Turkiye"),
 * dashes ("Euro area – 20" with an en dash) and apostrophes, never in meaning.
 */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const GEO_FROM_NAME = new Map<string, string>(
  [
    ...AGGREGATES.map(([code, ...names]) => names.map((name) => [name, code] as const)),
    ...[...COUNTRIES, ...COUNTRY_PARTS].map(([, code, ...names]) =>
      names.map((name) => [name, code] as const)
    )
  ]
    .flat()
    .map(([name, code]) => [nameKey(name), code])
);

/** Code for an English country or aggregate name as Eurostat's label files write it, or null. */
export function geoCodeFromName(name: string): string | null {
  return GEO_FROM_NAME.get(nameKey(name)) ?? null;
}

/**
 * Eurostat geo code for an ISO 3166-1 alpha-3 code (GRC → EL, GBR → UK, XKX → XK), or for
 * UNODC's codes of parts of the United Kingdom; null for aggregates and anything unknown.
 */
export function geoCodeFromIso3(iso3: string): string | null {
  return GEO_FROM_ISO3.get(iso3.trim().toUpperCase()) ?? null;
}

const COUNTRY_CODES = new Set(COUNTRIES.map(([, code]) => code));

/** Whether a geo code stands for a whole country (EL, UK and XK included), not an aggregate or a region. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** Label for a geo code, or the code itself. */
export function geoLabel(code: string): string {
  return GEO_LABELS[code] ?? code;
}

const EU27 = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'EL',
  'ES',
  'FI',
  'FR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK'
] as const;

/** Sets of countries the dashboard compares, as Eurostat geo codes. */
export const COUNTRY_GROUPS = {
  /** Members of EU27_2020. */
  EU27,
  /**
   * The Schengen area in 2025: every EU member but Ireland and Cyprus, plus Iceland,
   * Liechtenstein, Norway and Switzerland. Romania and Bulgaria joined fully on 1 January
   * 2025, when checks at their internal land borders were lifted (air and sea since March 2024).
   */
  SCHENGEN: [...EU27.filter((code) => code !== 'IE' && code !== 'CY'), 'IS', 'LI', 'NO', 'CH'],
  /** Romania's neighbours. */
  RO_NEIGHBOURS: ['BG', 'HU', 'MD', 'RS', 'UA'],
  PROGRAMME_PAIR: FOCUS_COUNTRIES
} as const satisfies Record<string, readonly string[]>;
