import { describe, expect, it } from 'vitest';
import { readSdmxCsv } from '../../../src/lib/ingest/sdmx-csv';
import { IngestError } from '../../../src/lib/ingest/types';
import { errorOf, fixtureBytes, observation, sharedBytes, textBytes } from './long-rows';

const read = (name: string) => readSdmxCsv(sharedBytes(`eurostat/${name}`), name);

describe('readSdmxCsv on the shared label files', () => {
  it('reads country_population.csv (demo_gind)', () => {
    const data = read('country_population.csv');
    expect(data.format).toBe('sdmx-csv');
    expect(data.tableCode).toBe('demo_gind');
    expect(data.lastUpdate).toBe('2025-03-27');
    expect(data.title).toBeNull();
    expect(data.rowCount).toBe(1093);
    expect(data.dimensions.map((d) => d.id)).toEqual(['freq', 'indic_de', 'geo']);
    expect(data.dimensions[2].codes.size).toBe(52);
    expect(data.dimensions[1].codes.get('population_on_1_january_total')).toBe(
      'Population on 1 January - total'
    );
    // line 881: …,Population on 1 January - total,Romania,2008,20635460,,
    expect(observation(data, { geo: 'RO' }, '2008')).toEqual({ value: 20635460, flag: null });
    // line 419: …,European Union - 27 countries (from 2020),2014,442266046,be,
    expect(observation(data, { geo: 'EU27_2020' }, '2014')).toEqual({
      value: 442266046,
      flag: 'be'
    });
    // line 309 (en dash in the name): …,Euro area – 20 countries (from 2023),2014,341548691,be,
    expect(observation(data, { geo: 'EA20' }, '2014')).toEqual({ value: 341548691, flag: 'be' });
    expect(data.dimensions[2].codes.get('EA20')).toBe('Euro area – 20 countries (from 2023)');
  });

  it('reads all 6,868 rows of estat_crim_just_ctz_en.csv, decimals included', () => {
    const data = read('estat_crim_just_ctz_en.csv');
    // `grep -c . estat_crim_just_ctz_en.csv` = 6869 lines: the header and 6,868 observations.
    expect(data.rowCount).toBe(6868);
    expect(data.tableCode).toBe('crim_just_ctz');
    expect(data.lastUpdate).toBe('2024-07-16');
    expect(data.dimensions.map((d) => d.id)).toEqual([
      'freq',
      'leg_stat',
      'citizen',
      'unit',
      'geo'
    ]);
    expect([...data.dimensions[1].codes]).toEqual([
      ['convicted_person', 'Convicted person'],
      ['prosecuted_person', 'Prosecuted person'],
      ['suspected_person', 'Suspected person']
    ]);
    expect(data.dimensions[4].codes.size).toBe(41);
    // line 220: …,Convicted person,Foreign country,Number,Norway,2020,2707,,
    const norway = { leg_stat: 'convicted_person', citizen: 'foreign_country', unit: 'number' };
    expect(observation(data, { ...norway, geo: 'NO' }, '2020')).toEqual({
      value: 2707,
      flag: null
    });
    // line 2085: …,Convicted person,Total,Per hundred thousand inhabitants,Norway,2015,1261.90,,
    const rate = {
      leg_stat: 'convicted_person',
      citizen: 'total',
      unit: 'per_hundred_thousand_inhabitants',
      geo: 'NO'
    };
    expect(observation(data, rate, '2015').value).toBeCloseTo(1261.9, 10);
    // line 1211: …,Convicted person,Reporting country,Per hundred thousand inhabitants,Romania,2022,171.35,,
    expect(
      observation(data, { ...rate, citizen: 'reporting_country', geo: 'RO' }, '2022').value
    ).toBe(171.35);
  });

  it('keeps the e flags of migrants_refused_entry_at_the_border.csv (migr_eirfs)', () => {
    const data = read('migrants_refused_entry_at_the_border.csv');
    expect(data.rowCount).toBe(327);
    // DATAFLOW is ESTAT:MIGR_EIRFS$DEFAULTVIEW(1.0) and LAST UPDATE is empty.
    expect(data.tableCode).toBe('migr_eirfs');
    expect(data.lastUpdate).toBeNull();
    // line 121: …,Total,Person,Total,Total,European Union - 27 countries (from 2020),2023,123260,e,
    expect(observation(data, { geo: 'EU27_2020' }, '2023')).toEqual({ value: 123260, flag: 'e' });
    // line 141: …,France,2023,9650,e,
    expect(observation(data, { geo: 'FR' }, '2023')).toEqual({ value: 9650, flag: 'e' });
    expect(data.flag.filter((f) => f !== null)).toEqual(['e', 'e']);
  });

  it('keeps the b, d and bd flags of migrants_illegally_present.csv (migr_eipre)', () => {
    const data = read('migrants_illegally_present.csv');
    expect(data.rowCount).toBe(2535);
    expect(data.tableCode).toBe('migr_eipre');
    const apprehen = data.dimensions.find((d) => d.id === 'apprehen')!;
    expect([...apprehen.codes.keys()]).toEqual([
      'between_border_crossing_points_at_land',
      'between_border_crossing_points_at_sea',
      'at_the_border_crossing_point_at_sea_land_air',
      'in_the_external_border_area',
      'in_the_inland_area',
      'total'
    ]);
    // line 129: …,Illegal entry,Between border crossing points - at sea,Total,Total,Total,Person,European Union - 27 countries (from 2020),2021,72285,bd,
    expect(
      observation(
        data,
        {
          reason: 'illegal_entry',
          apprehen: 'between_border_crossing_points_at_sea',
          geo: 'EU27_2020'
        },
        '2021'
      )
    ).toEqual({ value: 72285, flag: 'bd' });
    // line 1534: …,Other reason,In the inland area,Total,Total,Total,Person,Austria,2021,38410,d,
    expect(
      observation(
        data,
        { reason: 'other_reason', apprehen: 'in_the_inland_area', geo: 'AT' },
        '2021'
      )
    ).toEqual({ value: 38410, flag: 'd' });
    // line 2344: …,Total,Total,Total,Total,Total,Person,France,2014,96375,b,
    expect(observation(data, { reason: 'total', apprehen: 'total', geo: 'FR' }, '2014')).toEqual({
      value: 96375,
      flag: 'b'
    });
    const counts = new Map<string | null, number>();
    for (const f of data.flag) counts.set(f, (counts.get(f) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ null: 2527, b: 4, d: 2, bd: 2 });
  });
});

