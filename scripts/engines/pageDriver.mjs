/**
 * The driver over a page that Playwright and puppeteer shape alike (goto, reload, evaluate,
 * locator().click(), keyboard.press()): Chromium's and Firefox's. See index.mjs for what a driver is.
 */

/** A driver for `page`; `keyNames` maps Playwright's key names to the library's, `close` ends it. */
export function pageDriver(page, { keyNames = {}, download = null, close }) {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    navigate: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    click: (selector) => page.locator(selector).click(),
    press: (key) => page.keyboard.press(keyNames[key] ?? key),
    download,
    close,
  };
}
