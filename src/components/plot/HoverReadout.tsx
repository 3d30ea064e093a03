import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import type { InfoUnit } from '../../protocol/config';
import { estimatorKey, unitsKey } from '../../protocol/paramText';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import type { PlotModel, PlotPoint } from './plotModel';

/** The point of `points` (sorted by step) nearest to `step`, or null. */
function nearest(points: readonly PlotPoint[], step: number): PlotPoint | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid].step < step) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo].step - step) <= Math.abs(points[hi].step - step) ? points[lo] : points[hi];
}

/** The true MI at `step` from its step-function points. */
function truthAt(points: readonly PlotPoint[], step: number): number | null {
  let value: number | null = null;
  for (const p of points) if (p.step <= step) value = p.value;
  return value ?? points[0]?.value ?? null;
}

/**
 * A hover readout for the plot: a guide line at the step under the pointer and each estimator's
 * smoothed value there, with the true MI. The chart itself does not re-render as the pointer moves.
 */
export function HoverReadout({
  model,
  units,
  fontSize,
}: {
  model: PlotModel;
  units: InfoUnit;
  fontSize: number;
}) {
  const [step, setStep] = useState<number | null>(null);
  const { t } = useTranslation();
  const area = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const inverse = useXAxisInverseScale();
  if (!area || !xScale || !yScale || !inverse) return null;

  const rows =
    step === null
      ? []
      : [
          ...model.curves.map((curve) => ({
            color: ESTIMATOR_COLORS[curve.id],
            label: t(estimatorKey(curve.id)),
            point: nearest(curve.smoothed, step),
          })),
        ].filter((r) => r.point !== null);
  const truth = step === null ? null : truthAt(model.truth, step);
  const guideX = step === null ? 0 : Number(xScale(step));
  const boxWidth = 150;
  const boxX = guideX + 12 + boxWidth > area.x + area.width ? guideX - 12 - boxWidth : guideX + 12;
  const lineHeight = fontSize + 4;

  return (
    <g className="hover-readout">
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onPointerMove={(event) => {
          const svg = (event.currentTarget.ownerSVGElement ?? event.currentTarget) as SVGGraphicsElement;
          const box = svg.getBoundingClientRect();
          const value = Number(inverse(event.clientX - box.left));
          setStep(Number.isFinite(value) ? Math.max(1, Math.round(value)) : null);
        }}
        onPointerLeave={() => setStep(null)}
      />
      {step !== null && rows.length > 0 && (
        <g pointerEvents="none">
          <line
            x1={guideX}
            x2={guideX}
            y1={area.y}
            y2={area.y + area.height}
            stroke="#9aa4b2"
            strokeDasharray="3 3"
          />
          <rect
            x={boxX}
            y={area.y + 6}
            width={boxWidth}
            height={lineHeight * (rows.length + 2) + 6}
            rx={6}
            fill="#ffffff"
            fillOpacity={0.94}
            stroke="#d8dee8"
          />
          <text x={boxX + 8} y={area.y + 6 + lineHeight} fontSize={fontSize} fill="#1b2430">
            {t('plot.hoverStep', { step })}
          </text>
          {rows.map((row, i) => (
            <text
              key={row.label}
              x={boxX + 8}
              y={area.y + 6 + lineHeight * (i + 2)}
              fontSize={fontSize}
              fill={row.color}
            >
              {row.label}: {row.point?.value.toFixed(3)} {t(unitsKey(units))}
            </text>
          ))}
          {truth !== null && (
            <text
              x={boxX + 8}
              y={area.y + 6 + lineHeight * (rows.length + 2)}
              fontSize={fontSize}
              fill={REFERENCE_COLORS.truth}
            >
              {t('plot.hoverTrue', { value: truth.toFixed(3), units: t(unitsKey(units)) })}
            </text>
          )}
        </g>
      )}
    </g>
  );
}
