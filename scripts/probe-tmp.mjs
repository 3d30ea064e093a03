import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1:4199/')) console.log('EXTERNAL', r.url()); });
const hash = process.argv[2] ?? '#run=1';
await page.goto('http://127.0.0.1:4199/sub/path/' + hash);
const t0 = Date.now();
await page.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[data-testid=run-state]')?.textContent ?? ''), null, { timeout: 300000 });
console.log('elapsed', (Date.now() - t0) / 1000);
for (const id of ['backend', 'gpu-renderer', 'run-state', 'step', 'true-mi', 'estimate', 'steps-per-second']) {
  const el = page.getByTestId(id);
  console.log(id, await el.textContent(), await el.getAttribute('data-value'));
}
await page.screenshot({ path: '/tmp/shot.png' });
await browser.close();