const HEADER = 'DATAFLOW,LAST UPDATE,freq,iccs,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS';

describe('readSdmxCsv on code files and edge cases', () => {
  it('keeps codes as they are and labels geo codes from the reference table', () => {
    const data = readSdmxCsv(
      textBytes(
        [
          HEADER,
          // The crim_off_cat check value from SOURCES.md: RO ICCS0101 P_HTHAB 2008 = 2.28.
          'ESTAT:CRIM_OFF_CAT(1.0),2024-02-01T23:00:00+01:00,A,ICCS0101,P_HTHAB,RO,2008,2.28,,',
          'ESTAT:CRIM_OFF_CAT(1.0),2024-02-01T23:00:00+01:00,A,ICCS0101,NR,UKC-L,2008,,,C',
          'ESTAT:CRIM_OFF_CAT(1.0),2024-02-01T23:00:00+01:00,A,ICCS0101,NR,UKC-L,2009,,,',
          'ESTAT:CRIM_OFF_CAT(1.0),2024-02-01T23:00:00+01:00,A,ICCS0101,NR,NO,2011,111,p,C',
          ''
        ].join('\r\n')
      ),
      'crim_off_cat_codes.csv'
    );
    expect(data.tableCode).toBe('crim_off_cat');
    expect(data.lastUpdate).toBe('2024-02-01');
    // The 2009 row has neither value nor flag, so it says nothing and is dropped.
    expect(data.rowCount).toBe(3);
    expect([...data.dimensions[3].codes]).toEqual([
      ['RO', 'Romania'],
      ['UKC-L', 'England and Wales'],
      ['NO', 'Norway']
    ]);
    expect(data.dimensions[1].codes.get('ICCS0101')).toBe('ICCS0101');
    expect(observation(data, { unit: 'P_HTHAB', geo: 'RO' }, '2008')).toEqual({
      value: 2.28,
      flag: null
    });
    const withheld = observation(data, { geo: 'UKC-L' }, '2008');
    expect(withheld.value).toBeNaN();
    expect(withheld.flag).toBe('c');
    expect(observation(data, { geo: 'NO' }, '2011')).toEqual({ value: 111, flag: 'pc' });
  });

  it('rejects an unknown flag, naming the file, the line and the flags it knows', () => {
    const error = errorOf(() =>
      readSdmxCsv(fixtureBytes('bad/sdmx-unknown-flag.csv'), 'sdmx-unknown-flag.csv')
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain('sdmx-unknown-flag.csv (line 3, column OBS_FLAG)');
    expect(error.message).toContain('unknown flag “x”');
    expect(error.message).toMatch(/Expected a flag made of the letters .*bep/);
  });

  it('rejects a file without OBS_VALUE, naming the missing column', () => {
    const error = errorOf(() =>
      readSdmxCsv(fixtureBytes('bad/sdmx-missing-obs-value.csv'), 'sdmx-missing-obs-value.csv')
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain('sdmx-missing-obs-value.csv (line 1)');
    expect(error.message).toContain('has no OBS_VALUE column');
    expect(error.message).toContain('Expected an SDMX-CSV header');
  });

  it('lists every geo name it cannot match, with the first line of each', () => {
    const error = errorOf(() =>
      readSdmxCsv(
        textBytes(
          [
            'DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG',
            'ESTAT:DEMO_GIND(1.0),,Annual,Romania,2020,19354339,',
            'ESTAT:DEMO_GIND(1.0),,Annual,Atlantis,2020,1,',
            'ESTAT:DEMO_GIND(1.0),,Annual,Ruritania,2020,2,'
          ].join('\n')
        ),
        'unknown-geo.csv'
      )
    );
    expect(error.message).toContain('unknown-geo.csv (column geo)');
    expect(error.message).toContain('“Atlantis” (line 3), “Ruritania” (line 4)');
    expect(error.message).toContain('Expected an English country or aggregate name');
  });

  it.each([
    [
      'a value that is not a number',
      'A,NR,RO,2020,12a,,',
      'line 2, column OBS_VALUE',
      '“12a” is not a number'
    ],
    [
      'a period it cannot read',
      'A,NR,RO,20-20,12,,',
      'line 2, column TIME_PERIOD',
      '“20-20” is not a time period'
    ],
    [
      'an unknown CONF_STATUS',
      'A,NR,RO,2020,12,,X',
      'line 2, column CONF_STATUS',
      'unknown confidentiality status “X”'
    ],
    ['a short line', 'A,NR,RO,2020,12', 'line 2', 'the line has 5 fields but the header has 7'],
    ['an empty dimension cell', 'A,,RO,2020,12,,', 'line 2, column unit', 'the unit cell is empty']
  ])('rejects %s', (_case, line, where, problem) => {
    const error = errorOf(() =>
      readSdmxCsv(
        textBytes(`freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS\n${line}\n`),
        'bad.csv'
      )
    );
    expect(error).toBeInstanceOf(IngestError);
    expect(error.message).toContain(`bad.csv (${where}): ${problem}`);
    expect(error.message).toContain('Expected');
  });

  it('rejects two labels of a column that fold to one code, rather than merging their rows', () => {
    const error = errorOf(() =>
      readSdmxCsv(
        textBytes(
          'freq,unit,geo,TIME_PERIOD,OBS_VALUE\nAnnual,Per cent,RO,2020,1\nAnnual,per-cent,RO,2020,2\n'
        ),
        'fold.csv'
      )
    );
    expect(error.message).toContain('fold.csv (line 3)');
    expect(error.message).toContain('“per-cent” and “Per cent” both stand for the code “per_cent”');
  });

  it('rejects a file that mixes datasets', () => {
    const error = errorOf(() =>
      readSdmxCsv(
        textBytes(
          'DATAFLOW,geo,TIME_PERIOD,OBS_VALUE\nESTAT:A(1.0),RO,2020,1\nESTAT:B(1.0),RO,2020,2\n'
        ),
        'mixed.csv'
      )
    );
    expect(error.message).toContain('mixed.csv (column DATAFLOW): the file mixes datasets');
  });
});

describe('readSdmxCsv on repeated observations', () => {
  it('rejects the same observation twice, naming both lines', () => {
    const error = errorOf(() =>
      readSdmxCsv(
        textBytes('freq,geo,TIME_PERIOD,OBS_VALUE\nA,RO,2020,1\nA,NO,2020,2\nA,RO,2020,3\n'),
        'twice.csv'
      )
    );
    expect(error.message).toContain(
      'twice.csv (line 4): the observation for A, RO, 2020 occurs twice (also at line 2)'
    );
  });
});
