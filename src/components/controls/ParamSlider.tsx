import { useTranslation } from 'react-i18next';
import type { NumberSpec } from '../../protocol/config';
import { useRun } from '../../store/context';
import { paramHintKey, paramLabelKey } from '../../protocol/paramText';
import { Slider } from './Slider';

/** The slider of a numeric setting, bound to the store. */
export function ParamSlider({ spec, note }: { spec: NumberSpec; note?: string }) {
  const value = useRun((s) => s.config[spec.key]);
  const setParam = useRun((s) => s.setParam);
  const { t } = useTranslation();
  return (
    <Slider
      label={t(paramLabelKey(spec.key))}
      hint={t(paramHintKey(spec.key))}
      scale={spec}
      value={value}
      testId={`value-${spec.key}`}
      name={spec.key}
      note={note}
      onChange={(next) => setParam(spec.key, next)}
    />
  );
}
