import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { logTicks } from './ticks';

/** Room around the plot for tick labels, end labels and a band's label. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One axis as the chart gives it: the values it spans and how its ticks are chosen. */
export interface AxisSpec {
  domain: [number, number];
  kind?: 'linear' | 'log';
  /** Round the ends to tick values, so the grid closes the plot. */
  nice?: boolean;
  /** How many ticks d3 is asked for, given the axis's length in pixels (default 6). */
  ticks?: (length: number) => number;
  /** Years only: no tick between two whole numbers. */
  integers?: boolean;
}

/** What a chart tells its frame; the frame measures the width itself. */
export interface FrameSpec {
  height: number;
  margin: Margin;
  x?: AxisSpec;
  y?: AxisSpec;
  /** The plot's width is kept between these, whatever the container's (default 120 and none). */
  minPlotWidth?: number;
  maxPlotWidth?: number;
  /**
   * `container`: the <svg> is as wide as its container; `plot`: as wide as the plot and its
   * margins, for a chart (the slope) that reads badly when stretched.
   */
  fit?: 'container' | 'plot';
}

export type Scale = ScaleContinuousNumeric<number, number>;

/** For a chart that places everything itself (a timeline, a list of bars). */
export const NO_MARGIN: Margin = { top: 0, right: 0, bottom: 0, left: 0 };

function scaleOf(axis: AxisSpec | undefined, range: [number, number]): Scale {
  const scale: Scale = axis?.kind === 'log' ? scaleLog() : scaleLinear();
  scale.domain(axis?.domain ?? [0, 1]).range(range);
  return axis?.nice ? scale.nice() : scale;
}

function ticksOf(axis: AxisSpec | undefined, scale: Scale, length: number): number[] {
  if (!axis) return [];
  const ticks = scale.ticks(axis.ticks ? axis.ticks(length) : 6);
  const shown = axis.kind === 'log' ? logTicks(ticks) : ticks;
  return axis.integers ? shown.filter(Number.isInteger) : shown;
}

/**
 * A chart's size, margins and scales, as Layer Cake's context holds them: the chart says
 * its height, margins and domains; the frame (ChartFrame.svelte) measures the width into
 * `width`, and every length and scale follows from the two.
 */
export class ChartFrameState {
  /** The container's width, measured by ChartFrame. */
  width = $state(640);
  #spec: () => FrameSpec;

  constructor(spec: () => FrameSpec, width = 640) {
    this.#spec = spec;
    this.width = width;
  }

  readonly spec = $derived.by(() => this.#spec());
  readonly height = $derived(this.spec.height);
  readonly margin = $derived(this.spec.margin);
  readonly plotWidth = $derived(
    Math.min(
      this.spec.maxPlotWidth ?? Infinity,
      Math.max(this.spec.minPlotWidth ?? 120, this.width - this.margin.left - this.margin.right)
    )
  );
  readonly plotHeight = $derived(this.height - this.margin.top - this.margin.bottom);
  readonly svgWidth = $derived(
    this.spec.fit === 'plot' ? this.plotWidth + this.margin.left + this.margin.right : this.width
  );
  readonly x = $derived(scaleOf(this.spec.x, [0, this.plotWidth]));
  readonly y = $derived(scaleOf(this.spec.y, [this.plotHeight, 0]));
  readonly xTicks = $derived(ticksOf(this.spec.x, this.x, this.plotWidth));
  readonly yTicks = $derived(ticksOf(this.spec.y, this.y, this.plotHeight));
}
