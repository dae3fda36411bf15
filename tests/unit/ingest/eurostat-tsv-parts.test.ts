import { describe, expect, test } from 'vitest';
import { longDatasetToIpc } from '../../../src/lib/ingest/arrow';
import { encodedColumns } from '../../../src/lib/ingest/encoded';
import {
  eurostatTsvFromParts,
  planTsvParts,
  readEurostatTsv,
  readTsvPart
} from '../../../src/lib/ingest/eurostat-tsv';
import { IngestError, type LongDataset } from '../../../src/lib/ingest/types';
import { arrowContents, fixtureBytes, sharedBytes, textBytes } from './long-rows';

// The import worker reads a large Eurostat TSV in parts on two cores. Joined, the parts must
// give the very dataset one reading of the whole file gives: the same rows in the same order,
// codes and flags numbered the same, the same Arrow stream.

function inParts(bytes: Uint8Array, fileName: string, count: number): LongDataset {
  const plan = planTsvParts(bytes, fileName, count);
  if (!plan) throw new Error(`${fileName} was not cut into parts`);
  expect(plan.ranges.length).toBeGreaterThan(count / 2);
  const parts = plan.ranges.map(([start, end]) =>
    readTsvPart(bytes.subarray(start, end), plan.header, fileName)
  );
  return eurostatTsvFromParts(parts, plan.header, fileName);
}

const dimensionsOf = (dataset: LongDataset) =>
  dataset.dimensions.map((d) => ({ id: d.id, codes: [...d.codes] }));

describe('a Eurostat TSV read in parts', () => {
  test.each([
    ['eurostat/estat_crim_gen_reg.tsv', 2],
    ['eurostat/estat_crim_gen_reg.tsv', 5],
    ['eurostat/estat_crim_off_cat.tsv', 2],
    ['eurostat/tps00001.tsv', 2],
    ['eurostat/tps00001.tsv', 3]
  ])('%s in %i parts gives the rows of one reading', (file, count) => {
    const bytes = sharedBytes(file);
    const name = file.split('/').pop()!;
    const whole = readEurostatTsv(bytes, name);
    const joined = inParts(bytes, name, count);
    expect(joined.rowCount).toBe(whole.rowCount);
    // Compared as text: a deep comparison of hundreds of thousands of entries takes minutes.
    const asText = (dataset: LongDataset) => {
      const encoded = encodedColumns(dataset);
      return JSON.stringify({
        dimensions: dimensionsOf(dataset),
        codes: dataset.codes,
        time: dataset.time,
        value: [...dataset.value],
        flag: dataset.flag,
        dictionaries: [...encoded.codes, encoded.time, encoded.flag].map((c) => c.dictionary),
        arrow: arrowContents(longDatasetToIpc(dataset))
      });
    };
    expect(asText(joined) === asText(whole)).toBe(true);
  });

  test('flags first met in a later part keep their values and letters', () => {
    // tps00001 names `b` on its first line and `e`, `p`, `ep`, `bp` further down: cut at
    // every line, each part numbers its flags from scratch.
    const bytes = sharedBytes('eurostat/tps00001.tsv');
    const lines = new TextDecoder().decode(bytes).split('\n').length;
    const joined = inParts(bytes, 'tps00001.tsv', lines - 2);
    const whole = readEurostatTsv(bytes, 'tps00001.tsv');
    expect(new Set(joined.flag)).toEqual(new Set([null, 'b', 'e', 'p', 'ep', 'bp']));
    expect(joined.flag).toEqual(whole.flag);
    expect(joined.time).toEqual(whole.time);
  });

  test('a file too short to cut, or that one reading rejects, is left to one reading', () => {
    const one = textBytes('geo\\time\t2020 \nRO\t1 \n');
    expect(planTsvParts(one, 'one.tsv', 2)).toBeNull();
    expect(planTsvParts(fixtureBytes('bad/html-page.tsv'), 'html-page.tsv', 2)).toBeNull();
    expect(planTsvParts(fixtureBytes('bad/binary.tsv'), 'binary.tsv', 2)).toBeNull();
    expect(planTsvParts(fixtureBytes('bad/empty.tsv'), 'empty.tsv', 2)).toBeNull();
  });

  test('a part with a ragged row or text that is not UTF-8 fails, so the whole file is read', () => {
    const ragged = fixtureBytes('bad/ragged.tsv');
    const plan = planTsvParts(ragged, 'ragged.tsv', 2);
    expect(plan).not.toBeNull();
    const failures = plan!.ranges.map(([start, end]) => {
      try {
        readTsvPart(ragged.subarray(start, end), plan!.header, 'ragged.tsv');
        return null;
      } catch (error) {
        return error;
      }
    });
    expect(failures.some((error) => error instanceof IngestError)).toBe(true);

    const latin1 = new Uint8Array([
      ...textBytes('geo\\time\t2020 \nRO\t1 \n'),
      ...textBytes('S'),
      0xe9,
      ...textBytes('\t2 \n')
    ]);
    const latinPlan = planTsvParts(latin1, 'latin1.tsv', 2)!;
    const [start, end] = latinPlan.ranges[1];
    expect(() =>
      readTsvPart(latin1.subarray(start, end), latinPlan.header, 'latin1.tsv')
    ).toThrow();
    expect(readEurostatTsv(latin1, 'latin1.tsv').codes[0]).toEqual(['RO', 'Sé']);
  });
});
