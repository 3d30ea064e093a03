/** Whether an element's content is wider than the element (it then scrolls sideways). */
import { useEffect, useState, type RefObject } from 'react';

/**
 * True while `ref`'s content is wider than its box; checked again whenever `content` changes, the
 * element or its first child is resized (a narrow screen), or web fonts finish loading (KaTeX's
 * fonts widen a formula without resizing its box).
 */
export function useScrollsSideways(ref: RefObject<HTMLElement | null>, content: unknown): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    const check = () => live && setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    document.fonts.addEventListener('loadingdone', check);
    void document.fonts.ready.then(check);
    check();
    return () => {
      live = false;
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', check);
    };
  }, [ref, content]);
  return scrolls;
}
