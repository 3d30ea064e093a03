import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { heatmapPixels } from './colorScale';

/** A size×size grid of values drawn on a canvas (y upwards), on a shared diverging colour scale. */
export function Heatmap(props: {
  /** Null before the first snapshot: a blank canvas. */
  values: Float32Array | null;
  size: number;
  low: number;
  high: number;
  label: string;
  testId: string;
  step: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { values, size, low, high } = props;
  const { t } = useTranslation();

  useEffect(() => {
    const context = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    if (!values) {
      context.clearRect(0, 0, size, size);
      return;
    }
    const image = new ImageData(heatmapPixels(values, size, low, high), size, size);
    context.putImageData(image, 0, 0);
  }, [values, size, low, high]);

  return (
    <figure className="heatmap">
      <canvas
        ref={canvas}
        width={size}
        height={size}
        data-testid={props.testId}
        data-step={props.step}
        role="img"
        aria-label={t('critic.heatmapLabel', { label: props.label })}
      />
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
