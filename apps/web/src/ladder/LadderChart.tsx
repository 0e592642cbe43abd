// The dashboard's charts: Apache ECharts, tree-shaken (bar and line charts, the components they use,
// the canvas renderer: no eval, no inline style sheets, so the app's CSP holds). This module is loaded
// lazily after the tables, so the numbers appear before the library has arrived.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface LadderChartProps {
  /** The option for the container's width (legends wrap and labels turn on a phone). */
  option: (width: number) => EChartsCoreOption;
  /** The chart's height for the container's width, in pixels. */
  height: (width: number) => number;
}

/**
 * A chart that follows its container's width (ResizeObserver). Hidden from assistive technology:
 * the table beside it carries the same numbers.
 */
export default function LadderChart({ option, height }: LadderChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver((entries) => {
      const next = Math.round(entries[0]?.contentRect.width ?? element.clientWidth);
      setWidth((previous) => (previous === next ? previous : next));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const element = ref.current;
    if (!element || width === 0) return;
    chart.current ??= echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current.resize();
    chart.current.setOption(option(width), { notMerge: true });
  }, [option, height, width]);

  // The height is set through the CSSOM (React's style prop), which the CSP allows.
  return (
    <div
      ref={ref}
      className="ladder-chart"
      aria-hidden="true"
      style={{ height: `${width === 0 ? 0 : height(width)}px` }}
    />
  );
}
