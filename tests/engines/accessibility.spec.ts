/** axe-core in every engine: no serious or critical WCAG 2.1 A/AA violation idle, after a run, presenting. */
import { expect, test, type App } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations axe-core finds on the page as it is now, one line each. */
async function seriousViolations(app: App): Promise<string[]> {
  return (await app.axe(WCAG))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(', ')}`);
}

test('idle, after a compare-mode run with the critic panel, and presenting: no serious violation', async ({
  app,
}) => {
  await app.open('#');
  await app.waitForBackend();
  expect(await seriousViolations(app)).toEqual([]);
  await app.open('#estimator=mine,nwj&dim=1&batch=300&steps=60&run=1');
  await app.waitForState('done');
  await app.waitForElement('critic-heatmap');
  expect(await seriousViolations(app)).toEqual([]);
  await app.click('presentation');
  await app.waitFor(
    () => document.querySelector('[data-testid="app"]')?.classList.contains('presenting') === true,
  );
  expect(await seriousViolations(app)).toEqual([]);
});
