/**
 * The messages made below the page against the catalogue: every key the source names exists in
 * English and in Chinese with the placeholders its call fills, and what the URL reader, the tasks
 * and the backends say renders completely in both languages (no key left bare, no `{{` left).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { BMI_TASKS } from '../../src/core/tasks/catalogue';
import { createI18n, en, renderMessage, type Catalogue } from '../../src/i18n/i18n';
import { describeMeasurement, timingPlan } from '../../src/protocol/backendSpeed';
import { divergenceMessage, DEFAULTS } from '../../src/protocol/config';
import type { Message } from '../../src/protocol/message';
import type { BackendId } from '../../src/protocol/messages';
import { SUITE_ESTIMATOR_LABELS, suiteFromHash } from '../../src/protocol/suite';
import { configFromHash } from '../../src/protocol/urlHash';
import { planBackends } from '../../src/worker/backendChoice';
import { HOSTILE_CASES } from '../e2e/hostileCases';
import { flatten } from './inEnglish';

/** The areas whose messages this part of the page owns. */
const AREAS = ['notices', 'errors', 'tasks', 'exported'] as const;

/** A key without its plural suffix. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** The placeholders of a catalogue string ("{{count, number}}" → count). */
function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{\{\s*([\w-]+)/g)].map((m) => m[1]));
}

/** The strings of one message key (its plural forms, or itself). */
function forms(strings: Map<string, string>, key: string): string[] {
  return [...strings].filter(([k]) => k === key || base(k) === key).map(([, v]) => v);
}

/** Every .ts and .tsx file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The text from `open` (an opening bracket) to its matching close. */
function balanced(text: string, open: number): string {
  const pairs: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

/** The top-level property names of an object literal's text, or null when it spreads another object. */
function propertyNames(objectText: string): Set<string> | null {
  const inner = objectText.slice(1, -1);
  const names = new Set<string>();
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === "'" || c === '"' || c === '`') i = Math.max(i, inner.indexOf(c, i + 1));
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (part.startsWith('...')) return null;
    const name = /^['"]?([\w-]+)['"]?\s*(:|$)/.exec(part);
    if (name) names.add(name[1]);
  }
  return names;
}

/** Where the first top-level comma of a call's arguments is (-1: one argument). */
function topLevelComma(args: string): number {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'" || c === '"' || c === '`') i = Math.max(i, args.indexOf(c, i + 1));
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return -1;
}

/** A `message(…)` call in the source: the keys its first argument can be, and its values' names if visible. */
interface Call {
  readonly file: string;
  readonly keys: readonly string[];
  readonly values: Set<string> | null | undefined;
}

const KEY = /^(notices|errors|tasks|exported)\.[\w.-]+$/;

/** Every call of `message` (or its local alias) in src/, with its literal keys. */
function messageCalls(): Call[] {
  const calls: Call[] = [];
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    const aliases = ['message', ...[...text.matchAll(/message as (\w+)/g)].map((m) => m[1])];
    for (const alias of aliases) {
      for (const match of text.matchAll(new RegExp(`\\b${alias}\\(`, 'g'))) {
        const args = balanced(text, (match.index ?? 0) + alias.length).slice(1, -1);
        const first = topLevelComma(args) < 0 ? args : args.slice(0, topLevelComma(args));
        const keys = [...first.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((k) => KEY.test(k));
        if (keys.length === 0) continue;
        const second = args.slice(topLevelComma(args) + 1).trim();
        const values =
          topLevelComma(args) < 0
            ? undefined
            : second.startsWith('{')
              ? propertyNames(balanced(second, 0))
              : null;
        calls.push({ file, keys, values });
      }
    }
  }
  return calls;
}

let english: i18n;
let chinese: i18n;
let englishStrings: Map<string, string>;
let chineseStrings: Map<string, string>;

beforeAll(async () => {
  english = await createI18n('en', { allAreas: true });
  chinese = await createI18n('zh-CN', { allAreas: true });
  englishStrings = flatten(en);
  chineseStrings = flatten(chinese.getResourceBundle('zh-CN', 'translation') as Catalogue);
});

/** Renders `message` in both languages and checks that nothing was left out. */
function renderedInBoth(message: Message): [string, string] {
  const texts = [renderMessage(english, message), renderMessage(chinese, message)] as [string, string];
  for (const text of texts) {
    expect(text, message.key).not.toBe(message.key);
    expect(text, message.key).not.toContain('{{');
    expect(text, message.key).not.toMatch(/\b(notices|errors|tasks|exported)\.[a-z]/i);
    expect(text, message.key).not.toContain('[object Object]');
  }
  return texts;
}

