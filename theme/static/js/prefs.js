// The reader's choices of reading aids (长辈模式, 字号, 高对比度), put on <html> before the first paint.
// A classic script in <head>, so it blocks: the page never flashes in the wrong size or colours.
// Each choice is a localStorage item "pressroom-NAME" shown as data-NAME on <html>; the stylesheet
// decides what a value means, reading.js (the toolbar) writes them. Storage may be switched off or
// refuse access (private windows, strict settings): then the page is simply shown as it comes.
// It also marks <html> with the class "js": the bars the other scripts show then keep their room from
// the first paint, and nothing below them jumps when they appear.
{
  const root = document.documentElement;
  root.classList.add("js");
  try {
    for (const name of ["elder", "text-size", "contrast"]) {
      const value = localStorage.getItem(`pressroom-${name}`);
      if (value && /^[a-z]{1,12}$/.test(value)) root.setAttribute(`data-${name}`, value);
    }
  } catch {
    // No storage: the defaults stand.
  }
}
