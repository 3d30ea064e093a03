/**
 * The selected distribution's data model and its true mutual information, with the current
 * settings substituted, e.g. I(X;Y) = 3/2 · log₂(1 + 3/0.2) = 6.00 bits. Words come from `t`
 * (catalogue `explainer.*`).
 */
import type { TFunction } from 'i18next';
import { STAIRCASE_LEVELS_NATS, rhoForMiNats } from '../../core/distributions';
import { bmiTask } from '../../core/tasks/catalogue';
import { inUnits, trueMiBits, type RunConfig } from '../../protocol/config';
import {
  texInfo,
  texLines,
  texNumber,
  texSquared,
  textSquared,
  textInfo,
  textNumber,
  unitLog,
  type Formula,
} from './texFormat';
import { renderMessageWith } from '../../i18n/i18n';

/** The data model: how X and Y are drawn. */
export function dataModelFormula(config: RunConfig, t: TFunction): Formula {
  const d = `d = ${texNumber(config.dim)}`;
  switch (config.dist) {
    case 'channel':
      return {
        tex: texLines(
          `X \\sim \\mathcal{N}(0,\\ P\\,I_d),\\quad Y = X + Z,\\quad Z \\sim \\mathcal{N}(0,\\ \\sigma^2 I_d)`,
          `P = ${texNumber(config.power)},\\quad \\sigma^2 = ${texNumber(config.noise)},\\quad ${d}`,
        ),
        text: `X ~ N(0, P·I_d), Y = X + Z, Z ~ N(0, σ²·I_d); P = ${textNumber(config.power)}, σ² = ${textNumber(config.noise)}, d = ${config.dim}`,
      };
    case 'correlated':
      return {
        tex: texLines(
          `X, \\varepsilon \\sim \\mathcal{N}(0,\\ I_d),\\quad Y = \\rho X + \\sqrt{1-\\rho^2}\\,\\varepsilon`,
          `\\rho = ${texNumber(config.rho)},\\quad ${d}`,
        ),
        text: `X, ε ~ N(0, I_d), Y = ρX + √(1−ρ²)·ε; ρ = ${textNumber(config.rho)}, d = ${config.dim}`,
      };
    case 'cubic':
      return {
        tex: texLines(
          // Coordinatewise by its index j: words stay out of TeX (a translation may hold characters TeX rejects).
          `X, \\varepsilon \\sim \\mathcal{N}(0,\\ I_d),\\quad Y_j = \\bigl(\\rho X_j + \\sqrt{1-\\rho^2}\\,\\varepsilon_j\\bigr)^{3}`,
          `\\rho = ${texNumber(config.rho)},\\quad ${d}`,
        ),
        text: `X, ε ~ N(0, I_d), Y = (ρX + √(1−ρ²)·ε)³ ${t('explainer.plainFormula.eachCoordinate')}; ρ = ${textNumber(config.rho)}, d = ${config.dim}`,
      };
    case 'staircase':
      return {
        tex: texLines(
          `X, \\varepsilon \\sim \\mathcal{N}(0,\\ I_d),\\quad Y = \\rho_t X + \\sqrt{1-\\rho_t^2}\\,\\varepsilon`,
          `\\rho_t = \\sqrt{1 - e^{-2 I_t / d}},\\quad ${d}`,
        ),
        text: `X, ε ~ N(0, I_d), Y = ρ_t·X + √(1−ρ_t²)·ε with ρ_t = √(1 − e^(−2 I_t / d)); d = ${config.dim}`,
      };
    case 'task': {
      const task = bmiTask(config.task);
      return {
        tex: null,
        text: task ? `${config.task}: ${renderMessageWith(t, task.definition)}` : config.task,
      };
    }
    case 'data':
      return {
        tex: null,
        text: t('explainer.yourData', { x: columnList(config.x, t), y: columnList(config.y, t) }),
      };
  }
}

