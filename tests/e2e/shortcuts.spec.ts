import { expect, test } from './fixtures';
import { attributeNow, readNumber, settleFrames, textNow, waitForStep } from './helpers';

test.describe('keyboard shortcuts', () => {
  test('Space starts, pauses and resumes; S steps; R resets; P toggles presentation', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=20000');
    await expect(page.getByTestId('backend')).not.toHaveText('starting…');
    const state = page.getByTestId('run-state');

    await page.keyboard.press('s');
    await waitForStep(page, 1);
    await expect(state).toHaveText('paused');
    await page.keyboard.press('S');
    await waitForStep(page, 2);
    expect(await readNumber(page, 'step')).toBe(2);

    await page.keyboard.press('Space'); // resume
    await expect(state).toHaveText('running');
    await waitForStep(page, 10);
    await page.keyboard.press('Space'); // pause
    await expect(state).toHaveText('paused');
    await page.keyboard.press('r');
    await expect(state).toHaveText('idle');
    expect(await readNumber(page, 'step')).toBe(0);
    await page.keyboard.press('Space'); // start
    await expect(state).toHaveText('running');
    await page.keyboard.press('Space');
    await expect(state).toHaveText('paused');
    // The page did not scroll on Space.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await page.keyboard.press('p');
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('P');
    await expect(page.getByTestId('presentation')).toHaveAttribute('aria-pressed', 'false');
  });

  test('? opens the shortcut overlay; Esc and its button close it; it is modal', async ({ page }) => {
    await page.goto('./#dim=1&batch=500&steps=200');
    const overlay = page.getByTestId('shortcuts');
    await expect(overlay).toBeHidden();
    await page.keyboard.press('?');
    await expect(overlay).toBeVisible();
    await expect(overlay).toHaveAccessibleName('Keyboard shortcuts');
    for (const key of ['Space', 'S', 'R', 'P', '?'])
      await expect(overlay.locator('kbd', { hasText: key }).first()).toBeVisible();
    // While it is open, other shortcuts do nothing (checked once any change would have rendered).
    await page.keyboard.press('s');
    await page.keyboard.press('p');
    await settleFrames(page);
    expect(await textNow(page, 'run-state')).toBe('idle');
    expect(await attributeNow(page, 'presentation', 'aria-pressed')).toBe('false');
    await page.keyboard.press('Escape');
    await expect(overlay).toBeHidden();

    await page.getByTestId('shortcuts-button').click();
    await expect(overlay).toBeVisible();
    await page.getByTestId('shortcuts-close').click();
    await expect(overlay).toBeHidden();
    await page.keyboard.press('?');
    await expect(overlay).toBeVisible();
    await page.keyboard.press('?');
    await expect(overlay).toBeHidden();
    // Keyboard-only: Tab reaches the button, Enter opens, focus lands inside, Esc returns it.
    await page.getByTestId('shortcuts-button').focus();
    await page.keyboard.press('Enter');
    await expect(overlay).toBeVisible();
    // Focus moves into the modal dialog (to the dialog itself or its first control: browsers differ).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="shortcuts"]') !== null))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcuts-button')).toBeFocused();
  });

  test('no shortcut fires in a menu, arrows keep moving a slider, and Space on a button fires once', async ({
    page,
  }) => {
    await page.goto('./#dim=1&batch=500&steps=20000');
    await expect(page.getByTestId('backend')).not.toHaveText('starting…');
    // A focused button handles Space itself: Start, once (a second toggle would pause it).
    await page.getByTestId('start-pause').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('run-state')).toHaveText('running');
    await settleFrames(page);
    expect(await textNow(page, 'run-state')).toBe('running');
    await page.keyboard.press('Space'); // the button, now "Pause"
    await expect(page.getByTestId('run-state')).toHaveText('paused');
    // Steps already queued when Pause arrived still come in; wait until the count stands still.
    let steps = -1;
    await expect
      .poll(
        async () => {
          const now = await readNumber(page, 'step');
          const settled = now === steps;
          steps = now;
          return settled;
        },
        { intervals: [400] },
      )
      .toBe(true);

    // In the distribution menu, letters are type-ahead, not shortcuts.
    const menu = page.getByLabel('Distribution');
    await menu.focus();
    await page.keyboard.press('r');
    await page.keyboard.press('p');
    await settleFrames(page);
    expect(await textNow(page, 'run-state')).toBe('paused');
    expect(await attributeNow(page, 'presentation', 'aria-pressed')).toBe('false');
    expect(await readNumber(page, 'step')).toBe(steps);

    // Arrow keys move a focused slider; letter shortcuts still work there.
    const hidden = page.getByLabel('Hidden units h');
    await hidden.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '12');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('value-hidden')).toHaveAttribute('data-value', '10');
    await expect(hidden).toBeFocused();
    await page.keyboard.press('r');
    await expect(page.getByTestId('run-state')).toHaveText('idle');
  });
});
