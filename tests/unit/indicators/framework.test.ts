import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetSummary } from '../../../src/lib/indicators/budget';
import { parseFramework, validateFramework } from '../../../src/lib/indicators/framework-check';
import { applyEdit, editedFields, hasEdits } from '../../../src/lib/indicators/edits';

const text = readFileSync('datasets/programme/ro21.json', 'utf8');
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as {
  datasets: { id: string; dimensions: { id: string; codes: { code: string }[] }[] }[];
};

function shipped() {
  const result = parseFramework(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.framework;
}

describe('the shipped results framework', () => {
  it('is valid', () => {
    expect(parseFramework(text)).toMatchObject({ ok: true });
  });

  it('has the general objective, six specific objectives and six projects', () => {
    const f = shipped();
    expect(f.generalObjective.en).toMatch(/^Make citizens safer/);
    expect(f.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(f.projects).toHaveLength(6);
  });

  it('binds every statistic to codes that exist in the shipped dataset', () => {
    for (const indicator of shipped().indicators) {
      if (indicator.kind !== 'statistic') continue;
      const dataset = manifest.datasets.find((d) => d.id === indicator.binding.dataset);
      expect(dataset, indicator.id).toBeDefined();
      const dims = dataset!.dimensions;
      for (const [dim, code] of Object.entries({
        ...indicator.binding.filters,
        geo: indicator.binding.geo
      })) {
        const codes = dims.find((d) => d.id === dim)?.codes.map((c) => c.code) ?? [];
        expect(codes, `${indicator.id}: ${dim}`).toContain(code);
      }
      // Every dimension but geo is pinned, so each country has one value a year.
      expect(
        dims.filter(
          (d) => d.id !== 'geo' && d.codes.length > 1 && !(d.id in indicator.binding.filters)
        ),
        indicator.id
      ).toEqual([]);
    }
  });

  it('adds up: financing 5,300,000 + 935,294 = 6,235,294; projects 6,074,787; 160,507 not allocated', () => {
    const summary = budgetSummary(shipped());
    expect(summary.financing).toBe(6_235_294);
    expect(summary.total).toBe(6_235_294);
    expect(3_376_667 + 170_310 + 250_000 + 791_550 + 800_000 + 686_260).toBe(6_074_787);
    expect(summary.projects).toBe(6_074_787);
    expect(summary.notAllocated).toBe(160_507);
    expect(summary.projects + summary.notAllocated).toBe(summary.total);
    expect(summary.byPromoter.map((p) => [p.code, p.amount])).toEqual([
      ['IGPR', 4_968_217],
      ['DIIP', 686_260],
      ['ANITP', 250_000],
      ['GIBP', 170_310]
    ]);
  });

  it('names in its breaks only datasets the catalogue ships', () => {
    const ids = manifest.datasets.map((d) => d.id);
    for (const b of shipped().breaks ?? [])
      for (const dataset of b.affects.datasets) expect(ids, b.id).toContain(dataset);
  });

  it('marks no invented achievement: only the two published achieved values are there', () => {
    const achieved = shipped().indicators.flatMap((i) =>
      i.kind === 'reported' && i.achieved ? [[i.id, i.achieved.value]] : []
    );
    expect(achieved).toEqual([
      ['moldovan-specialists-trained', 10],
      ['good-practice-handbook', 1]
    ]);
  });
});

describe('validation', () => {
  it('refuses what is not JSON, with a message saying so', () => {
    const result = parseFramework('{ "format": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^The file is not valid JSON/);
  });

  it('says where each problem is and what is expected', () => {
    const broken = JSON.parse(text);
    broken.indicators[0].direction = 'sideways';
    broken.indicators[1].objective = 'so9';
    broken.indicators[7].baseline.year = 'last year';
    broken.financing.lines[1].amount = 900000;
    const result = validateFramework(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('indicators[0].direction: should be one of “up”, “down”');
    expect(result.errors).toContain('indicators[1].objective: there is no objective “so9”');
    expect(result.errors).toContain('indicators[7].baseline.year: should be a year such as 2012');
    expect(result.errors).toContain('financing.lines: add up to 6200000, not to the total 6235294');
  });

  it('takes a framework exported before the pages had a reading year, and checks one given', () => {
    const older = JSON.parse(text);
    delete older.programme.sourcesReadIn;
    expect(validateFramework(older)).toMatchObject({ ok: true });
    const wrong = JSON.parse(text);
    wrong.programme.sourcesReadIn = 'autumn';
    expect(validateFramework(wrong)).toEqual({
      ok: false,
      errors: ['programme.sourcesReadIn: “autumn” should be a year such as 2026']
    });
  });

  it('takes a framework exported before breaks were kept', () => {
    const older = JSON.parse(text);
    delete older.breaks;
    expect(validateFramework(older)).toMatchObject({ ok: true });
  });

  it('refuses a break with no source, saying what a source is', () => {
    const message =
      'breaks[0].sources: should list at least one source { "url", "says" }: the page that documents the break and what it says';
    for (const sources of [undefined, []]) {
      const unsourced = JSON.parse(text);
      unsourced.breaks[0].sources = sources;
      expect(validateFramework(unsourced)).toEqual({ ok: false, errors: [message] });
    }
  });

  it('says what is wrong in a break', () => {
    const broken = JSON.parse(text);
    broken.breaks.push(structuredClone(broken.breaks[0]));
    broken.breaks[0].from = 2013;
    broken.breaks[0].kind = 'mood';
    broken.breaks[0].affects = { datasets: [], codes: { iccs: [] } };
    broken.breaks[0].sources[0] = { url: 'legislatie.just.ro', says: '' };
    delete broken.breaks[0].label.ro;
    const result = validateFramework(broken);
    expect(result).toEqual({
      ok: false,
      errors: [
        'breaks[1].id: “ro-criminal-codes-2014” is used twice',
        'breaks[0].date: 2014-02-01 is after 2013, the first year it should mark',
        'breaks[0].kind: should be one of “law”, “recording”',
        'breaks[0].affects.datasets: should name at least one dataset',
        'breaks[0].affects.codes.iccs: should list at least one code',
        'breaks[0].label.ro: should be a non-empty text',
        'breaks[0].sources[0].url: “legislatie.just.ro” should be a web address (https://…)',
        'breaks[0].sources[0].says: should be a non-empty text'
      ]
    });
  });

  it('takes the operator and partner as plain text (older files) or in both languages', () => {
    const older = JSON.parse(text);
    older.programme.operator = 'Ministry of Internal Affairs (MAI)';
    older.programme.donorPartner = 'National Police Directorate (POD), Norway';
    expect(validateFramework(older)).toMatchObject({ ok: true });
    expect(shipped().programme.operator).toEqual({
      en: 'Ministry of Internal Affairs (MAI)',
      ro: 'Ministerul Afacerilor Interne (MAI)'
    });
    const wrong = JSON.parse(text);
    wrong.programme.donorPartner = { en: 'National Police Directorate (POD), Norway' };
    expect(validateFramework(wrong)).toEqual({
      ok: false,
      errors: ['programme.donorPartner.ro: should be a non-empty text']
    });
  });

  it('takes an indicator without a singular unit (older files), and checks one given', () => {
    const older = JSON.parse(text);
    for (const indicator of older.indicators) delete indicator.unitOne;
    expect(validateFramework(older)).toMatchObject({ ok: true });
    const wrong = JSON.parse(text);
    wrong.indicators[0].unitOne = 'officer';
    expect(validateFramework(wrong)).toEqual({
      ok: false,
      errors: ['indicators[0].unitOne: should be an object { … }']
    });
  });

  it('refuses a file of another kind', () => {
    const result = validateFramework({ datasets: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^format: .*results-framework file/);
  });
});

describe('evaluator edits', () => {
  it('marks an entered target as the evaluator’s, and only the edited field as edited', () => {
    const f = shipped();
    const edited = applyEdit(f, 'theft', {
      target: { year: 2017, value: 100, origin: 'programme document' }
    });
    const theft = edited.indicators.find((i) => i.id === 'theft')!;
    expect(theft.target).toEqual({ year: 2017, value: 100, origin: 'evaluator' });
    expect(editedFields(f, theft)).toEqual(['target']);
    expect(hasEdits(f, edited)).toBe(true);
    expect(hasEdits(f, applyEdit(edited, 'theft', { target: null }))).toBe(false);
  });

  it('keeps an edited framework valid, so it can be exported and imported back', () => {
    const f = applyEdit(shipped(), 'diip-specialists-trained', {
      achieved: { year: 2017, value: 120, origin: 'published' }
    });
    expect(parseFramework(JSON.stringify(f))).toMatchObject({ ok: true });
  });
});
