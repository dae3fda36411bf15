import type { IndicatorName } from '$lib/boards/text';
import { local } from '$lib/indicators/framework-text';
import { shippedFramework } from '$lib/programme/framework.svelte';

/** An indicator of the shipped framework by its name, as its card on a board shows it. */
export const shippedIndicatorName: IndicatorName = (id) => {
  const indicator = shippedFramework.indicators.find((i) => i.id === id);
  return indicator ? local(indicator.name) : undefined;
};
