/**
 * The bound each selected estimator trains and reports, with N, k, α and τ substituted, plus the
 * critic and the batch ceiling. Bounds are written in nats (natural log), as the trainer computes them.
 * The words come from `t` (catalogue `explainer.*`); the maths stays TeX.
 */
import type { TFunction } from 'i18next';
import {
  ceilingBits,
  infoNceK,
  inUnits,
  sourceDims,
  type BoundId,
  type RunConfig,
} from '../../protocol/config';
import { texInfo, texLines, texNumber, textInfo, textNumber, unitLog, type Formula } from './texFormat';

/** One estimator's bound and how it is trained. */
export interface EstimatorExplanation {
  readonly id: BoundId;
  /** The value reported and plotted. */
  readonly bound: Formula;
  /** How the critic's training differs from climbing the reported value, if it does. */
  readonly training: Formula | null;
  /** One sentence on training and on what to expect. */
  readonly note: string;
}

/** Means over the N joint pairs and over the N shuffled pairs, in TeX. */
const meanP = (body: string) => `\\frac{1}{N}\\sum_{i=1}^{N} ${body}`;
const JOINT = 'T(x_i, y_i)';
const SHUFFLED = 'T(x_i, y_{\\pi(i)})';
const DV_TEXT = '(1/N) Σᵢ T(xᵢ, yᵢ) − log (1/N) Σᵢ e^T(xᵢ, y_π(i))';

/** The Donsker–Varadhan bound with N substituted, its partition scores clipped to ±τ when `tau` is given. */
function dvTex(name: string, n: string, tau: string | null): string {
  const partition = tau ? `e^{\\operatorname{clip}(${SHUFFLED},\\,-\\tau,\\,\\tau)}` : `e^{${SHUFFLED}}`;
  return texLines(
    `\\hat I_{\\mathrm{${name}}} = ${meanP(JOINT)} - \\log ${meanP(partition)}`,
    `N = ${n}${tau ? `,\\quad \\tau = ${tau}` : ''}`,
  );
}

/** What sets InfoNCE's k: its cap, the batch size, or the memory budget for the k × k scores. */
function kLimit(k: number, config: RunConfig, t: TFunction): string {
  if (k === config.k) return t('explainer.kLimit.cap');
  if (k === config.batch) return t('explainer.kLimit.batch');
  return t('explainer.kLimit.memory', { cap: textNumber(config.k) });
}

