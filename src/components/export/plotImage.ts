/**
 * Draws the live plot into a PNG, entirely in the page: the chart's SVG is serialised and drawn on a
 * canvas, with a title, the legend and the settings line drawn as canvas text around it.
 */
import { legendEntries, settingsLine, wrapRows, wrapText, type LegendEntry } from './plotCaption';
import { unitsKey } from '../../protocol/paramText';
import type { PlotModel } from '../plot/plotModel';
import type { RunConfig } from '../../protocol/config';
import type { TFunction } from 'i18next';

/** Pixels per CSS pixel in the saved image (crisp on slides and projectors). */
const SCALE = 2;
const PAD = 20;
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const SAMPLE_WIDTH = 28;

/** The chart's SVG element inside the plot (`data-testid="plot"`), or null before it renders. */
export function findPlotSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('[data-testid="plot"] svg.recharts-surface');
}

/** The chart as a standalone SVG document: explicit size, namespace and fonts (page CSS does not apply). */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = `text { font-family: ${FONT_FAMILY}; }`;
  copy.insertBefore(style, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Loads an SVG document as an image. */
async function svgImage(markup: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  return image;
}

/** Draws a legend entry's sample line with its left end at (x, y). */
function drawSample(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  ctx.save();
  ctx.strokeStyle = entry.color;
  ctx.lineWidth = entry.stroke === 'thick' ? 4 : entry.stroke === 'thin' ? 1.5 : 3;
  if (entry.stroke === 'thin') ctx.globalAlpha = 0.5;
  if (entry.stroke === 'dashed') ctx.setLineDash([8, 5]);
  if (entry.stroke === 'dotted') ctx.setLineDash([2, 4]);
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + SAMPLE_WIDTH, y);
  ctx.stroke();
  ctx.restore();
}

/** Renders the plot with its legend and settings as a PNG blob. */
export async function plotPng(
  svg: SVGSVGElement,
  model: PlotModel,
  config: RunConfig,
  t: TFunction,
): Promise<Blob> {
  const box = svg.getBoundingClientRect();
  const plotWidth = Math.max(320, Math.round(box.width));
  const plotHeight = Math.max(200, Math.round(box.height));
  const image = await svgImage(standaloneSvg(svg, plotWidth, plotHeight));

  const width = plotWidth + 2 * PAD;
  const measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) throw new Error('no 2D canvas here');
  const legendFont = `15px ${FONT_FAMILY}`;
  const settingsFont = `13px ${FONT_FAMILY}`;
  measureCtx.font = legendFont;
  const entries = legendEntries(model, config.units, t);
  const entryWidths = entries.map((e) => SAMPLE_WIDTH + 8 + measureCtx.measureText(e.label).width);
  const legendRows = wrapRows(entryWidths, plotWidth, 24);
  measureCtx.font = settingsFont;
  const settings = wrapText(
    settingsLine(config, model, t),
    (text) => measureCtx.measureText(text).width,
    plotWidth,
  );

  const titleHeight = 34;
  const legendTop = PAD + titleHeight + plotHeight + 8;
  const settingsTop = legendTop + legendRows.length * 24 + 8;
  const height = settingsTop + settings.length * 19 + PAD;

  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas here');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1b2430';
  ctx.font = `600 18px ${FONT_FAMILY}`;
  ctx.fillText(t('caption.title', { units: t(unitsKey(config.units)) }), PAD, PAD + 12);
  ctx.drawImage(image, PAD, PAD + titleHeight, plotWidth, plotHeight);

  ctx.font = legendFont;
  legendRows.forEach((row, r) => {
    let x = PAD;
    const y = legendTop + r * 24 + 12;
    for (const index of row) {
      drawSample(ctx, entries[index], x, y);
      ctx.fillStyle = '#1b2430';
      ctx.fillText(entries[index].label, x + SAMPLE_WIDTH + 8, y);
      x += entryWidths[index] + 24;
    }
  });
  ctx.font = settingsFont;
  ctx.fillStyle = '#4a5565';
  settings.forEach((line, i) => ctx.fillText(line, PAD, settingsTop + i * 19 + 9));

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('caption.failed')))), 'image/png'),
  );
}
