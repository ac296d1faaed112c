// The reading-aids toolbar at the top of every page: 长辈模式, 字号 (标准/大/特大) and 高对比度.
// Each button names a choice (data-pref) and its value (data-value, "" for the default); the state is
// shown by aria-pressed and remembered in localStorage, which prefs.js reads before the next page paints.
// The bar is hidden in the HTML and shown here, so a reader without JavaScript never meets dead buttons.

const bar = document.querySelector("[data-reading-bar]");
const root = document.documentElement;
const PREFS = ["elder", "text-size", "contrast"]; // keep in step with prefs.js

/** The value of a choice as it stands on <html> ("" when off or at the default). */
function current(pref) {
  return root.getAttribute(`data-${pref}`) || "";
}

/** Put a choice on <html>; an empty value takes it off. */
function apply(pref, value) {
  if (value) root.setAttribute(`data-${pref}`, value);
  else root.removeAttribute(`data-${pref}`);
}

/** Remember a choice for the next pages; storage that refuses leaves the choice to this page only. */
function remember(pref, value) {
  try {
    if (value) localStorage.setItem(`pressroom-${pref}`, value);
    else localStorage.removeItem(`pressroom-${pref}`);
  } catch {
    // Private window or storage switched off.
  }
}

/** Read every choice from storage again (a page brought back from the back-forward cache). */
function reapplyStored() {
  for (const pref of PREFS) {
    try {
      const value = localStorage.getItem(`pressroom-${pref}`) || "";
      apply(pref, /^[a-z]{1,12}$/.test(value) ? value : "");
    } catch {
      return;
    }
  }
}

/** aria-pressed on each button from the choices on <html>. */
function showState() {
  for (const button of bar.querySelectorAll("[data-pref]")) {
    button.setAttribute("aria-pressed", String(current(button.dataset.pref) === button.dataset.value));
  }
}

if (bar) {
  bar.addEventListener("click", (event) => {
    const button = event.target.closest("[data-pref]");
    if (!button) return;
    const { pref, value } = button.dataset;
    // A choice with one button is a switch (press again: off); the 字号 buttons are a radio-like group.
    const isSwitch = bar.querySelectorAll(`[data-pref="${pref}"]`).length === 1;
    const chosen = isSwitch && current(pref) === value ? "" : value;
    apply(pref, chosen);
    remember(pref, chosen);
    showState();
  });
  // Another tab changed a choice: follow it here too.
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith("pressroom-")) {
      reapplyStored();
      showState();
    }
  });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      reapplyStored();
      showState();
    }
  });
  showState();
  bar.hidden = false;
}
