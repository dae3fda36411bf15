/**
 * Labels of Eurostat dimensions and codes that the bulk TSV files do not carry (they hold
 * codes only). Taken from Eurostat's code lists and the ICCS classification.
 */
export const DIMENSION_LABELS: Record<string, string> = {
  freq: 'Time frequency',
  iccs: 'Offence (International Classification of Crime for Statistical Purposes)',
  unit: 'Unit of measure',
  geo: 'Geopolitical entity (reporting)',
  indic_de: 'Demography indicator',
  leg_stat: 'Legal status',
  citizen: 'Country of citizenship',
  reason: 'Reason',
  apprehen: 'Place of apprehension',
  border: 'Type of border',
  sex: 'Sex',
  age: 'Age class',
  indic_mg: 'Migration indicator'
};

export const CODE_LABELS: Record<string, Record<string, string>> = {
  freq: { A: 'Annual', M: 'Monthly', Q: 'Quarterly' },
  unit: {
    NR: 'Number',
    P_HTHAB: 'Per hundred thousand inhabitants',
    PER: 'Person'
  },
  indic_de: { JAN: 'Population on 1 January' },
  leg_stat: {
    PER_SUSP: 'Suspected person',
    PER_PRSC: 'Prosecuted person',
    PER_CNV: 'Convicted person'
  },
  citizen: { TOTAL: 'Total', NAT: 'Reporting country', FOR: 'Foreign country' },
  border: { TOTAL: 'Total' },
  reason: { TOTAL: 'Total' },
  sex: { T: 'Total' },
  age: { TOTAL: 'Total' },
  iccs: {
    ICCS0101: 'Intentional homicide',
    ICCS0102: 'Attempted intentional homicide',
    ICCS02011: 'Assault',
    ICCS020111: 'Serious assault',
    ICCS020221: 'Kidnapping',
    ICCS0301: 'Sexual violence',
    ICCS03011: 'Rape',
    ICCS03012: 'Sexual assault',
    ICCS0302: 'Sexual exploitation',
    ICCS030221: 'Child pornography',
    ICCS0401: 'Robbery',
    ICCS0501: 'Burglary',
    ICCS05012: 'Burglary of private residential premises',
    ICCS0502: 'Theft',
    ICCS05021: 'Theft of a motorized vehicle or parts thereof',
    ICCS050211: 'Theft of a motorized land vehicle',
    ICCS0601: 'Unlawful acts involving controlled drugs or precursors',
    ICCS0701: 'Fraud',
    ICCS0703: 'Corruption',
    ICCS07031: 'Bribery',
    ICCS07041: 'Money laundering',
    ICCS0903: 'Acts against computer systems',
    ICCS09051: 'Participation in an organized criminal group'
  }
};

/** Label of a code in a dimension, or null where Eurostat's list is not held here. */
export function eurostatCodeLabel(dimension: string, code: string): string | null {
  return CODE_LABELS[dimension]?.[code] ?? null;
}

/**
 * Other labels the label-only exports use for the codes above (an older or longer wording).
 */
const LABEL_SYNONYMS: Record<string, Record<string, string>> = {
  indic_de: { 'population on 1 january - total': 'JAN' },
  unit: { persons: 'PER' }
};

/** Eurostat code for a label in a dimension, or null where the label is not known here. */
export function eurostatCodeForLabel(dimension: string, label: string): string | null {
  const wanted = label.trim().toLowerCase();
  const synonym = LABEL_SYNONYMS[dimension]?.[wanted];
  if (synonym) return synonym;
  for (const [code, known] of Object.entries(CODE_LABELS[dimension] ?? {}))
    if (known.toLowerCase() === wanted) return code;
  return null;
}
