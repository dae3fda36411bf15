/**
 * A long table kept as a Parquet file on a server, read in place with HTTP range requests:
 * the footer first, then only the column chunks of the row groups whose statistics say they
 * can hold the selected codes. A filtered view of a file far larger than the browser could
 * load fetches a small part of it.
 */

import {
  asyncBufferFromUrl,
  parquetMetadataAsync,
  parquetReadObjects,
  type AsyncBuffer,
  type FileMetaData,
  type ParquetQueryFilter
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** What to read: the columns a view needs and the codes it keeps per dimension. */
export interface ParquetSelection {
  columns: readonly string[];
  /** Column → codes to keep; a column left out is not filtered. */
  filters: Record<string, readonly string[]>;
}

/** How much of the file a read touched. */
export interface ReadCost {
  fileBytes: number;
  /** Everything fetched, footer included. */
  bytesRead: number;
  /** The footer (schema, row-group statistics), read first in one request. */
  footerBytes: number;
  requests: number;
  rowGroups: number;
  rowGroupsRead: number;
}

/** Wraps a file so every slice it serves is counted. */
export function countingBuffer(file: AsyncBuffer): {
  file: AsyncBuffer;
  cost: { bytesRead: number; requests: number };
} {
  const cost = { bytesRead: 0, requests: 0 };
  return {
    cost,
    file: {
      byteLength: file.byteLength,
      async slice(start, end) {
        const bytes = await file.slice(start, end);
        cost.requests += 1;
        cost.bytesRead += bytes.byteLength;
        return bytes;
      }
    }
  };
}

/** The selection's codes as a hyparquet filter, which also prunes row groups by statistics. */
export function parquetFilter(
  filters: ParquetSelection['filters']
): ParquetQueryFilter | undefined {
  const parts: ParquetQueryFilter[] = Object.entries(filters).map(([column, codes]) => ({
    [column]: { $in: [...codes] }
  }));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { $and: parts };
}

/** Byte span of each row group's column chunks, to tell which groups a read touched. */
function rowGroupSpans(metadata: FileMetaData): [number, number][] {
  return metadata.row_groups.map((group) => {
    const spans = group.columns.map((chunk) => {
      const meta = chunk.meta_data;
      if (!meta) return [Infinity, -Infinity];
      const dictionary = Number(meta.dictionary_page_offset ?? 0);
      const start = dictionary > 0 ? dictionary : Number(meta.data_page_offset);
      return [start, start + Number(meta.total_compressed_size)];
    });
    return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
  });
}

/**
 * Rows of `file` matching the selection, with only the selected columns, and the cost of
 * reading them. Row groups whose min/max exclude a filter are never fetched. A caller that
 * already holds the footer passes it as `known`, and the read starts at the data.
 */
export async function readParquetSelection(
  file: AsyncBuffer,
  selection: ParquetSelection,
  known?: FileMetaData
): Promise<{ rows: Record<string, unknown>[]; cost: ReadCost }> {
  const counted = countingBuffer(file);
  const metadata = known ?? (await parquetMetadataAsync(counted.file));
  const footerBytes = counted.cost.bytesRead;
  const spans = rowGroupSpans(metadata);
  const groupsRead = new Set<number>();
  const rows = await parquetReadObjects({
    file: {
      byteLength: file.byteLength,
      slice(start, end = file.byteLength) {
        spans.forEach(([from, to], i) => {
          if (start < to && end > from) groupsRead.add(i);
        });
        return counted.file.slice(start, end);
      }
    },
    metadata,
    columns: [...selection.columns],
    filter: parquetFilter(selection.filters),
    compressors
  });
  return {
    rows,
    cost: {
      fileBytes: file.byteLength,
      bytesRead: counted.cost.bytesRead,
      footerBytes,
      requests: counted.cost.requests,
      rowGroups: metadata.row_groups.length,
      rowGroupsRead: groupsRead.size
    }
  };
}

/** The same read on a URL of the app's own origin (or any server that answers Range). */
export async function readRemoteParquet(
  url: string,
  selection: ParquetSelection
): Promise<{ rows: Record<string, unknown>[]; cost: ReadCost }> {
  return readParquetSelection(await asyncBufferFromUrl({ url }), selection);
}
