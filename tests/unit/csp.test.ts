import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, cspContent, cspHeaderContent, cspMetaTag, cspPlugin } from '../../scripts/csp.ts';

/** The policy parsed back: directive → sources. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Runs the plugin's HTML transform on `html`, as a production build would. */
function transform(html: string): string {
  const hook = cspPlugin().transformIndexHtml;
  if (!hook || typeof hook === 'function' || !('handler' in hook)) throw new Error('no transform handler');
  const handler = hook.handler as (html: string) => string;
  return handler(html);
}

describe('Content-Security-Policy', () => {
  const policy = parse(cspContent());

  it('has every directive the site relies on, with the sources it needs', () => {
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('runs no inline or evaluated script, and no blob: workers', () => {
    for (const variant of [cspContent(), cspHeaderContent()]) {
      const scripts = parse(variant).get('script-src') ?? [];
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(parse(variant).get('worker-src')).toEqual(["'self'"]);
    }
  });

  it('names no other host: only keywords, and data:/blob: for images drawn by the page', () => {
    for (const [name, sources] of parse(cspHeaderContent())) {
      for (const source of sources) {
        const isKeyword = /^'(self|none|unsafe-inline|wasm-unsafe-eval)'$/.test(source);
        const isLocalScheme = name === 'img-src' && (source === 'data:' || source === 'blob:');
        expect(isKeyword || isLocalScheme, `${name} ${source}`).toBe(true);
      }
    }
    expect(cspHeaderContent()).not.toMatch(/\*|https?:|wss?:|\.\w+\//);
  });

  it('adds WebAssembly compilation only to the header form, which reaches the training worker', () => {
    expect(parse(cspContent()).get('script-src')).not.toContain("'wasm-unsafe-eval'");
    expect(parse(cspHeaderContent()).get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const { 'script-src': metaScripts, ...metaRest } = Object.fromEntries(parse(cspContent()));
    const { 'script-src': headerScripts, ...headerRest } = Object.fromEntries(parse(cspHeaderContent()));
    expect(headerRest).toEqual(metaRest);
    expect(headerScripts).toEqual([...metaScripts, "'wasm-unsafe-eval'"]);
  });

  it('leaves out what a meta policy ignores', () => {
    for (const ignored of ['frame-ancestors', 'report-uri', 'report-to', 'sandbox']) {
      expect(policy.has(ignored), ignored).toBe(false);
      expect(Object.keys(CSP_DIRECTIVES)).not.toContain(ignored);
    }
  });

  it('is injected into the build only, right after <meta charset>, before any script', () => {
    expect(cspPlugin().apply).toBe('build'); // the dev server keeps its inline HMR script
    const html = readFileSync('index.html', 'utf8');
    const built = transform(html);
    const tag = cspMetaTag();
    expect(built).toContain(`<meta charset="UTF-8" />\n    ${tag}`);
    expect(built.indexOf(tag)).toBeLessThan(built.indexOf('<script'));
    expect(built.indexOf(tag)).toBeLessThan(built.indexOf('<link'));
    expect(tag).toBe(`<meta http-equiv="Content-Security-Policy" content="${cspContent()}" />`);
    expect(() => transform('<html><head></head></html>')).toThrow(/meta charset/);
  });

  it('finds no inline script or event handler in the page source it protects', () => {
    const html = readFileSync('index.html', 'utf8');
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/\ssrc=/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/=\s*["']?\s*javascript:/i); // a javascript: URL in an attribute
  });

  it('is documented in README.md: each directive with its sources, and the header form verbatim', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = readme.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
      const row = rows.find((cells) => cells[1] === `\`${name}\``);
      expect(row?.[2], name).toBe(`\`${sources.join(' ')}\``);
    }
    expect(readme).toContain(`\n${cspHeaderContent()}\n`);
  });

  it('refuses a policy that would break out of the meta attribute', () => {
    expect(() => cspMetaTag(`default-src 'self'" onload="x`)).toThrow();
  });
});
