/**
 * The site's Content-Security-Policy, defined once: the built index.html carries it as a
 * `<meta http-equiv>` (static hosts cannot be relied on to send headers), and a unit test checks it.
 * The dev server gets none: Vite's HMR needs an inline script and a websocket.
 */
import type { Plugin } from 'vite';

/** A CSP directive name. */
export type CspDirective =
  | 'default-src'
  | 'script-src'
  | 'style-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'worker-src'
  | 'object-src'
  | 'base-uri'
  | 'form-action';

/**
 * Every directive and its sources; why each source is there is said beside it (and in README.md,
 * "Releasing"). No host is named anywhere: the site loads nothing from another origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<CspDirective, readonly string[]>> = Object.freeze({
  // Anything not listed below: only the site's own files.
  'default-src': ["'self'"],
  // The bundled modules only: no inline script, no eval. WebAssembly is compiled inside the training
  // worker, which a document's meta policy does not govern, so no 'wasm-unsafe-eval' is needed.
  'script-src': ["'self'"],
  // The stylesheet, plus the style attributes React and Recharts set on elements.
  'style-src': ["'self'", "'unsafe-inline'"],
  // The favicon; data: and blob: for images the page draws itself (e.g. a plot exported as PNG).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  // fetch/XHR/WebSocket: only the site itself (the service worker's update check included).
  'connect-src': ["'self'"],
  // The training worker and the service worker are files of the site; no blob: workers.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // frame-ancestors, report-uri and sandbox are ignored in a meta policy; they need a header.
});

/** The policy as one header/meta value: `directive source …; directive …`. */
export function cspContent(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The policy for a host that can send it as an HTTP header. A header reaches every file, the
 * workers' scripts included, so the training worker is then under it too and needs
 * 'wasm-unsafe-eval' to compile the WebAssembly backend (it permits compiling WebAssembly, not
 * evaluating JavaScript). frame-ancestors is left to the host: 'none' would stop the demo being
 * embedded in slides or a course page.
 */
export function cspHeaderContent(): string {
  return cspContent({
    ...CSP_DIRECTIVES,
    'script-src': [...CSP_DIRECTIVES['script-src'], "'wasm-unsafe-eval'"],
  });
}

/** The `<meta>` element that carries `content` as the page's policy. */
export function cspMetaTag(content: string = cspContent()): string {
  if (/["<>&]/.test(content)) throw new Error('a CSP meta tag cannot carry " < > or &');
  return `<meta http-equiv="Content-Security-Policy" content="${content}" />`;
}

/**
 * A Vite plugin that puts the policy right after `<meta charset>` in the built page, before any
 * script or stylesheet it governs (builds only: the dev server keeps its inline HMR script).
 */
export function cspPlugin(content: string = cspContent()): Plugin {
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  return {
    name: 'mine-lab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!charset.test(html)) throw new Error('index.html needs a <meta charset> for the CSP to follow');
        return html.replace(charset, (tag) => `${tag}\n    ${cspMetaTag(content)}`);
      },
    },
  };
}
