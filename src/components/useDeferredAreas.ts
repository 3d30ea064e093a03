import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDeferredAreas } from '../i18n/i18n';

/** Whether the catalogue's deferred areas (words not on the first screen) have loaded; loads them. */
export function useDeferredAreas(): boolean {
  const { i18n } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let mounted = true;
    void loadDeferredAreas(i18n).then(() => mounted && setLoaded(true));
    return () => {
      mounted = false;
    };
  }, [i18n]);
  return loaded;
}
