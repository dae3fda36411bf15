import { getContext, setContext, untrack } from 'svelte';

const KEY = Symbol('drawn-charts');

/**
 * The <svg> elements the charts inside one captioned figure have drawn, in the order they
 * stand on the page: a share menu downloads them as they are, and never has to look for them.
 */
export class DrawnCharts {
  #svgs = $state.raw<SVGSVGElement[]>([]);

  readonly svgs: readonly SVGSVGElement[] = $derived(
    [...this.#svgs].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
    )
  );

  /** Holds the element until the returned function is called (when the chart goes). */
  add(svg: SVGSVGElement): () => void {
    this.#svgs = [...this.#svgs, svg];
    return () => {
      this.#svgs = this.#svgs.filter((held) => held !== svg);
    };
  }
}

/** Called by the figure: the charts inside it hand it their <svg>. */
export function provideDrawnCharts(): DrawnCharts {
  return setContext(KEY, new DrawnCharts());
}

/** Called by a chart: hands its <svg>, once drawn, to the figure around it, if any. */
export function handDrawnChart(svg: () => SVGSVGElement | undefined): void {
  const charts = getContext<DrawnCharts | undefined>(KEY);
  if (!charts) return;
  $effect(() => {
    const element = svg();
    // Adding reads the list it changes: untracked, or the effect would run again.
    if (element) return untrack(() => charts.add(element));
  });
}
