/**
 * Pieces of at most `maxChars` characters of a word too long for a line (a web address, in
 * practice), cut after the last `/ ? & = - _ .` that fits, or at the limit where none does.
 */
function cutLongWord(word: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > maxChars) {
    const head = rest.slice(0, maxChars);
    const cut = Math.max(...[...'/?&=-_.'].map((c) => head.lastIndexOf(c))) + 1;
    const at = cut > maxChars / 3 ? cut : maxChars;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * Words of `text` in lines of at most `maxChars` characters. SVG text does not wrap by
 * itself, and a downloaded file must not depend on a browser. A longer word gets a line of
 * its own, or with `cutLongWords` (a file's text, where nothing may run off the picture) is
 * cut into lines that fit.
 */
export function wrapLines(text: string, maxChars: number, cutLongWords = false): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter((w) => w !== '');
  for (const word of cutLongWords ? words.flatMap((w) => cutLongWord(w, maxChars)) : words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
