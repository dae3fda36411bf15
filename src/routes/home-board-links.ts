import { HOME_VIEW } from './home-view';

/**
 * The explorer views on the home page's board, as the parameters of their links. Apart from
 * the board (home-board.ts, worded in the reader's language) so the build can answer them
 * ahead of time (scripts/build-snapshots.ts) without the app's messages.
 */
export const HOME_BOARD_LINKS = {
  homicide: new URLSearchParams({
    ds: HOME_VIEW.table,
    ...Object.fromEntries(Object.entries(HOME_VIEW.filters).map(([id, c]) => [id, c.join(',')])),
    time: `${HOME_VIEW.timeFrom}..${HOME_VIEW.timeTo}`
  }).toString(),
  /** Victims of trafficking detected: the programme's objective 6 indicator, Romania and Norway. */
  trafficking: new URLSearchParams({
    ds: 'unodc_glotip',
    indicator: 'detected_trafficking_victims',
    dimension: 'total',
    category: 'total',
    sex: 'T',
    age: 'TOTAL',
    geo: 'RO,NO'
  }).toString(),
  /** Third-country nationals found illegally present, every country the file has, latest year. */
  illegalPresence: new URLSearchParams({
    ds: 'migr_eipre',
    reason: 'TOTAL',
    apprehen: 'TOTAL',
    citizen: 'TOTAL',
    geo: 'BE,BG,CZ,DK,DE,EE,IE,EL,ES,FR,HR,IT,CY,LV,LT,LU,HU,MT,NL,AT,PL,PT,RO,SI,SK,FI,SE,IS,LI,NO,CH,UK,ME',
    view: 'map'
  }).toString()
} as const;
