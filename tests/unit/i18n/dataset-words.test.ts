import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetManifest, Manifest } from '$lib/model/manifest';
import { codeName, datasetCaveats, datasetTitle, dimensionName, setLocale } from '$lib/i18n';
import {
  caveatKey,
  codeKeys,
  codeLabelIn,
  datasetCaveatsIn,
  datasetTitleIn,
  dimensionKey,
  dimensionLabelIn,
  titleKey
} from '$lib/i18n/dataset-words';
import { loadDatasetWords } from '$lib/i18n/dataset-words-files';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
const manifest: Manifest = read('datasets/manifest.json');
const words: Record<string, { en: string; ro: string }> = read('messages/dataset-words.ro.json');
const english = Object.fromEntries(Object.entries(words).map(([key, w]) => [key, w.en]));
const romanian = Object.fromEntries(Object.entries(words).map(([key, w]) => [key, w.ro]));
const wordKeys = Object.keys(words);

const shipped = (id: string) => {
  const dataset = manifest.datasets.find((d) => d.id === id);
  if (!dataset) throw new Error(`no shipped dataset ${id}`);
  return dataset;
};
const dimensionOf = (dataset: DatasetManifest, id: string) => {
  const dimension = dataset.dimensions.find((d) => d.id === id);
  if (!dimension) throw new Error(`${dataset.id} has no ${id}`);
  return dimension;
};

/** Every text a message could stand for, each with the key that names it first. */
const manifestTexts = manifest.datasets.flatMap((dataset) => [
  { keys: [titleKey(dataset.id)], text: dataset.title },
  ...dataset.caveats.map((caveat, i) => ({ keys: [caveatKey(dataset.id, i)], text: caveat })),
  ...dataset.dimensions.flatMap((dimension) => [
    { keys: [dimensionKey(dimension.id)], text: dimension.label },
    ...dimension.codes.map((code) => ({
      keys: codeKeys(dataset.id, dimension.id, code.code),
      text: code.label
    }))
  ])
]);

beforeAll(() => loadDatasetWords('ro'));
afterEach(() => setLocale('en'));

describe('the dataset words file', () => {
  it('have an English that is the manifest’s own text, for every key', () => {
    for (const key of wordKeys) {
      const usedFor = manifestTexts.filter((t) => t.keys.find((k) => k in english) === key);
      expect(usedFor.length, `${key} names nothing in the manifest`).toBeGreaterThan(0);
      for (const { text } of usedFor) expect(english[key], key).toBe(text);
    }
  });

  it('have a Romanian translation for every English one', () => {
    for (const key of wordKeys) {
      expect(romanian[key], key).toBeTruthy();
    }
  });

  it('cover every title, caveat and dimension name of the 13 shipped datasets', () => {
    expect(manifest.datasets.filter((d) => d.origin === 'shipped')).toHaveLength(13);
    for (const dataset of manifest.datasets) {
      expect(english[titleKey(dataset.id)]).toBe(dataset.title);
      dataset.caveats.forEach((caveat, i) =>
        expect(english[caveatKey(dataset.id, i)]).toBe(caveat)
      );
      for (const dimension of dataset.dimensions)
        expect(english[dimensionKey(dimension.id)]).toBe(dimension.label);
    }
  });

  it('leave every English word on screen as the manifest has it, for all 13 datasets', () => {
    for (const dataset of manifest.datasets) {
      expect(datasetTitleIn(dataset, 'en')).toBe(dataset.title);
      expect(datasetCaveatsIn(dataset, 'en')).toEqual(dataset.caveats);
      for (const dimension of dataset.dimensions) {
        expect(dimensionLabelIn(dataset, dimension, 'en')).toBe(dimension.label);
        if (dimension.id === 'geo') continue;
        for (const code of dimension.codes)
          expect(codeLabelIn(dataset, dimension.id, code.code, code.label, 'en')).toBe(code.label);
      }
    }
  });
});

