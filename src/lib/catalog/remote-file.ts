/**
 * Opening a remote Parquet file for the catalogue: its address checked (same origin only),
 * its first bytes and footer read, its columns checked against the long shape. Every
 * problem comes back as a message the user can act on.
 */

import { parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { longParquetShape, type ShapeProblem } from '../ingest/parquet-long-shape';
import { openRangeFile, type RangeFile, type RangeProblem } from '../ingest/range-file';
import { m } from '../i18n';

const FOOTER_GUESS = 8 * 1024;

/** A problem opening or describing the file, in the user's words. */
export function remoteProblemText(url: string, problem: RangeProblem | ShapeProblem): string {
  switch (problem.kind) {
    case 'bad-address':
      return m.data_remote_bad_address({ url });
    case 'other-origin':
      return m.data_remote_other_origin({ url, origin: problem.origin, own: location.origin });
    case 'unreachable':
      return m.data_remote_unreachable({ url, detail: problem.detail });
    case 'status':
      return problem.status === 404
        ? m.data_remote_not_found({ url })
        : m.data_remote_status({ url, status: String(problem.status) });
    case 'no-range':
      return m.data_remote_no_range({ url });
    case 'not-parquet':
      return m.data_remote_not_parquet({ url });
    case 'missing':
      return m.data_remote_missing({ url, columns: problem.columns.join(', ') });
    case 'no-dimensions':
      return m.data_remote_no_dimensions({ url });
    case 'not-text':
      return m.data_remote_not_text({ url, column: problem.column });
    case 'not-number':
      return m.data_remote_not_number({ url, column: problem.column });
  }
}

/** The file opened, its footer read and its shape checked, or why not. */
export async function openRemoteParquet(
  address: string
): Promise<
  { file: RangeFile; metadata: FileMetaData; dimensions: string[] } | { message: string }
> {
  const opened = await openRangeFile(address, location.origin);
  if ('problem' in opened) return { message: remoteProblemText(address.trim(), opened.problem) };
  const { file } = opened;
  let metadata: FileMetaData;
  try {
    // hyparquet's first guess at the footer is the last 512 KB, which for a small file is
    // the whole of it; the footer of a long table is usually a few kilobytes.
    metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS });
  } catch (error) {
    return {
      message: m.data_remote_unreadable({
        url: file.url,
        detail: error instanceof Error ? error.message : String(error)
      })
    };
  }
  const shape = longParquetShape(metadata);
  if ('kind' in shape) return { message: remoteProblemText(file.url, shape) };
  return { file, metadata, dimensions: shape.dimensions };
}
