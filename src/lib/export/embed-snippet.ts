/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The message an embedded page sends the page around its frame whenever its height changes. */
export interface HeightMessage {
  type: 'cooperare:height';
  /** Height of the embed page's content in CSS pixels, rounded up. */
  height: number;
}

export function isHeightMessage(data: unknown): data is HeightMessage {
  const { type, height } = (data ?? {}) as Partial<HeightMessage>;
  return type === 'cooperare:height' && typeof height === 'number' && height > 0;
}

/**
 * The one global the snippet's script sets on the host page: the app origins whose height
 * messages a listener already follows, so a snippet pasted several times adds one listener.
 */
export const HOST_FLAG = 'cooperareEmbeds';

/**
 * The script pasted after the frame. It resizes a frame only from a height message sent by
 * that frame's own window from the app's origin, so no other page or frame can resize the
 * host's frames; one listener serves every frame of that origin on the page. Plain ES5, as it
 * runs in whatever page the presenter's site has.
 */
function hostScript(origin: string): string {
  // JSON is a valid JavaScript string; `<` is escaped so no origin can close the script.
  const quoted = JSON.stringify(origin).replaceAll('<', '\\u003c');
  return (
    `(function(o,w){var k=w.${HOST_FLAG}=w.${HOST_FLAG}||{};if(k[o])return;k[o]=1;` +
    `w.addEventListener('message',function(e){var d=e.data,f,i;` +
    `if(e.origin!==o||!d||d.type!=='cooperare:height'||typeof d.height!=='number'||!(d.height>0&&d.height<1e5))return;` +
    `f=w.document.getElementsByTagName('iframe');` +
    `for(i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=Math.ceil(d.height)+'px'})` +
    `})(${quoted},window)`
  );
}

export interface EmbedOptions {
  /** Absolute URL of the /embed page with the view's parameters. */
  src: string;
  /** The chart's title: screen readers announce the frame by it. */
  title: string;
  /** Starting height in CSS pixels, which the frame keeps where the host strips scripts. */
  height: number;
}

/**
 * The HTML a presenter pastes into a web page to show the chart there: the frame, then the
 * script that makes it follow the height its page posts (see docs/embed.md).
 */
export function embedSnippet({ src, title, height }: EmbedOptions): string {
  const px = Math.max(120, Math.round(height));
  const frame = `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" style="width:100%;height:${px}px;border:0"></iframe>`;
  return `${frame}\n<script>${hostScript(new URL(src).origin)}</script>`;
}
