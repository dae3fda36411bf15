import { isHeightMessage } from './embed-snippet';

/** Narrowest width measured: the embed page's layout is meant for a phone and up. */
const MIN_WIDTH = 320;

/**
 * Opens the embed page `src` (of this origin) in a frame `width` pixels wide that nobody sees
 * or reaches, and calls `onHeight` with every height it posts, as the frame in a host page
 * would receive them. The real page is measured rather than the chart on screen plus an
 * allowance, so titles that wrap, notes and any kind of embed (chart, programme chart, board)
 * come out right. The frame runs until the returned clean-up is called.
 */
export function measureEmbedHeight(
  src: string,
  width: number,
  onHeight: (height: number) => void
): () => void {
  const frame = document.createElement('iframe');
  frame.src = src;
  frame.inert = true;
  frame.setAttribute('aria-hidden', 'true');
  // In the viewport but transparent and beneath the page: Chromium stops rendering frames
  // outside the viewport, and a frame that never lays out never posts its height.
  frame.style.cssText = `position:fixed;left:0;top:0;width:${Math.max(MIN_WIDTH, Math.round(width))}px;height:200px;border:0;opacity:0;pointer-events:none;z-index:-1`;
  const listen = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
    if (isHeightMessage(event.data)) onHeight(event.data.height);
  };
  window.addEventListener('message', listen);
  document.body.append(frame);
  return () => {
    window.removeEventListener('message', listen);
    frame.remove();
  };
}
