import { useTranslation } from 'react-i18next';
import { messageId } from '../protocol/message';
import { useRenderMessage } from '../i18n/useMessage';
import { useRun } from '../store/context';

/** Messages for the user (bad URL values, backend fallbacks, failures, a waiting update). */
export function Notices() {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const notices = useRun((s) => s.notices);
  const dismissNotice = useRun((s) => s.dismissNotice);
  const applyUpdate = useRun((s) => s.applyUpdate);
  if (notices.length === 0 && !applyUpdate) return null;
  return (
    <div className="notice" data-testid="notice" role="status">
      <ul>
        {notices.map((notice, index) => (
          <li key={`${index}-${messageId(notice)}`}>
            <span>{render(notice)}</span>
            <button type="button" aria-label={t('notices.dismiss')} onClick={() => dismissNotice(index)}>
              ×
            </button>
          </li>
        ))}
        {applyUpdate && (
          <li data-testid="update-ready">
            <span>{t('notices.updateReady')}</span>
            <button type="button" onClick={applyUpdate}>
              {t('notices.reloadNow')}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