/** Column names as a sentence lists them. */
function columnList(names: readonly string[], t: TFunction): string {
  return names.length === 0
    ? t('explainer.noColumn')
    : names.map((n) => t('explainer.quoted', { name: n })).join(t('list.separator'));
}

/** The stair (0-based) that training step `stepIdx` is on. */
function stairAt(config: RunConfig, stepIdx: number): number {
  return Math.min(STAIRCASE_LEVELS_NATS.length - 1, Math.floor(stepIdx / config.stair));
}

/** The true MI in closed form, then with the settings substituted, then its value (at `stepIdx`). */
export function trueMiFormula(config: RunConfig, stepIdx: number, t: TFunction): Formula {
  const { units } = config;
  const log = unitLog(units);
  const value = inUnits(trueMiBits(config, stepIdx), units);
  const result = { tex: texInfo(value, units), text: textInfo(value, units) };
  const d = texNumber(config.dim);
  switch (config.dist) {
    case 'channel':
      return {
        tex: `I(X;Y) = \\frac{d}{2}\\,${log.tex}\\!\\Bigl(1 + \\frac{P}{\\sigma^2}\\Bigr) = \\frac{${d}}{2}\\,${log.tex}\\!\\Bigl(1 + \\frac{${texNumber(config.power)}}{${texNumber(config.noise)}}\\Bigr) = ${result.tex}`,
        text: `I(X;Y) = d/2 · ${log.text}(1 + P/σ²) = ${config.dim}/2 · ${log.text}(1 + ${textNumber(config.power)}/${textNumber(config.noise)}) = ${result.text}`,
      };
    case 'correlated':
    case 'cubic':
      return {
        tex: `I(X;Y) = -\\frac{d}{2}\\,${log.tex}\\bigl(1-\\rho^2\\bigr) = -\\frac{${d}}{2}\\,${log.tex}\\bigl(1 - ${texSquared(config.rho)}\\bigr) = ${result.tex}`,
        text: `I(X;Y) = −d/2 · ${log.text}(1 − ρ²) = −${config.dim}/2 · ${log.text}(1 − ${textSquared(config.rho)}) = ${result.text}`,
      };
    case 'staircase': {
      const stair = stairAt(config, stepIdx);
      const nats = STAIRCASE_LEVELS_NATS[stair];
      const rho = rhoForMiNats(nats, config.dim);
      return {
        tex: texLines(
          `I_t = 2\\min\\Bigl(5,\\ 1 + \\Bigl\\lfloor \\frac{t}{${texNumber(config.stair)}} \\Bigr\\rfloor\\Bigr)\\ \\text{nats}`,
          `I_{${stepIdx}} = ${nats}\\ \\text{nats} = ${result.tex},\\quad \\rho_t = ${texNumber(rho)}`,
        ),
        text: `I_t = 2·min(5, 1 + ⌊t / ${config.stair}⌋) nats; ${t('explainer.plainFormula.now')} I_${stepIdx} = ${nats} nats = ${result.text}, ρ_t = ${textNumber(rho)}`,
      };
    }
    case 'task':
      return {
        tex: `I(X;Y) = ${result.tex}`,
        text: t('explainer.taskTruth', { value: result.text }),
      };
    case 'data':
      return {
        tex: null,
        text: t('explainer.dataTruth'),
      };
  }
}

/** Why the true MI is what it is, in one sentence. */
export function trueMiNote(config: RunConfig, t: TFunction): string {
  switch (config.dist) {
    case 'channel':
      return t('explainer.truthNotes.channel');
    case 'correlated':
      return t('explainer.truthNotes.correlated');
    case 'cubic':
      return t('explainer.truthNotes.cubic');
    case 'staircase':
      return t('explainer.truthNotes.staircase', { stair: textNumber(config.stair) });
    case 'task': {
      const task = bmiTask(config.task);
      return task ? renderMessageWith(t, task.whyTruth) : '';
    }
    case 'data':
      return t('explainer.truthNotes.data');
  }
}
