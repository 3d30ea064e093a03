/* global window, document, HTMLAnchorElement, FileReader */
/**
 * Functions the engine adapters run inside the page, the same in every browser. Each is
 * self-contained (drivers send its source, not a closure) and takes at most one serialisable
 * argument.
 */

/** Every problem the test probe recorded in this document (scripts/engines/probe.js). */
export function probeProblems() {
  const probe = window.__mineLabProbe;
  return probe ? probe.problems.slice() : ['no test probe in this page: serve it with SERVE_PROBE'];
}

/** The attribute `name` of the element with data-testid `testId`, or null (no element or attribute). */
export function testIdAttribute({ testId, name }) {
  const element = document.querySelector(`[data-testid="${testId}"]`);
  return element ? element.getAttribute(name) : null;
}

/** The text of the element with data-testid `testId`, or null when there is none. */
export function testIdText(testId) {
  const element = document.querySelector(`[data-testid="${testId}"]`);
  return element ? (element.textContent ?? '') : null;
}

/** How many elements match the CSS selector. */
export function countSelector(selector) {
  return document.querySelectorAll(selector).length;
}

/**
 * Records downloads instead of saving them, for drivers without a download event: every blob URL
 * the page creates is kept, and a click on a link with a `download` name is noted with its bytes'
 * URL (and not followed).
 */
export function captureDownloads() {
  if (window.__mineLabDownloads) {
    window.__mineLabDownloads.offered = [];
    return;
  }
  const capture = { blobs: new Map(), offered: [] };
  window.__mineLabDownloads = capture;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) capture.blobs.set(url, object);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function clickOrCapture() {
    if (this.download) capture.offered.push({ fileName: this.download, url: this.href });
    else click.call(this);
  };
}

/** The first download offered since captureDownloads(), as its name and base64 bytes; null before one. */
export async function readCapturedDownload() {
  const capture = window.__mineLabDownloads;
  const offered = capture?.offered[0];
  if (!offered) return null;
  const blob = capture.blobs.get(offered.url) ?? (await (await fetch(offered.url)).blob());
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  return { fileName: offered.fileName, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/** Whether axe-core is loaded in this page. */
export function hasAxe() {
  return typeof window.axe === 'object' && typeof window.axe.run === 'function';
}

/** Runs axe-core on the document with the given rule tags; each violation with its impact and nodes. */
export async function runAxe(tags) {
  const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
