/**
 * The floor an interaction in /explore is measured against: a page whose click does nothing
 * but change one number on screen, timed by the same probe (bench/probe.ts) with the same
 * input. What it reads is the browser's own part: the input's way to the page, the wait for
 * the display's next frame, and that frame's paint. No framework, no chart, no data.
 */
let clicks = 0;
const count = document.getElementById('count');
document.getElementById('box')?.addEventListener('change', () => {
  performance.mark('cooperare:first-query');
  if (count) count.textContent = String(++clicks);
  performance.mark('cooperare:chart-drawn');
});
