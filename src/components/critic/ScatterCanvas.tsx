import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import type { BatchScatter } from '../../protocol/snapshot';

const COLORS = { joint: '#0072B2', shuffled: '#E69F00' } as const;
const SIZE = 220;

/** Joint pairs (x₁, y₁) and shuffled pairs (x₁, y_π(1)) of one batch, on a square canvas. */
export function ScatterCanvas({ scatter, step }: { scatter: BatchScatter | null; step: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.clearRect(0, 0, SIZE, SIZE);
    if (!scatter) return; // blank until the first snapshot
    const all = [...scatter.joint, ...scatter.shuffled];
    let xMax = 1e-6;
    let yMax = 1e-6;
    for (let p = 0; p < all.length; p += 2) {
      if (Number.isFinite(all[p])) xMax = Math.max(xMax, Math.abs(all[p]));
      if (Number.isFinite(all[p + 1])) yMax = Math.max(yMax, Math.abs(all[p + 1]));
    }
    const toX = (x: number) => SIZE / 2 + (x / xMax) * (SIZE / 2 - 4);
    const toY = (y: number) => SIZE / 2 - (y / yMax) * (SIZE / 2 - 4);
    context.clearRect(0, 0, SIZE, SIZE);
    context.strokeStyle = '#d8dee8';
    context.beginPath();
    context.moveTo(0, SIZE / 2);
    context.lineTo(SIZE, SIZE / 2);
    context.moveTo(SIZE / 2, 0);
    context.lineTo(SIZE / 2, SIZE);
    context.stroke();
    // One path per kind, filled once: a fill per point is slow on a software rasteriser.
    const draw = (points: Float32Array, color: string, square: boolean) => {
      context.fillStyle = color;
      context.beginPath();
      for (let p = 0; p < points.length; p += 2) {
        const [x, y] = [toX(points[p]), toY(points[p + 1])];
        if (square) context.rect(x - 1.5, y - 1.5, 3, 3);
        else {
          context.moveTo(x + 1.8, y);
          context.arc(x, y, 1.8, 0, 2 * Math.PI);
        }
      }
      context.fill();
    };
    draw(scatter.shuffled, COLORS.shuffled, true);
    draw(scatter.joint, COLORS.joint, false);
  }, [scatter]);

  return (
    <figure className="scatter">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        data-testid="batch-scatter"
        data-step={step}
        role="img"
        aria-label={t('critic.scatterLabel')}
      />
      <figcaption>
        <span className="dot" style={{ background: COLORS.joint }} /> {t('critic.joint')} (x₁, y₁){' '}
        <span className="dot square" style={{ background: COLORS.shuffled }} /> {t('critic.shuffled')} (x₁, y
        <sub>π</sub>₁)
      </figcaption>
    </figure>
  );
}
