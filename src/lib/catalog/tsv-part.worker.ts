/**
 * The import's second core: reads one part of a large Eurostat TSV while the import worker
 * reads the other (tsv-on-two-cores.ts), and hands its numbers back by transfer.
 */

import {
  readTsvPart,
  tsvPartBuffers,
  type TsvHeader,
  type TsvPart
} from '$lib/ingest/eurostat-tsv';

export interface PartRequest {
  bytes: Uint8Array;
  header: TsvHeader;
  fileName: string;
}

/** The part, or null where it could not be read (the whole file's reading then says why). */
export interface PartAnswer {
  part: TsvPart | null;
}

self.onmessage = (event: MessageEvent<PartRequest>) => {
  const { bytes, header, fileName } = event.data;
  let part: TsvPart | null = null;
  try {
    part = readTsvPart(bytes, header, fileName);
  } catch {
    // The import worker then reads the whole file, whose message counts lines from the top.
  }
  const answer: PartAnswer = { part };
  self.postMessage(answer, { transfer: part ? tsvPartBuffers(part) : [] });
};
