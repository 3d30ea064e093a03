import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../src/components/shortcuts/shortcutKeys';
import { en, type Catalogue } from '../../src/i18n/i18n';
import { PARAMS } from '../../src/protocol/config';
import { groupKey, optionKey, paramHintKey, paramLabelKey, presetKey } from '../../src/protocol/paramText';
import { PRESETS } from '../../src/protocol/presets';
import { t, tZh } from './englishT';
import { flatten } from './inEnglish';

const LOCALES = new URL('../../src/i18n/locales/', import.meta.url).pathname;
const SRC = new URL('../../src/', import.meta.url).pathname;

/** A catalogue file's strings. */
function readCatalogue(language: string, file: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Catalogue);
}

/** Plural suffixes Intl.PluralRules gives English and Chinese (Chinese has only `other`). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys of a catalogue with plural forms folded into their base key. */
function baseKeys(strings: Map<string, string>): Set<string> {
  return new Set([...strings.keys()].map((key) => key.replace(PLURAL, '')));
}

/** The {{placeholders}} and <tags> a string uses (what a translation must keep). */
function slots(text: string): string[] {
  return [...new Set(text.match(/\{\{\s*[\w.]+\s*\}\}|<\/?\w+\s*\/?>/g) ?? [])].sort();
}

/** Source files under `dir` (TypeScript and TSX). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = readdirSync(join(LOCALES, 'en')).filter((f) => f.endsWith('.json'));

describe('message catalogues', () => {
  it('have the same files in English and Chinese', () => {
    expect(readdirSync(join(LOCALES, 'zh-CN')).sort()).toEqual([...files].sort());
    for (const file of ['common.json', 'ui.json', 'params.json', 'explainer.json', 'data.json', 'suite.json'])
      expect(files).toContain(file);
  });

  it.each(files)('%s: the same keys in en and zh-CN (plural forms aside), none empty', (file) => {
    const english = readCatalogue('en', file);
    const chinese = readCatalogue('zh-CN', file);
    expect([...baseKeys(chinese)].sort()).toEqual([...baseKeys(english)].sort());
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
    // English plurals come in pairs; Chinese needs (and has) only `other`.
    for (const key of english.keys())
      if (key.endsWith('_one')) expect(english.has(key.replace(/_one$/, '_other')), key).toBe(true);
    for (const key of chinese.keys()) if (PLURAL.test(key)) expect(key, key).toMatch(/_other$/);
    for (const key of baseKeys(english)) {
      const forms = (strings: Map<string, string>) =>
        [...strings].filter(([k]) => k.replace(PLURAL, '') === key).map(([, v]) => v);
      // Each plural form may drop {{count}} ("every step"), but every other slot is kept.
      const wanted = new Set(forms(english).flatMap(slots));
      const given = new Set(forms(chinese).flatMap(slots));
      const ignoreCount = (list: Set<string>) => [...list].filter((s) => s !== '{{count}}').sort();
      expect(ignoreCount(given), `${file}: ${key}`).toEqual(ignoreCount(wanted));
    }
  });

  it('keep each top-level key in one file (one key space)', () => {
    const owners = new Map<string, string>();
    for (const language of ['en', 'zh-CN'])
      for (const file of readdirSync(join(LOCALES, language))) {
        const top = Object.keys(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as object);
        for (const key of top) {
          const owner = owners.get(`${language}:${key}`);
          expect(owner ?? file, `${language}: "${key}" in ${owner} and ${file}`).toBe(file);
          owners.set(`${language}:${key}`, file);
        }
      }
  });

  it('has every key the source names literally', () => {
    const keys = flatten(en);
    const known = new Set([...keys.keys()].flatMap((key) => [key, key.replace(PLURAL, '')]));
    const used = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const literal = /\bt\(\s*'([\w.-]+)'|i18nKey="([\w.-]+)"/g;
      return [...text.matchAll(literal)].map((m) => ({ file, key: m[1] ?? m[2] }));
    });
    expect(used.length).toBeGreaterThan(150);
    const missing = used.filter(({ key }) => !known.has(key));
    expect(missing).toEqual([]);
  });

  it('has the keys the page builds from its tables: settings, options, presets, shortcuts', () => {
    const keys = new Set(flatten(en).keys());
    const built: string[] = [];
    for (const spec of PARAMS) {
      built.push(paramLabelKey(spec.key), paramHintKey(spec.key), `explainer.watchFor.${spec.key}`);
      if (spec.type === 'choice' || spec.type === 'list')
        for (const option of spec.options)
          if (option.group !== undefined) built.push(groupKey(option.group));
          else built.push(optionKey(spec.key, option.id));
    }
    for (const preset of PRESETS) built.push(presetKey(preset.id, 'label'), presetKey(preset.id, 'watch'));
    for (const shortcut of SHORTCUTS) built.push(`shortcuts.list.${shortcut.action}`);
    for (const state of ['idle', 'running', 'paused', 'done', 'error'])
      built.push(`readouts.states.${state}`);
    for (const dist of ['channel', 'correlated', 'cubic', 'staircase', 'task', 'data'])
      built.push(`settings.data.${dist}`);
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('renders plurals by Intl.PluralRules and keeps the English texts the table had', () => {
    expect(t('sweep.done', { count: 1 })).toBe('Done: 1 run.');
    expect(t('sweep.done', { count: 5 })).toBe('Done: 5 runs.');
    expect(tZh('sweep.done', { count: 1 })).toBe('完成：共 1 次运行。');
    expect(t('plot.caption', { batch: '20,000', heldOut: '80,000', count: 25 })).toContain('every 25 steps.');
    expect(t(paramLabelKey('batch'))).toBe('Batch size N');
    expect(tZh(paramLabelKey('batch'))).toBe('批量大小 N');
    expect(tZh(presetKey('reference', 'label'))).toBe('参考脚本');
    for (const spec of PARAMS) expect(t(paramLabelKey(spec.key)), spec.key).toBe(spec.label);
  });
});
