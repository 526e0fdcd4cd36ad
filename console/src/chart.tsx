// Chart.js, only the parts the dashboard draws (tree-shaken), behind one small component. Each chart is an image
// with a text alternative that states its numbers, so nothing is only visible.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export const PALETTE = ['#2f5d8a', '#3f8f6b', '#b26b1f', '#7a4f9a', '#a33c3c'];

interface BarChartData {
  labels: string[];
  series: { name: string; values: number[] }[];
  horizontal?: boolean;
}

export function BarChart(props: { label: string } & BarChartData) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again only when the numbers change, not on every render that passes equal arrays anew.
  const drawn = JSON.stringify({ labels: props.labels, series: props.series, horizontal: props.horizontal });
  useEffect(() => {
    const { labels, series, horizontal } = JSON.parse(drawn) as BarChartData;
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderRadius: 3,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
        scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [drawn]);
  const alt = `${props.label}. ${props.series
    .map((s) => `${s.name}: ${props.labels.map((l, i) => `${l} ${s.values[i] ?? 0}`).join(', ')}`)
    .join('. ')}`;
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={alt} />
    </div>
  );
}
