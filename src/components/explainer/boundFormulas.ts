/**
 * The bound each selected estimator trains and reports, with N, k, α and τ substituted, plus the
 * critic and the batch ceiling. Bounds are written in nats (natural log), as the trainer computes them.
 */
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
function kLimit(k: number, config: RunConfig): string {
  if (k === config.k) return 'the cap you set';
  if (k === config.batch) return 'the batch size N';
  return `limited by memory at this width h (cap ${textNumber(config.k)})`;
}

/** The bound, its training and a note for estimator `id` under `config`. */
export function explainEstimator(id: BoundId, config: RunConfig): EstimatorExplanation {
  const n = texNumber(config.batch);
  const nText = textNumber(config.batch);
  switch (id) {
    case 'mine':
      return {
        id,
        bound: { tex: dvTex('DV', n, null), text: `Î_DV = ${DV_TEXT}, N = ${nText}` },
        training: null,
        note: 'Adam climbs this bound’s plain minibatch gradient, which is biased: e^T is divided by its own batch mean.',
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
        note: 'The same DV value, but the gradient divides by a moving average m_t of E_Q[e^T] (the paper’s bias correction); α = 1 is plain MINE.',
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
        note: 'Unbiased gradients, but e^(T−1) makes the estimate the noisiest of all.',
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
        note: `Scores all k × k pairs of the batch’s first k rows (k is ${kLimit(k, config)}); it can never exceed log k = ${textInfo(cap, config.units)}.`,
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
        note: 'Trained on the Jensen–Shannon objective (steady gradients), reported as the DV bound with the shuffled scores clipped to [−τ, τ]: smaller τ, less variance, more bias.',
      };
    }
  }
}

/** The critic network with its dimensions and hidden widths substituted. */
export function criticFormula(config: RunConfig): Formula {
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
    text: `T(x, y) = w_outᵀ ${textInner} + b_out, ${layers} hidden layer${layers > 1 ? 's' : ''}; d_x = ${xDim}, d_y = ${yDim}, h = ${widths.join(', ')}`,
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