describe('dataset words in Romanian', () => {
  const crime = shipped('crim_off_cat');

  it('translate titles, caveats, dimension names and small dimensions’ codes', () => {
    expect(datasetTitleIn(crime, 'ro')).toBe(
      'Infracțiuni înregistrate, pe categorii de infracțiuni – date ale poliției'
    );
    expect(datasetCaveatsIn(crime, 'ro')[0]).toMatch(/^Criminalitate înregistrată de poliție/);
    expect(dimensionLabelIn(crime, dimensionOf(crime, 'unit'), 'ro')).toBe('Unitate de măsură');
    expect(codeLabelIn(crime, 'unit', 'P_HTHAB', 'Per hundred thousand inhabitants', 'ro')).toBe(
      'La sută de mii de locuitori'
    );
    expect(codeLabelIn(crime, 'iccs', 'ICCS0401', 'Robbery', 'ro')).toBe('Tâlhărie');
    expect(codeLabelIn(crime, 'iccs', 'ICCS07041', 'Money laundering', 'ro')).toBe(
      'Spălarea banilor'
    );
  });

  it('use a dataset’s own wording where two datasets label one code differently', () => {
    expect(
      codeLabelIn(shipped('tps00001'), 'indic_de', 'JAN', 'Population on 1 January', 'ro')
    ).toBe('Populația la 1 ianuarie');
    expect(
      codeLabelIn(shipped('demo_gind'), 'indic_de', 'JAN', 'Population on 1 January - total', 'ro')
    ).toBe('Populația la 1 ianuarie – total');
    expect(
      codeLabelIn(
        shipped('unodc_cts_violent'),
        'category',
        'sexual_exploitation',
        'Sexual Exploitation',
        'ro'
      )
    ).toBe('Exploatare sexuală');
  });

  it('name countries of citizenship as places, and its other codes through messages', () => {
    const frontex = shipped('frontex_ibc');
    expect(codeLabelIn(frontex, 'citizen', 'SY', 'Syria', 'ro')).toBe('Siria');
    expect(codeLabelIn(frontex, 'citizen', 'stateless', 'Stateless', 'ro')).toBe('Apatrizi');
    expect(codeLabelIn(shipped('crim_just_ctz'), 'citizen', 'FOR', 'Foreign country', 'ro')).toBe(
      'Țară străină'
    );
  });

  it('keep the manifest’s words where the text differs from what was translated', () => {
    // A rebuilt dataset with new wording must not show the old wording's translation.
    const reworded = { ...crime, title: 'Recorded offences, revised' };
    expect(datasetTitleIn(reworded, 'ro')).toBe('Recorded offences, revised');
    expect(codeLabelIn(crime, 'unit', 'NR', 'Count', 'ro')).toBe('Count');
  });

  it('keep an imported dataset’s own words, even under a shipped id', () => {
    const imported: DatasetManifest = { ...crime, origin: 'imported' };
    expect(datasetTitleIn(imported, 'ro')).toBe(crime.title);
    expect(datasetCaveatsIn(imported, 'ro')).toEqual(crime.caveats);
    expect(dimensionLabelIn(imported, dimensionOf(crime, 'unit'), 'ro')).toBe('Unit of measure');
    expect(codeLabelIn(imported, 'unit', 'NR', 'Number', 'ro')).toBe('Number');
    // Places are still places.
    expect(codeLabelIn(imported, 'geo', 'NO', 'Norway', 'ro')).toBe('Norvegia');
    expect(codeLabelIn(null, 'unit', 'NR', 'Number', 'ro')).toBe('Number');
  });
});

describe('datasetTitle, datasetCaveats, dimensionName and codeName', () => {
  it('follow the interface language without a reload', () => {
    const crime = shipped('crim_off_cat');
    const unit = dimensionOf(crime, 'unit');
    expect(datasetTitle(crime)).toBe(crime.title);
    expect(dimensionName(crime, unit)).toBe('Unit of measure');
    expect(codeName(crime, 'unit', 'NR', 'Number')).toBe('Number');
    setLocale('ro');
    expect(datasetTitle(crime)).toMatch(/^Infracțiuni înregistrate/);
    expect(datasetCaveats(crime)[0]).toMatch(/^Criminalitate/);
    expect(dimensionName(crime, unit)).toBe('Unitate de măsură');
    expect(codeName(crime, 'unit', 'NR', 'Number')).toBe('Număr');
    setLocale('en');
    expect(datasetTitle(crime)).toBe(crime.title);
  });
});
