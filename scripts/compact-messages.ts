import type { Plugin } from 'vite';

/**
 * Rewrites a language module Paraglide compiled (src/lib/i18n/paraglide/messages/<locale>.js)
 * into one object, `export default { key: message, … }`, where a message without inputs is its
 * text and any other keeps Paraglide's function. Paraglide writes each message as an exported
 * constant; minified, every one of them costs a local name and an `a as key` export beside the
 * key itself, and every text without inputs an arrow function: about 3 KiB of gzip per
 * language. src/lib/i18n/messages.ts reads both shapes (Node scripts import the module as
 * Paraglide wrote it), and the types stay Paraglide's, from messages/_index.js.
 */
export function compactMessages(code: string, file = 'language module'): string {
  const start = code.indexOf('\nexport const ');
  if (start < 0) throw new Error(`${file}: no message found`);
  const entries = code
    .slice(start + 1)
    .split(/\n(?=export const )/)
    .map((part) => {
      const message = /^export const (\w+) = \/\*\*.*?\*\/ (\(i?\) => \{[\s\S]*\n\});\s*$/.exec(
        part
      );
      if (!message || message[1] === '__proto__') {
        throw new Error(`${file}: a message of unexpected form: ${part.slice(0, 120)}`);
      }
      const [, key, body] = message;
      const text =
        /^\(\) => \{\n\treturn \/\*\* @type \{LocalizedString\} \*\/ (\(`[^`]*`\))\n\}$/.exec(body);
      return `${key}: ${text ? text[1] : body}`;
    });
  return `${code.slice(0, start)}\nexport default {\n${entries.join(',\n')}\n};\n`;
}

const LANGUAGE_MODULE = /[\\/]i18n[\\/]paraglide[\\/]messages[\\/](?!_index\.js)[\w-]+\.js$/;

/** The Vite step: dev, build and unit tests all see the compact modules. */
export function compactMessagesPlugin(): Plugin {
  return {
    name: 'cooperare-compact-messages',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!LANGUAGE_MODULE.test(file)) return null;
      return { code: compactMessages(code, file), map: null };
    }
  };
}
