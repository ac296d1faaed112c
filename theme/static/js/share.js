// The 复制链接 button under an article: copies the story's address and says so in a live region.
// The button is hidden in the HTML and shown here, so a reader without JavaScript never meets a
// button that does nothing.

const share = document.querySelector("[data-share]");

/** The story's own address: the canonical link when the page has one, else this page without its #fragment. */
function storyAddress() {
  const canonical = document.querySelector('link[rel="canonical"]');
  return canonical ? canonical.href : location.href.split("#")[0];
}

/** Copy through the Clipboard API; false where it is missing (plain http) or refused. */
async function copyWithClipboard(text) {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Show the address selected in its read-only field, ready to copy by hand; true if the browser copied it too. */
function copyBySelecting(field) {
  field.hidden = false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** Say `text` in the live region; emptied first so that the same words are announced again. */
function announce(status, text) {
  status.textContent = "";
  setTimeout(() => {
    status.textContent = text;
  }, 50);
}

if (share) {
  const button = share.querySelector(".share-copy");
  const field = share.querySelector(".share-url");
  const status = share.querySelector(".share-status");
  field.value = storyAddress();
  share.hidden = false;
  button.addEventListener("click", async () => {
    const copied = (await copyWithClipboard(field.value)) || copyBySelecting(field);
    announce(status, copied ? "链接已复制" : "链接已选中，请长按或按 Ctrl+C 复制");
  });
}
