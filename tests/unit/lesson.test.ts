import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS, BUILTIN_LESSON_IDS, builtinLesson } from '../../src/protocol/builtinLessons';
import {
  HIDE_KEYS,
  LESSON_LIMITS,
  LessonError,
  decodeLessonLink,
  encodeLessonLink,
  lessonText,
  parseHideList,
  parseLesson,
  parseLessonIndex,
  type Lesson,
} from '../../src/protocol/lesson';
import { parseInline, parseMarkdown } from '../../src/protocol/markdown';
import { PAGE_FLAGS } from '../../src/protocol/urlHash';

/** A language's lesson words: lesson.json (the player, the titles) and lessons.json (the texts). */
const lessonWords = (language: string): Record<string, unknown> => ({
  ...(JSON.parse(readFileSync(`src/i18n/locales/${language}/lesson.json`, 'utf8')) as object),
  ...(JSON.parse(readFileSync(`src/i18n/locales/${language}/lessons.json`, 'utf8')) as object),
});
const english = lessonWords('en');
const chinese = lessonWords('zh-CN');

/** A catalogue entry by dotted key, or undefined. */
function entry(catalogue: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/** The catalogue's lookup, failing on a missing key (so a built-in lesson cannot show a raw key). */
const lookupIn = (catalogue: Record<string, unknown>) => (key: string) => {
  const value = entry(catalogue, key);
  if (typeof value !== 'string' || value === '') throw new Error(`missing ${key}`);
  return value;
};

/** The error key a lesson's JSON is refused with. */
function refusal(json: string): string {
  try {
    parseLesson(json);
  } catch (error) {
    if (error instanceof LessonError) return error.detail.key;
    throw error;
  }
  return 'accepted';
}

const step = (over: Record<string, unknown> = {}) => ({
  title: 'One',
  config: '#dim=2',
  text: 'Hello',
  ...over,
});
const lessonJson = (over: Record<string, unknown> = {}, steps: unknown[] = [step()]) =>
  JSON.stringify({ title: 'A lesson', steps, ...over });

describe('built-in lessons', () => {
  it('has three, each with its words in English and Chinese and configurations the page reads cleanly', () => {
    expect(BUILTIN_LESSON_IDS).toEqual(['why-mine', 'batch-ceiling', 'choosing-an-estimator']);
    for (const id of BUILTIN_LESSON_IDS) {
      for (const catalogue of [english, chinese]) {
        const lesson = builtinLesson(id, lookupIn(catalogue)) as Lesson;
        // Passing the untrusted path proves every step's configuration reads without a notice.
        const checked = parseLesson(JSON.stringify(lesson));
        expect(checked.steps).toHaveLength(BUILTIN_LESSONS[id].length);
        expect(checked.steps.every((s) => typeof s.text === 'string' && s.text.length > 20)).toBe(true);
      }
    }
  });

  it('keeps the maths and placeholders of every English entry in its Chinese translation', () => {
    const walk = (en: unknown, zh: unknown, path: string): void => {
      if (typeof en === 'string') {
        expect(typeof zh, path).toBe('string');
        for (const span of en.match(/\$[^$]+\$|\{\{\w+\}\}/g) ?? [])
          expect(zh as string, path).toContain(span);
        return;
      }
      expect(Object.keys(zh as object).sort(), path).toEqual(Object.keys(en as object).sort());
      for (const key of Object.keys(en as object))
        walk((en as Record<string, unknown>)[key], (zh as Record<string, unknown>)[key], `${path}.${key}`);
    };
    walk(english, chinese, '');
  });

  it('returns null for an id that is not built in, whatever the prototype holds', () => {
    expect(builtinLesson('toString', lookupIn(english))).toBeNull();
    expect(builtinLesson('nope', lookupIn(english))).toBeNull();
  });
});

describe('an untrusted lesson', () => {
  it('is accepted when it keeps to the format, with texts per language', () => {
    const lesson = parseLesson(
      lessonJson({ title: { en: 'Title', 'zh-CN': '标题' } }, [
        step({ do: 'Press Start', watch: 'It climbs', run: true, hide: ['sweep', 'lr'] }),
      ]),
    );
    expect(lesson.steps[0]).toEqual({
      ...step(),
      do: 'Press Start',
      watch: 'It climbs',
      run: true,
      hide: ['sweep', 'lr'],
    });
    expect(lessonText(lesson.title, 'zh-CN')).toBe('标题');
    expect(lessonText(lesson.title, 'fr')).toBe('Title');
  });

  it('is refused, with the reason, when it breaks a rule', () => {
    expect(refusal('{')).toBe('lesson.errors.notJson');
    expect(refusal('[1]')).toBe('lesson.errors.notLesson');
    expect(refusal(lessonJson({}, []))).toBe('lesson.errors.noSteps');
    expect(
      refusal(
        lessonJson(
          {},
          Array.from({ length: LESSON_LIMITS.maxSteps + 1 }, () => step()),
        ),
      ),
    ).toBe('lesson.errors.tooManySteps');
    expect(refusal(lessonJson({}, [step({ text: 'x'.repeat(LESSON_LIMITS.maxText + 1) })]))).toBe(
      'lesson.errors.tooLong',
    );
    expect(refusal(lessonJson({}, [step({ title: 'x'.repeat(LESSON_LIMITS.maxLine + 1) })]))).toBe(
      'lesson.errors.tooLong',
    );
    expect(refusal(lessonJson({ title: { 'zh-CN': '只有中文' } }))).toBe('lesson.errors.needsEnglish');
    expect(refusal(lessonJson({ title: { en: 'x', fr: 'y' } }))).toBe('lesson.errors.unknownLanguage');
    expect(refusal(lessonJson({ title: 42 }))).toBe('lesson.errors.notText');
    expect(refusal(lessonJson({}, ['step']))).toBe('lesson.errors.notStep');
    expect(refusal(lessonJson({}, [step({ config: 7 })]))).toBe('lesson.errors.badConfig');
    expect(refusal(lessonJson({}, [step({ config: '#dim=2&nonsense=1' })]))).toBe(
      'lesson.errors.configNotice',
    );
    expect(refusal(lessonJson({}, [step({ config: '#dim=0' })]))).toBe('lesson.errors.configNotice');
    expect(refusal(lessonJson({}, [step({ config: '#dim=2&lesson=why-mine' })]))).toBe(
      'lesson.errors.configFlag',
    );
    expect(refusal(lessonJson({}, [step({ config: '#present=1' })]))).toBe('lesson.errors.configFlag');
    expect(refusal(lessonJson({}, [step({ hide: 'sweep' })]))).toBe('lesson.errors.badHide');
    expect(refusal(lessonJson({}, [step({ hide: ['settings-of-mars'] })]))).toBe('lesson.errors.unknownHide');
    expect(refusal(lessonJson({}, [step({ run: 'yes' })]))).toBe('lesson.errors.badRun');
    expect(refusal(' '.repeat(LESSON_LIMITS.maxBytes + 1))).toBe('lesson.errors.tooLarge');
  });

  it('names the entry of a step configuration that the page cannot use', () => {
    try {
      parseLesson(lessonJson({}, [step(), step({ config: '#dim=2&batch=-5' })]));
      expect.unreachable();
    } catch (error) {
      expect((error as LessonError).detail).toEqual({
        key: 'lesson.errors.configNotice',
        values: { step: 2, setting: 'batch=-5' },
      });
    }
  });

  it('allows a bundled example in a step, the one page flag a step may set', () => {
    expect(refusal(lessonJson({}, [step({ config: '#dist=data&data=example:sine' })]))).toBe('accepted');
  });
});

describe('the README', () => {
  it('gives an example lesson that the page accepts as it stands', () => {
    const readme = readFileSync('README.md', 'utf8');
    const example = /\*\*Writing your own\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(parseLesson(example as string).steps[0].hide).toEqual(['sweep', 'critic']);
  });
});

describe('a lesson carried whole in a link', () => {
  it('round-trips through the compact encoding, which the URL flag accepts', async () => {
    const lesson = parseLesson(readFileSync('public/lessons/signal-and-noise.json', 'utf8'));
    const link = await encodeLessonLink(lesson);
    expect(link.startsWith('~')).toBe(true);
    expect(PAGE_FLAGS.lesson.test(link)).toBe(true);
    expect(link.length).toBeLessThan(JSON.stringify(lesson).length);
    expect(parseLesson(await decodeLessonLink(link))).toEqual(lesson);
  });

  it('refuses what is not base64url, not deflate, or inflates past the size limit', async () => {
    await expect(decodeLessonLink('~not+base64')).rejects.toMatchObject({
      detail: { key: 'lesson.errors.badLink' },
    });
    await expect(decodeLessonLink('~AAAA')).rejects.toMatchObject({
      detail: { key: 'lesson.errors.badLink' },
    });
    await expect(decodeLessonLink('why-mine')).rejects.toMatchObject({
      detail: { key: 'lesson.errors.badLink' },
    });
    // 1 MB of spaces deflates to about a kilobyte: a bomb, stopped at 64 kB.
    const bomb = await encodeLessonLink(' '.repeat(1_000_000) as unknown as Lesson);
    expect(bomb.length).toBeLessThan(4000);
    await expect(decodeLessonLink(bomb)).rejects.toMatchObject({
      detail: { key: 'lesson.errors.tooLarge' },
    });
  });
});

describe('hide= and the site index', () => {
  it('splits a hide list into known and unknown names', () => {
    expect(parseHideList('sweep,lr,,sweep,warp')).toEqual({ keys: ['sweep', 'lr'], unknown: ['warp'] });
    expect(HIDE_KEYS).toEqual(
      expect.arrayContaining(['batch', 'hidden', 'presets', 'critic', 'explainer', 'exports']),
    );
  });

  it('reads the shipped lesson index and drops entries that do not check out', () => {
    expect(parseLessonIndex(readFileSync('public/lessons/index.json', 'utf8')).map((e) => e.name)).toEqual([
      'signal-and-noise',
    ]);
    expect(
      parseLessonIndex('[{"name":"../x","title":"t"},{"name":"ok","title":"T"},{"name":"long","title":7}]'),
    ).toEqual([{ name: 'ok', title: 'T' }]);
    expect(parseLessonIndex('{')).toEqual([]);
  });
});

describe('the Markdown subset', () => {
  it('parses paragraphs, lists, emphasis, strong, code and inline maths', () => {
    expect(parseMarkdown('One *a* **b** `c` $x^2$\n\n- first\n- second\n  continued\n\n1. one')).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'One ' },
          { kind: 'em', children: [{ kind: 'text', text: 'a' }] },
          { kind: 'text', text: ' ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'b' }] },
          { kind: 'text', text: ' ' },
          { kind: 'code', text: 'c' },
          { kind: 'text', text: ' ' },
          { kind: 'math', tex: 'x^2' },
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second continued' }]],
      },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'one' }]] },
    ]);
  });

  it('keeps markup, links and unclosed delimiters as literal text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> [a](javascript:x) 2 * 3 * 4 $5')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> [a](javascript:x) 2 * 3 * 4 $5' },
    ]);
  });
});
