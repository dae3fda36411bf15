// Components import messages from here rather than from ./paraglide directly: this module also
// loads locale.svelte.ts, which makes every message follow the language switch.
export {
  getLocale,
  setLocale,
  locales,
  isLocale,
  LOCALE_NAMES,
  type Locale
} from './locale.svelte';
export { m } from './messages';
export { formatComputed, formatDate, formatNumber, lowerInitial, MINUS } from './format';
export { describeFlagLocalised } from './flag-text';
export { placeName } from './place-names';
export { codeName, datasetCaveats, datasetTitle, dimensionName } from './dataset-words';
