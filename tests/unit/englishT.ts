/** The page's `t` in English (and in Chinese), for unit tests of code that takes one. */
import { createI18n } from '../../src/i18n/i18n';

/** English, as the page renders it. */
export const t = (await createI18n('en', { allAreas: true })).t;

/** Simplified Chinese, as the page renders it. */
export const tZh = (await createI18n('zh-CN', { allAreas: true })).t;
