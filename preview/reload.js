// Added to every page by the live preview (invoke livereload), never to the published site: the page
// reloads itself when the preview says the site changed. A separate file, as the site's CSP allows no inline script.
new EventSource("/__preview/events").addEventListener("reload", () => location.reload());
