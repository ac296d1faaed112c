// Added to every page by the live preview (invoke livereload), never to the published site: the page
// reloads itself when the preview says the site changed. A separate file, as the site's CSP allows no inline script.
// ?since= is the change the page was served at: one that came before the stream connected reloads it at once.
const since = new URL(document.currentScript.src).searchParams.get("since") || "0";
new EventSource(`/__preview/events?since=${since}`).addEventListener("reload", () => location.reload());
