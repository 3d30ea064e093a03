import { HIDEABLE_PANELS } from '../../protocol/lesson';
import { isHidden } from '../../store/lessonSlice';
import { useRun } from '../../store/context';

/** A panel `hide=` may name. */
type HideablePanel = (typeof HIDEABLE_PANELS)[number];

/** Whether the control or panel `key` is hidden (by `hide=`, or by the lesson's step). */
export function useHidden(key: string): boolean {
  return useRun((s) => isHidden(s, key));
}

/** Which of the panels are hidden (one selector: a stable string of the hidden ones' names). */
export function useHiddenPanels(): Readonly<Record<HideablePanel, boolean>> {
  const hidden = useRun((s) => HIDEABLE_PANELS.filter((panel) => isHidden(s, panel)).join(',')).split(',');
  return Object.fromEntries(HIDEABLE_PANELS.map((panel) => [panel, hidden.includes(panel)])) as Record<
    HideablePanel,
    boolean
  >;
}