/** The bound, its training and a note for estimator `id` under `config`. */
export function explainEstimator(id: BoundId, config: RunConfig, t: TFunction): EstimatorExplanation {
  const n = texNumber(config.batch);
  const nText = textNumber(config.batch);
  switch (id) {
    case 'mine':
      return {
        id,
        bound: { tex: dvTex('DV', n, null), text: `Î_DV = ${DV_TEXT}, N = ${nText}` },
        training: null,
        note: t('explainer.notes.mine'),
      };
    case 'mine-ema':
      return {
        id,
        bound: { tex: dvTex('DV', n, null), text: `Î_DV = ${DV_TEXT}, N = ${nText}` },
        training: {
          tex: texLines(
            `\\nabla \\hat I = \\overline{\\nabla T}_{P} - \\frac{\\overline{e^{T}\\nabla T}_{Q}}{m_t},\\quad m_t = (1-\\alpha)\\,m_{t-1} + \\alpha\\,\\overline{e^{T}}_{Q}`,
            `\\alpha = ${texNumber(config.alpha)}`,
          ),
          text: `∇Î = mean_P(∇T) − mean_Q(e^T ∇T) / m_t, m_t = (1−α)·m_(t−1) + α·mean_Q(e^T), α = ${textNumber(config.alpha)}`,
        },
        note: t('explainer.notes.mine-ema'),
      };
    case 'nwj':
      return {
        id,
        bound: {
          tex: texLines(
            `\\hat I_{\\mathrm{NWJ}} = ${meanP(JOINT)} - ${meanP(`e^{${SHUFFLED} - 1}`)}`,
            `N = ${n}`,
          ),
          text: `Î_NWJ = (1/N) Σᵢ T(xᵢ, yᵢ) − (1/N) Σᵢ e^(T(xᵢ, y_π(i)) − 1), N = ${nText}`,
        },
        training: null,
        note: t('explainer.notes.nwj'),
      };
    case 'infonce': {
      const k = infoNceK(config);
      const cap = inUnits(ceilingBits(config, 'infonce'), config.units);
      return {
        id,
        bound: {
          tex: texLines(
            `\\hat I_{\\mathrm{NCE}} = \\log k + \\frac{1}{k}\\sum_{i=1}^{k}\\Bigl(T_{ii} - \\log\\sum_{j=1}^{k} e^{T_{ij}}\\Bigr)`,
            `T_{ij} = T(x_i, y_j),\\quad k = ${texNumber(k)}`,
          ),
          text: `Î_NCE = log k + (1/k) Σᵢ (T_ii − log Σⱼ e^T_ij), T_ij = T(xᵢ, yⱼ), k = ${textNumber(k)}`,
        },
        training: null,
        note: t('explainer.notes.infonce', { limit: kLimit(k, config, t), cap: textInfo(cap, config.units) }),
      };
    }
    case 'smile': {
      const tau = texNumber(config.tau);
      return {
        id,
        bound: {
          tex: dvTex('SMILE', n, tau),
          text: `Î_SMILE = (1/N) Σᵢ T(xᵢ, yᵢ) − log (1/N) Σᵢ e^clip(T(xᵢ, y_π(i)), −τ, τ), N = ${nText}, τ = ${textNumber(config.tau)}`,
        },
        training: {
          tex: `\\max_T\\ ${meanP(`-\\operatorname{softplus}\\bigl(-${JOINT}\\bigr)`)} - ${meanP(`\\operatorname{softplus}\\bigl(${SHUFFLED}\\bigr)`)}`,
          text: 'max over T of (1/N) Σᵢ −softplus(−T(xᵢ, yᵢ)) − (1/N) Σᵢ softplus(T(xᵢ, y_π(i)))',
        },
        note: t('explainer.notes.smile'),
      };
    }
  }
}

/** The critic network with its dimensions and hidden widths substituted. */
export function criticFormula(config: RunConfig, t: TFunction): Formula {
  const { xDim, yDim } = sourceDims(config);
  const widths = config.hidden;
  const layers = widths.length;
  // T = w_out^T ReLU(W_L … ReLU(W_1 [x; y] + b_1) … + b_L) + b_out
  const texInner = widths.reduce(
    (inner, _, l) => `\\operatorname{ReLU}\\bigl(W_{${l + 1}} ${inner} + b_{${l + 1}}\\bigr)`,
    '[x; y]',
  );
  const textInner = widths.reduce((inner, _, l) => `ReLU(W${l + 1} ${inner} + b${l + 1})`, '[x; y]');
  return {
    tex: texLines(
      `T(x, y) = w_{\\text{out}}^{\\top} ${texInner} + b_{\\text{out}},\\quad W_1 \\in \\mathbb{R}^{h_1 \\times (d_x + d_y)}`,
      `d_x = ${texNumber(xDim)},\\quad d_y = ${texNumber(yDim)},\\quad ${widths.map((h, l) => `h_{${l + 1}} = ${texNumber(h)}`).join(',\\quad ')}`,
    ),
    text: `T(x, y) = w_outᵀ ${textInner} + b_out, ${t('explainer.hiddenLayers', { count: layers })}; d_x = ${xDim}, d_y = ${yDim}, h = ${widths.join(', ')}`,
  };
}

/** The batch ceiling log N of the DV-type estimators, in the chosen units. */
export function ceilingFormula(config: RunConfig): Formula {
  const log = unitLog(config.units);
  const value = inUnits(ceilingBits(config, 'mine'), config.units);
  return {
    tex: `\\hat I \\lesssim \\log N = ${log.tex} ${texNumber(config.batch)} = ${texInfo(value, config.units)}`,
    text: `Î ≲ log N = ${log.text} ${textNumber(config.batch)} = ${textInfo(value, config.units)}`,
  };
}
