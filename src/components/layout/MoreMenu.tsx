import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { ExportCsvButton } from '../export/ExportCsvButton';
import { LessonMenu } from '../lesson/LessonMenu';
import { useHidden } from '../lesson/useHidden';
import { SavePngButton } from '../export/SavePngButton';
import { PresentationToggle } from '../presentation/PresentationToggle';
import { ShareLink } from '../ShareLink';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';

/**
 * The phone layout's secondary actions behind one button (a disclosure: `aria-expanded`, the list
 * hidden while closed): Download CSV, Save PNG, Copy link, Shortcuts, Presentation mode, Lessons. It closes
 * on its button, on Esc (focus back on the button) and on a tap outside it; it stays open after an
 * action, so "Link copied" can be read. The actions are the desktop's own buttons, test ids and all.
 */
export function MoreMenu() {
  const [open, setOpen] = useState(false);
  const exportsHidden = useHidden('exports');
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation();

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target;
      // A tap in the shortcut overlay (a modal dialog opened from here) is not a tap outside.
      if (!(target instanceof Node) || rootRef.current?.contains(target)) return;
      if (target instanceof Element && target.closest('dialog')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  return (
    <div
      className="more-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.stopPropagation();
        setOpen(false);
        toggleRef.current?.focus();
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="more-menu-toggle"
        data-testid="more-menu-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {t('app.more')}{' '}
        <span className="disclosure-mark" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div
        id={listId}
        className="more-menu-list"
        data-testid="more-menu"
        role="group"
        aria-label={t('app.moreActions')}
        hidden={!open}
      >
        {!exportsHidden && (
          <>
            <ExportCsvButton />
            <SavePngButton />
            <ShareLink />
          </>
        )}
        <ShortcutsButton />
        <PresentationToggle />
        <LessonMenu />
      </div>
    </div>
  );
}
