// Counts per quarter or tertial over the promise period as a small inline SVG (no chart
// library: a few rects cost nothing in the bundle). The title carries the same figures
// as text for screen readers; colour is never the only carrier (values are printed).
import { useId } from 'preact/hooks';
import { formatNumber } from './format.ts';
import { t } from '../../i18n/index.ts';

export interface ChartBar {
  key: string;
  /** Long label for the text alternative: "kvartal 3 2025". */
  label: string;
  /** Short label under the bar: "K3", "T1". */
  short: string;
  year: number;
  count: number;
  /** After the day the figures are for: nothing to show yet. */
  future: boolean;
}

const SLOT = 34;
const BAR = 22;
const TOP = 14;
const PLOT = 56;
const HEIGHT = TOP + PLOT + 28;

export function BarChart({ bars, pace: targetPace, grain }: { bars: ChartBar[]; pace: number | null; grain: 'quarter' | 'tertial' }) {
  const id = useId();
  if (bars.length === 0) return null;
  // A pace under one per bucket ("1 trygghetsvandring under perioden") says nothing as a line.
  const pace = targetPace !== null && targetPace >= 1 ? targetPace : null;
  const grainWord = t.followUp.grain[grain];
  const max = Math.max(1, pace ?? 0, ...bars.map((b) => b.count));
  const y = (n: number) => TOP + PLOT - (n / max) * PLOT;
  const width = bars.length * SLOT;
  const text =
    `${t.followUp.chartTitle(grainWord)}: ` +
    bars.map((b) => `${b.label}: ${b.future ? t.followUp.chartNotYet : b.count}`).join(', ') +
    '.' +
    (pace !== null ? ` ${t.followUp.chartPace(formatNumber(pace), grainWord)}` : '');
  return (
    <figure class="chart">
      <svg class="bar-chart" viewBox={`0 0 ${width} ${HEIGHT}`} style={{ maxWidth: `${width * 1.25}px` }} role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{text}</title>
        <line class="axis" x1={0} x2={width} y1={TOP + PLOT + 0.5} y2={TOP + PLOT + 0.5} />
        {/* Under the bars, so a bar's value is never struck through by the line. */}
        {pace !== null && <line class="pace" x1={0} x2={width} y1={y(pace)} y2={y(pace)} />}
        {bars.map((b, i) => {
          const x = i * SLOT + (SLOT - BAR) / 2;
          const cx = i * SLOT + SLOT / 2;
          const newYear = i === 0 || bars[i - 1]!.year !== b.year;
          return (
            <g key={b.key} class={b.future ? 'future' : undefined}>
              {b.future ? (
                <rect class="bar-future" x={x + 0.5} y={TOP + PLOT - 6} width={BAR - 1} height={5.5} />
              ) : (
                <>
                  <rect class="bar" x={x} y={y(b.count)} width={BAR} height={TOP + PLOT - y(b.count)} />
                  <text class="bar-value" x={cx} y={y(b.count) - 3} text-anchor="middle">{b.count}</text>
                </>
              )}
              <text class="bar-label" x={cx} y={TOP + PLOT + 12} text-anchor="middle">{b.short}</text>
              {newYear && <text class="bar-year" x={i * SLOT + 2} y={TOP + PLOT + 25}>{b.year}</text>}
            </g>
          );
        })}
      </svg>
      {/* The svg's title already says this; the legend is for the eye only. */}
      {pace !== null && <figcaption class="chart-legend" aria-hidden="true">{t.followUp.chartLegend(formatNumber(pace), grainWord)}</figcaption>}
    </figure>
  );
}
