import { useId } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { PlotPoint } from './plotModel';

/** One polyline (or set of diamond markers) to draw: its points and its look. */
export interface CurvePath {
  readonly key: string;
  readonly className: string;
  readonly points: readonly PlotPoint[];
  readonly stroke: string;
  readonly opacity?: number;
  readonly width: number;
  readonly dash?: string;
  /** Draw a diamond of this half-size at each point instead of a line. */
  readonly markers?: number;
  /** Draw the line as steps: level until the next point (the staircase's true MI). */
  readonly steps?: boolean;
}

type Scale = (v: number) => number;

/** An SVG path through `points` in pixel space; non-finite points break the line. */
function lineData(points: readonly PlotPoint[], x: Scale, y: Scale, steps: boolean): string {
  let d = '';
  let previous: PlotPoint | null = null;
  for (const p of points) {
    if (!Number.isFinite(p.value)) {
      previous = null;
      continue;
    }
    if (previous && steps) d += `L${x(p.step).toFixed(1)},${y(previous.value).toFixed(1)}`;
    d += `${previous ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.value).toFixed(1)}`;
    previous = p;
  }
  return d;
}

/** One closed diamond of half-size `r` per finite point. */
function markerData(points: readonly PlotPoint[], x: Scale, y: Scale, r: number): string {
  let d = '';
  for (const p of points) {
    if (!Number.isFinite(p.value)) continue;
    const [cx, cy] = [x(p.step), y(p.value)];
    d += `M${cx.toFixed(1)},${(cy - r).toFixed(1)}l${r},${r}l${-r},${r}l${-r},${-r}z`;
  }
  return d;
}

/**
 * The plot's curves as plain SVG paths inside a Recharts chart, on its axes (Recharts draws only the
 * axes, grid and reference lines). Recharts builds several objects and components per point of a
 * <Line> or <Scatter>; a path string per curve is all these need, so a redraw a few times a second
 * stays far below a frame's budget and memory does not grow with the points.
 */
export function CurvePaths({ curves }: { curves: readonly CurvePath[] }) {
  const clipId = useId();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  if (!xScale || !yScale || !area) return null;
  const x = (v: number) => Number(xScale(v));
  const y = (v: number) => Number(yScale(v));
  return (
    <g className="curve-paths">
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {curves.map((curve) => (
        <path
          key={curve.key}
          className={curve.className}
          d={
            curve.markers
              ? markerData(curve.points, x, y, curve.markers)
              : lineData(curve.points, x, y, curve.steps ?? false)
          }
          fill={curve.markers ? '#ffffff' : 'none'}
          stroke={curve.stroke}
          strokeOpacity={curve.opacity}
          strokeWidth={curve.width}
          strokeDasharray={curve.dash}
          strokeLinejoin="round"
          clipPath={`url(#${clipId})`}
        />
      ))}
    </g>
  );
}
