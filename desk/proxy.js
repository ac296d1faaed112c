// Decap's local git proxy (decap-server, git mode) behind a check of the Host header: a web page
// that makes the browser send requests to 127.0.0.1 under a name it controls (DNS rebinding) gets
// 403, not the drafts, and cannot commit. decap-server itself answers any name.
// Run by invoke desk (desk/run.py): node desk/proxy.js, with PORT and GIT_REPO_DIRECTORY set.
const express = require("express");
const { registerLocalGit } = require("decap-server/dist/middlewares");

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const port = Number(process.env.PORT);

function hostName(header) {
  const host = (header || "").toLowerCase();
  return host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0];
}

const app = express();
app.use((request, response, next) => {
  if (LOOPBACK.has(hostName(request.headers.host))) return next();
  return response.status(403).json({ error: "Host not allowed: open the desk at http://127.0.0.1/" });
});
registerLocalGit(app, { logLevel: process.env.LOG_LEVEL || "warn" })
  .then(() => app.listen(port, "127.0.0.1", () => console.log(`desk proxy ready on 127.0.0.1:${port}`)))
  .catch((problem) => { console.error(String(problem)); process.exit(1); });
