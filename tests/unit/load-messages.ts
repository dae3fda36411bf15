import { locales } from '$lib/i18n/paraglide/runtime.js';
import { loadMessages } from '$lib/i18n/messages';

// The page loads one language before it renders (src/routes/+layout.ts); code under test
// may speak either, so both are loaded before every test file.
await Promise.all(locales.map(loadMessages));
