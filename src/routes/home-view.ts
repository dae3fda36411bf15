import { FOCUS_COUNTRIES } from '$lib/model/focus-countries';
import type { SeriesRequest } from '$lib/query/series';

/** The home chart: intentional homicide rate, Romania and Norway with Schengen comparators. */
export const HOME_VIEW = {
  table: 'crim_off_cat',
  filters: { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: [...FOCUS_COUNTRIES, 'BG', 'HU', 'DE'] },
  timeFrom: '2008',
  timeTo: '2022',
  seriesBy: 'geo'
} satisfies SeriesRequest;
