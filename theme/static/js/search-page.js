// The search page: reads ?q=&section=&year=, asks /search/engine.js, shows the hits.
// Every piece of text goes in as text (textContent), never as HTML.

import { search } from "../../search/engine.js";

const PAGE_SIZE = 10;
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const sectionSelect = document.getElementById("search-section");
const yearSelect = document.getElementById("search-year");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

let current = null; // {q, section, year, shown, total}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text with its [start, end) ranges wrapped in <mark>. */
function marked(parent, text, ranges) {
  let at = 0;
  for (const [start, end] of ranges) {
    parent.append(text.slice(at, start), element("mark", "", text.slice(start, end)));
    at = end;
  }
  parent.append(text.slice(at));
  return parent;
}

/** The site's one date style, as pelicanconf.py's DEFAULT_DATE_FORMAT writes it: 2026年12月7日, no leading zeros. */
function chineseDate(iso) {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

function hitItem(hit) {
  const item = element("li", "search-hit");
  const heading = element("h2", "search-hit-title");
  const link = marked(element("a"), hit.title, hit.titleHighlights);
  link.href = hit.url;
  heading.append(link);
  const meta = element("p", "search-hit-meta");
  if (hit.section) meta.append(element("span", "search-hit-section", hit.section), " ");
  const time = element("time", "", chineseDate(hit.date));
  time.dateTime = hit.date;
  meta.append(time);
  item.append(heading, meta, marked(element("p", "search-hit-snippet"), hit.snippet, hit.highlights));
  return item;
}

function paramsOf(source) {
  return { q: (source.get("q") ?? "").trim(), section: source.get("section") ?? "", year: source.get("year") ?? "" };
}

function showForm({ q, section, year }) {
  input.value = q;
  sectionSelect.value = [...sectionSelect.options].some((o) => o.value === section) ? section : "";
  yearSelect.value = [...yearSelect.options].some((o) => o.value === year) ? year : "";
}

function say(text) {
  status.textContent = text;
}

async function run(params) {
  list.replaceChildren();
  more.hidden = true;
  current = { ...params, shown: 0, total: 0 };
  if (!params.q) {
    say("请输入要搜索的词语，多个词语用空格分开。");
    return;
  }
  document.title = `${params.q} - 搜索 - ${document.title.split(" - ").at(-1)}`;
  say("正在搜索…");
  await showMore(false);
}

async function showMore(moveFocus) {
  const asked = current;
  let result;
  try {
    result = await search(asked.q, { limit: PAGE_SIZE, offset: asked.shown, section: asked.section, year: asked.year });
  } catch (error) {
    say("搜索暂时无法使用，请稍后再试。");
    console.error(error);
    return;
  }
  if (asked !== current) return; // a newer search has started
  const items = result.hits.map(hitItem);
  list.append(...items);
  current.shown += items.length;
  current.total = result.total;
  const where = [asked.year && `${asked.year}年`, asked.section && `“${asked.section}”栏目`].filter(Boolean).join("");
  say(result.total
    ? `${where ? `在${where}中` : ""}找到 ${result.total} 篇包含“${asked.q}”的新闻${current.shown < result.total ? `，已显示 ${current.shown} 篇` : ""}。`
    : `${where ? `在${where}中` : ""}没有找到包含“${asked.q}”的新闻。可以试试更短的词语，或去掉筛选条件。`);
  more.hidden = current.shown >= result.total;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = paramsOf(new FormData(form));
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value));
  history.pushState(null, "", `?${query}`);
  run(params);
});
for (const select of [sectionSelect, yearSelect]) {
  select.addEventListener("change", () => input.value.trim() && form.requestSubmit());
}
more.addEventListener("click", () => showMore(true));
window.addEventListener("popstate", () => {
  const params = paramsOf(new URLSearchParams(location.search));
  showForm(params);
  run(params);
});

const initial = paramsOf(new URLSearchParams(location.search));
showForm(initial);
run(initial);
if (!initial.q) input.focus();