/** Whether a text holds Chinese characters. */
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('the catalogue of messages from below the page', () => {
  it('has every key the source names, in both languages, with the placeholders each call fills', () => {
    const calls = messageCalls();
    expect(calls.length).toBeGreaterThan(150);
    const keys = new Set(calls.flatMap((c) => c.keys));
    for (const id of ['wasm', 'webgl', 'webgpu', 'cpu'] satisfies BackendId[])
      keys.add(`notices.backend.name.${id}`);
    for (const key of keys) {
      expect(forms(englishStrings, key).length, `en ${key}`).toBeGreaterThan(0);
      expect(forms(chineseStrings, key).length, `zh-CN ${key}`).toBeGreaterThan(0);
    }
    for (const call of calls) {
      if (call.values === null) continue; // spread: not visible statically
      const filled = call.values ?? new Set<string>();
      const used = new Set<string>();
      for (const key of call.keys) {
        for (const text of [...forms(englishStrings, key), ...forms(chineseStrings, key)]) {
          const wanted = placeholders(text);
          for (const name of wanted)
            expect(filled.has(name), `${call.file}: ${key} needs {{${name}}}`).toBe(true);
          for (const name of wanted) used.add(name);
        }
      }
      // A value that no form of the key (of either key, for `a ? key1 : key2`) shows is a mistake;
      // `count` only chooses the plural form.
      for (const name of filled)
        if (name !== 'count')
          expect(used.has(name), `${call.file}: ${call.keys.join(' / ')} has no {{${name}}}`).toBe(true);
    }
  });

  it('translates every English string of these areas into Chinese, with the same placeholders', () => {
    const owned = (strings: Map<string, string>) =>
      new Set([...strings.keys()].filter((k) => AREAS.some((a) => k.startsWith(`${a}.`))).map(base));
    expect([...owned(chineseStrings)].sort()).toEqual([...owned(englishStrings)].sort());
    // Names kept as they are: the estimators' and backends' own names, and pure placeholders.
    const kept = /^(MINE|MINE \(EMA\)|NWJ|InfoNCE|SMILE|KSG|WebAssembly|WebGL|WebGPU)$/;
    for (const key of owned(englishStrings)) {
      const zh = forms(chineseStrings, key);
      const enForms = forms(englishStrings, key);
      const enPlaceholders = placeholders(enForms.join(' '));
      for (const text of zh) expect(placeholders(text), key).toEqual(enPlaceholders);
      const latin = enForms[0].replace(/\{\{[^}]*\}\}/g, '').replace(/[^A-Za-z]/g, '');
      if (latin.length > 0 && !kept.test(enForms[0]) && !key.startsWith('tasks.transformed.title'))
        expect(zh.every(hasChinese), `${key}: ${zh.join(' | ')}`).toBe(true);
    }
  });

  it('renders every notice the URL reader gives for the hostile links, in English and in Chinese', () => {
    let count = 0;
    for (const hostile of HOSTILE_CASES) {
      const { notices } = configFromHash(`#${hostile.hash}`);
      expect(notices.length, hostile.name).toBeGreaterThan(0);
      for (const notice of notices) {
        const [inEnglish, inChinese] = renderedInBoth(notice);
        expect(inChinese).not.toBe(inEnglish);
        expect(hasChinese(inChinese), inChinese).toBe(true);
        count++;
      }
      // What the e2e suite reads in the notice is in the English text.
      expect(notices.map((n) => renderMessage(english, n)).join('\n'), hostile.name).toContain(
        hostile.notice,
      );
    }
    const { notices } = suiteFromHash('#view=suite&tasks=nope&estimator=<b>&seeds=99&rows=1');
    expect(notices).toHaveLength(4);
    for (const notice of notices) renderedInBoth(notice);
    expect(count).toBeGreaterThan(HOSTILE_CASES.length);
  });

  it('renders every task’s title, definition and why of its truth, every estimator name', () => {
    for (const task of BMI_TASKS) {
      for (const part of [task.title, task.definition, task.whyTruth]) {
        const [inEnglish, inChinese] = renderedInBoth(part);
        expect(inEnglish.length, task.id).toBeGreaterThan(8);
        expect(hasChinese(inChinese), `${task.id}: ${inChinese}`).toBe(true);
      }
    }
    expect(renderMessage(chinese, BMI_TASKS[0].title)).toBe('二元正态，ρ = 0.75');
    for (const name of Object.values(SUITE_ESTIMATOR_LABELS)) renderedInBoth(name);
  });

  it('renders the backends’ reasons and the divergence advice in both languages', () => {
    const software = { available: true, renderer: 'Google SwiftShader', problem: null };
    renderedInBoth(planBackends('auto', software).reason);
    const plan = timingPlan(software, { available: false, adapter: null, fallback: false });
    const [en1, zh1] = renderedInBoth(
      describeMeasurement({
        sizeClass: 9,
        renderer: null,
        measuredAt: '',
        timings: [{ backend: 'wasm', stepsPerSecond: 2900, problem: null }, ...plan.skipped],
      }),
    );
    expect(en1).toBe(
      'WebAssembly 2,900 steps/s at this size, measured on this machine (WebGL not timed: a software renderer (Google SwiftShader))',
    );
    expect(zh1).toBe(
      'WebAssembly 每秒 2,900 步（本机、这一规模下的实测）（WebGL 未测速：软件渲染器（Google SwiftShader））',
    );
    const [enDiverged, zhDiverged] = renderedInBoth(
      divergenceMessage({ ...DEFAULTS, estimator: ['nwj'] }, 'nwj', 41),
    );
    expect(enDiverged).toContain('diverged at step 42');
    expect(enDiverged).toContain('Try a lower learning rate (now 0.01), or a larger batch');
    expect(zhDiverged).toContain('第 42 步发散');
    // The estimator is named in the reader's language too.
    const [enEma, zhEma] = renderedInBoth(
      divergenceMessage({ ...DEFAULTS, estimator: ['mine-ema'] }, 'mine-ema', 0),
    );
    expect(enEma).toMatch(/^MINE, moving average diverged at step 1:/);
    expect(zhEma).toMatch(/^MINE，滑动平均 在第 1 步发散/);
  });
});
