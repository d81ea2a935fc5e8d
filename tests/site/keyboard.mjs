// Keyboard-only moves shared by the site's browser tests (run.mjs,
// resident.mjs): no mouse, no fill().

import { tabTo } from '../lib/browser.mjs';

/** In a radio group that has focus: select option k (Space for the focused one, arrows otherwise). */
export async function pickRadio(page, k) {
  const { index, checked } = await page.evaluate(() => {
    const el = document.activeElement;
    const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
    return { index: group.indexOf(el), checked: el.checked };
  });
  if (index === k) {
    if (!checked) await page.keyboard.press('Space');
    return;
  }
  const key = k > index ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(k - index); i++) await page.keyboard.press(key);
}

/** Clears a focused text field with the keyboard and types the text. */
export async function retype(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text !== '') await page.keyboard.type(text);
}

export async function press(page, selector, key = 'Enter') {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Waits until focus is on a heading or the error summary whose text differs from `before`. */
export async function settled(page, before) {
  await page.waitForFunction(
    (prev) => {
      const el = document.activeElement;
      if (!el) return false;
      if (el.id === 'foutmeldingen') return true;
      return el.tagName === 'H1' && el.textContent !== prev;
    },
    before,
    { timeout: 10000 },
  );
  return page.evaluate(() => (document.activeElement.tagName === 'H1' ? document.activeElement.textContent : '#foutmeldingen'));
}
