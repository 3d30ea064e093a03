import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { configToHash } from '../protocol/urlHash';
import { useRun } from '../store/context';

/** Copies a link to the current settings that starts training when opened (for slides and chats). */
export function ShareLink() {
  const config = useRun((s) => s.config);
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  const link = `${window.location.href.split('#')[0]}${configToHash(config, { run: '1' })}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt(t('exports.copyPrompt'), link);
    }
  };

  return (
    <button
      type="button"
      className="secondary"
      data-testid="copy-link"
      data-link={link}
      onClick={() => void copy()}
      title={link}
    >
      {copied ? t('exports.linkCopied') : t('exports.copyLink')}
    </button>
  );
}
