import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartDatum {
  label: string;
  value: number;
}

/** Small bar chart of org counts by level. Loaded lazily (echarts is large). */
export default function OrgCountChart(props: { data: ChartDatum[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: props.data.map((d) => d.label), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: '数量',
          data: props.data.map((d) => d.value),
          barMaxWidth: 48,
          itemStyle: { color: '#1d4ed8', borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top' },
        },
      ],
    });
  }, [props.data]);

  const summary = props.data.map((d) => `${d.label} ${d.value} 个`).join('，');
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`下辖机构数量：${summary}`}
      style={{ height: props.height ?? 240 }}
    />
  );
}
