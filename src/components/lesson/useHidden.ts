import { isHidden } from '../../store/lessonSlice';
import { useRun } from '../../store/context';

/** Whether the control or panel `key` is hidden (by `hide=`, or by the lesson's step). */
export function useHidden(key: string): boolean {
  return useRun((s) => isHidden(s, key));
}
