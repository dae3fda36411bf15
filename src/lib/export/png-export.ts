import interLatin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import interLatinExt from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url';

/** A4 at 300 dots per inch is 2480 pixels wide: sharp in a printed report. */
export const PRINT_WIDTH = 2480;

/** Unicode ranges as Fontsource declares them for these two files. */
const FONT_FILES = [
  {
    url: interLatin,
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'
  },
  {
    url: interLatinExt,
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'
  }
];

async function dataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type || 'font/woff2'};base64,${btoa(binary)}`;
}

let fontCss: Promise<string> | null = null;

/**
 * @font-face rules with the app's font inside them as data. An SVG drawn as an image may
 * load nothing from outside itself, so without these its text would fall back to whatever
 * the browser has. Fetched once, from the app's own origin.
 */
export function embeddedFontCss(): Promise<string> {
  fontCss ??= Promise.all(
    FONT_FILES.map(async ({ url, range }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The chart font could not be loaded (${response.status}).`);
      const src = await dataUrl(await response.blob());
      return `@font-face{font-family:'Inter Variable';font-weight:100 900;src:url(${src}) format('woff2');unicode-range:${range};}`;
    })
  ).then((rules) => rules.join(''));
  fontCss.catch(() => (fontCss = null));
  return fontCss;
}

/**
 * Draws a standalone SVG (see svg-export.ts) `width` pixels wide onto a canvas and returns it
 * as a PNG. The height follows the SVG's proportions.
 */
export async function svgToPng(
  svg: string,
  size: { width: number; height: number },
  width: number
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width);
    canvas.height = Math.round((size.height * width) / size.width);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the picture (no canvas).');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))),
        'image/png'
      )
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
