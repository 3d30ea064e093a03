import { useId } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { PlotPoint } from './plotModel';

/** One polyline to draw: its points and its look. */
export interface CurvePath {
  readonly key: string;
  readonly className: string;
  readonly points: readonly PlotPoint[];
  readonly stroke: string;
  readonly opacity: number;
  readonly width: number;
  readonly dash?: string;
}

/** An SVG path through `points` in pixel space; non-finite points break the line. */
function pathData(points: readonly PlotPoint[], x: (v: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.value)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/**
 * Plain SVG polylines inside a Recharts chart, on its axes: for curves that need no tooltip (each
 * step's estimate, earlier runs). Recharts keeps several objects per point of a <Line>; a path
 * string is all these need, so redraws stay cheap and memory does not grow with them.
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
          d={pathData(curve.points, x, y)}
          fill="none"
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
