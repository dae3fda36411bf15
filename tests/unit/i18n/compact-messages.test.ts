import { describe, expect, it } from 'vitest';

// The comparison of every message with Paraglide's is in messages-per-language.test.ts; this
// checks that it compared the compact modules the app ships, not Paraglide's own.
describe('the language modules the app loads', () => {
  it('are one object, a message without inputs being its text', async () => {
    const english = await import('$lib/i18n/paraglide/messages/en.js');
    const table = (english as unknown as { default: Record<string, unknown> }).default;
    expect(table.nav_explore).toBe('Explore');
    expect(typeof table.chart_hidden_on_log).toBe('function');
    expect(Object.keys(english)).toEqual(['default']);
  });
});
