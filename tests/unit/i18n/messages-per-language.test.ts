import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile } from '@inlang/paraglide-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { m } from '$lib/i18n/messages';
import { locales } from '$lib/i18n/paraglide/runtime.js';
import paraglideOptions from '../../../project.inlang/paraglide.config.js';

type Message = (inputs?: object, options?: { locale?: string }) => string;

/**
 * The app's messages come from one module per language (src/lib/i18n/messages.ts over
 * Paraglide's locale modules). The reference is what the app shipped before: Paraglide's
 * message modules, each holding both languages, compiled here from the same messages.
 */
let outdir: string;
let reference: Record<string, Message>;
let keys: string[];
let inputNames: string[];

beforeAll(async () => {
  outdir = await mkdtemp(path.join(tmpdir(), 'cooperare-message-modules-'));
  await compile({ ...paraglideOptions, outdir, outputStructure: 'message-modules' });
  const file = pathToFileURL(path.join(outdir, 'messages.js')).href;
  reference = (await import(/* @vite-ignore */ file)).m;

  const english = await readFile('messages/en.json', 'utf8');
  keys = Object.keys(JSON.parse(english)).filter((key) => !key.startsWith('$'));
  // Every input any message takes, as a placeholder or as a declared input of its variants.
  const names = new Set<string>();
  for (const [, name] of english.matchAll(/\{(\w+)\}/g)) names.add(name);
  for (const [, name] of english.matchAll(/"input (\w+)"/g)) names.add(name);
  inputNames = [...names];
}, 60_000);

afterAll(() => rm(outdir, { recursive: true, force: true }));

// Numbers pick the plural forms (Romanian has one, few and other: 1, 2, 20); a word and a
// fraction stand for the text and decimal inputs.
const SAMPLES: unknown[] = ['Ţara', 0, 1, 2, 19, 20, 101, 1.5];

describe('messages loaded one language at a time', () => {
  it('render every message in both languages exactly as Paraglide compiled them before', () => {
    expect(keys.length).toBeGreaterThan(780);
    const ours = m as unknown as Record<string, Message>;
    for (const locale of locales) {
      for (const key of keys) {
        for (const sample of SAMPLES) {
          const inputs = Object.fromEntries(inputNames.map((name) => [name, sample]));
          const expected = reference[key](inputs, { locale });
          expect([locale, key, ours[key](inputs, { locale })]).toEqual([locale, key, expected]);
        }
      }
    }
  });

  it('the two languages differ, so the comparison would see one shown for the other', () => {
    expect(m.nav_explore({}, { locale: 'en' })).toBe('Explore');
    expect(m.nav_explore({}, { locale: 'ro' })).toBe('Explorare');
  });
});
