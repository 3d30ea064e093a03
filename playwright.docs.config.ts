import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Regenerates the README screenshot (`npm run screenshot`); not part of `npm test`. */
export default defineConfig({ ...base, testDir: 'tests/docs', reporter: [['list']] });
