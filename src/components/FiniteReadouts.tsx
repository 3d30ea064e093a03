import { useTranslation } from 'react-i18next';
import { unitsKey } from '../protocol/paramText';
import { inUnits } from '../protocol/config';
import { useRun } from '../store/context';
import { PERMUTATION_SHUFFLES } from '../store/dataSlice';
import type { RunResults } from '../store/runResults';
import { formatInformation } from './format';
import { BITS_PER_NAT } from '../core/units';

/** The latest held-out value of estimator `e` and its best so far, in bits (null before any). */
function heldOutOf(results: RunResults, e: number): { latest: number | null; best: number | null } {
  const { heldOut } = results;
  const values = heldOut.valuesBits[e];
  let latest: number | null = null;
  let best: number | null = null;
  for (let j = 0; j < heldOut.length; j++) {
    const v = values[j];
    if (!Number.isFinite(v)) continue;
    latest = v;
    if (best === null || v > best) best = v;
  }
  return { latest, best };
}

/** A p-value as it reads best: "0.01", "< 0.001" never (it cannot go below 1/(B + 1)). */
function formatP(p: number): string {
  return p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

/**
 * The numbers of a run on a finite sample: the estimate on held-out rows (the honest one, the
 * headline when the truth is unknown) with its best so far, and the baselines on the same rows —
 * KSG, the linear (Gaussian) MI and the permutation test's p-value.
 */
export function FiniteReadouts() {
  const results = useRun((s) => s.results);
  const units = useRun((s) => s.config.units);
  const { ksg, linear, permutation, state, progress } = useRun((s) => s.baselines);
  const { latest, best } = heldOutOf(results, 0);
  const { t } = useTranslation();
  const info = (bits: number | null) => formatInformation(bits === null ? null : inUnits(bits, units));
  const ksgBits = ksg ? ksg.miNats * BITS_PER_NAT : null;
  const linearBits = linear ? linear.miNats * BITS_PER_NAT : null;
  const pending = (done: boolean, fraction: number) =>
    done ? '' : state === 'running' ? `${Math.round(100 * fraction)}%` : '—';
  return (
    <>
      <div className="readout headline-heldout" title={t('finite.heldOutTitle')}>
        <dt>{t('finite.heldOut', { units: t(unitsKey(units)) })}</dt>
        <dd data-testid="heldout-estimate" data-bits={latest ?? ''} data-best-bits={best ?? ''}>
          <span className="value">{info(latest)}</span>
          {best !== null && <span className="suffix">{t('finite.best', { value: info(best) })}</span>}
        </dd>
      </div>
      <div className="readout" title={t('finite.ksgTitle')}>
        <dt>KSG{ksg ? ` (k = ${ksg.k})` : ''}</dt>
        <dd data-testid="ksg-estimate" data-bits={ksgBits ?? ''} data-rows={ksg?.rowsUsed ?? ''}>
          <span className="value">{ksg ? info(ksgBits) : pending(false, progress.ksg)}</span>
        </dd>
      </div>
      <div className="readout" title={t('finite.linearTitle')}>
        <dt>{t('finite.linear')}</dt>
        <dd data-testid="linear-mi" data-bits={linearBits ?? ''}>
          <span className="value">{linear ? info(linearBits) : pending(false, 0)}</span>
        </dd>
      </div>
      <div className="readout" title={t('finite.permutationTitle', { shuffles: PERMUTATION_SHUFFLES })}>
        <dt>{t('finite.permutation')}</dt>
        <dd data-testid="permutation-p" data-value={permutation?.pValue ?? ''}>
          <span className="value">
            {permutation ? formatP(permutation.pValue) : pending(false, progress.permutation)}
          </span>
        </dd>
      </div>
    </>
  );
}
