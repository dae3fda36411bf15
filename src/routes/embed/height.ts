import type { HeightMessage } from '$lib/export/embed-snippet';

/**
 * Tells the page around the iframe how tall the chart is, now and on every change, so the
 * frame can fit it (see docs/embed.md). Does nothing outside a frame. Returns the clean-up.
 */
export function postHeightToParent(element: HTMLElement): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'cooperare:height', height };
    // The height says nothing private, and the embedding page may be on any origin.
    window.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(element);
  post();
  return () => observer.disconnect();
}
