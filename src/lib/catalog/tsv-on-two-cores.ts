/**
 * The import worker's reader for Eurostat TSV files: a large file is cut in two at a line end
 * and its second half read by a helper worker while this worker reads the first, so the parse
 * uses both cores. The halves are joined in file order, which gives exactly what reading the
 * whole file gives (tests/unit/ingest/eurostat-tsv-parts.test.ts).
 */

import {
  eurostatTsvFromParts,
  planTsvParts,
  readEurostatTsv,
  readTsvPart,
  type TsvPart
} from '$lib/ingest/eurostat-tsv';
import type { LongDataset } from '$lib/ingest/types';
import type { PartAnswer, PartRequest } from './tsv-part.worker';

/** Below this a second worker's start and the copy of its half cost about what they save. */
export const TWO_CORE_BYTES = 16 * 1024 * 1024;

function readInHelper(request: PartRequest): { part: Promise<TsvPart | null>; stop: () => void } {
  const helper = new Worker(new URL('./tsv-part.worker.ts', import.meta.url), { type: 'module' });
  const part = new Promise<TsvPart | null>((resolve) => {
    helper.onmessage = (event: MessageEvent<PartAnswer>) => resolve(event.data.part);
    helper.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
  });
  helper.postMessage(request, [request.bytes.buffer]);
  return { part, stop: () => helper.terminate() };
}

export async function readEurostatTsvOnTwoCores(
  bytes: Uint8Array,
  fileName: string
): Promise<LongDataset> {
  const plan =
    bytes.length >= TWO_CORE_BYTES && typeof Worker !== 'undefined'
      ? planTsvParts(bytes, fileName, 2)
      : null;
  if (!plan) return readEurostatTsv(bytes, fileName);
  const [[firstStart, firstEnd], [secondStart, secondEnd]] = plan.ranges;
  // The helper gets its own copy of its half: this worker keeps reading from the whole.
  const helper = readInHelper({
    bytes: bytes.slice(secondStart, secondEnd),
    header: plan.header,
    fileName
  });
  try {
    let first: TsvPart | null = null;
    try {
      first = readTsvPart(bytes.subarray(firstStart, firstEnd), plan.header, fileName);
    } catch {
      // Left to the whole file's reading below, whose message counts lines from the top.
    }
    const second = first && (await helper.part);
    if (first && second) return eurostatTsvFromParts([first, second], plan.header, fileName);
  } finally {
    helper.stop();
  }
  // A half could not be read (a problem in the file, text that is not UTF-8, or the helper's
  // memory): one reading of the whole file reads it or says where the problem is.
  return readEurostatTsv(bytes, fileName);
}
