// Pressroom's search engine: every story that contains the query as written, and nothing else.
//
// The index (built by plugins/search at build time) records, for each pair of adjacent
// characters, exactly where it occurs in each story, and for each single character how often
// and how early. A query of n characters is checked pair by pair at consecutive positions, so
// a match is the query itself, never a story that merely has the same words in another order,
// and the browser needs no dictionary: however the query would be cut into words, the pairs
// are the same. Text is compared after NFKC (２０１２年 = 2012年) and lower-casing, one
// character at a time, as the builder does it (plugins/search/normalise.py).
//
//   search(query, {limit, offset, section, year}) → {total, hits: [{url, title, date, section,
//     snippet, highlights, titleHighlights}]}, hits in rank order, total counting every match.
//   facets() → {sections, years} for filters.

// What a query needs to find its shards ({version, shards, titleSpan}), written in by the build so
// a query waits for no manifest; the manifest (sections and years of every story) is fetched only
// for filters. Left as null, everything comes from the manifest.
const BUILD = /* build */ null;
const HERE = new URL("./", import.meta.url);
const SITE = new URL("../", HERE);
const SECTION_MARKS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; // as files.py writes them
const SNIPPET_BEFORE = 24; // characters of context before the first match
const SNIPPET_LENGTH = 96;
const PARALLEL_FETCHES = 10; // a browser refuses thousands of requests at once ("Failed to fetch")

let manifestRequest = null;
const shardRequests = new Map(); // shard number → Promise<Map<key, Uint8Array>>
const storyRequests = new Map(); // story id → Promise<{record, title, fields}>, texts ready for snippets
const decoded = new Map(); // key → its postings, decoded once: refining a query reuses them
const termMatches = new Map(); // term → Promise<Map<story id, {count, first}>>

function normalise(text) {
  let out = "";
  for (const char of text) out += char.normalize("NFKC").toLowerCase();
  return out;
}

/** The distinct terms of a query, normalised: "物业  管理 物业" → ["物业", "管理"]. */
export function queryTerms(query) {
  const terms = normalise(String(query ?? "")).split(/\s+/).filter(Boolean);
  return [...new Set(terms)];
}

async function fetchOk(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`搜索索引文件无法读取 (cannot load ${url}: ${response.status})`);
  return as === "json" ? response.json() : new Uint8Array(await response.arrayBuffer());
}

async function core() {
  return BUILD ?? manifest();
}

function manifest() {
  // With BUILD, the manifest of this very build: never one a cache kept from an earlier build.
  const url = new URL(BUILD ? `index.json?v=${BUILD.version}` : "index.json", HERE);
  manifestRequest ??= fetchOk(url, "json").catch((error) => {
    manifestRequest = null; // a failed request may succeed next time
    throw error;
  });
  return manifestRequest;
}

function fnv1a(key) {
  let hash = 0x811c9dc5;
  for (const char of key) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return hash;
}

function reader(bytes, at = 0) {
  return {
    at,
    number() {
      let value = 0;
      let scale = 1;
      let byte;
      do {
        byte = bytes[this.at++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
      return value;
    },
  };
}

function parseShard(bytes) {
  const entries = new Map();
  const read = reader(bytes);
  while (read.at < bytes.length) {
    let key = "";
    for (let length = read.number(); length > 0; length--) key += String.fromCodePoint(read.number());
    const size = read.number();
    entries.set(key, bytes.subarray(read.at, read.at + size));
    read.at += size;
  }
  return entries;
}

/** The key's postings, decoded by `decode`; undefined when no story has the key. */
async function postingsOf(key, index, decode) {
  if (decoded.has(key)) return decoded.get(key);
  const bytes = await shardEntry(key, index);
  const postings = bytes && decode(bytes);
  decoded.set(key, postings);
  return postings;
}

async function shardEntry(key, index) {
  const number = fnv1a(key) % index.shards;
  if (!shardRequests.has(number)) {
    const url = new URL(`shards/${number}.bin?v=${index.version}`, HERE);
    shardRequests.set(number, fetchOk(url).then(parseShard).catch((error) => {
      shardRequests.delete(number);
      throw error;
    }));
  }
  return (await shardRequests.get(number)).get(key);
}

/** A pair's postings: story id → ascending positions. */
function decodePositions(bytes) {
  const read = reader(bytes);
  const stories = new Map();
  let story = 0;
  for (let count = read.number(); count > 0; count--) {
    story += read.number();
    const positions = new Array(read.number());
    let position = 0;
    for (let i = 0; i < positions.length; i++) positions[i] = position += read.number();
    stories.set(story, positions);
  }
  return stories;
}

/** A character's postings: story id → {count, first}. */
function decodeOccurrences(bytes) {
  const read = reader(bytes);
  const stories = new Map();
  let story = 0;
  for (let count = read.number(); count > 0; count--) {
    story += read.number();
    stories.set(story, { count: read.number(), first: read.number() });
  }
  return stories;
}

function contains(sorted, value) {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] === value) return true;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Offsets of the pairs that cover every character of an n-character term: 0, 2, 4, … and n-2. */
function pairOffsets(length) {
  const offsets = [];
  for (let offset = 0; offset <= length - 2; offset += 2) offsets.push(offset);
  if (offsets.at(-1) !== length - 2) offsets.push(length - 2);
  return offsets;
}

/** Every story that contains the term: story id → {count, first}; worked out once per term. */
function storiesWith(term, index) {
  if (!termMatches.has(term)) {
    termMatches.set(term, findStories(term, index).catch((error) => {
      termMatches.delete(term);
      throw error;
    }));
  }
  return termMatches.get(term);
}

async function findStories(term, index) {
  const chars = Array.from(term);
  if (chars.length === 1) return (await postingsOf(term, index, decodeOccurrences)) ?? new Map();
  const offsets = pairOffsets(chars.length);
  const pairs = await Promise.all(offsets.map((offset) => postingsOf(chars[offset] + chars[offset + 1], index, decodePositions)));
  if (pairs.some((postings) => !postings)) return new Map();
  const [first, ...rest] = pairs;
  const matches = new Map();
  for (const [story, starts] of first) {
    if (!rest.every((pair) => pair.has(story))) continue;
    const at = starts.filter((start) => rest.every((pair, i) => contains(pair.get(story), start + offsets[i + 1])));
    if (at.length) matches.set(story, { count: at.length, first: at[0] });
  }
  return matches;
}

function inFilters(story, index, { section, year }) {
  if (section) {
    if (index.sections[SECTION_MARKS.indexOf(index.storySections[story])] !== section) return false;
  }
  if (year) {
    const span = index.years.find(([y]) => y === Number(year));
    if (!span || story < span[1] || story > span[2]) return false;
  }
  return true;
}

function story(id) {
  if (!storyRequests.has(id)) {
    const url = core().then((index) => new URL(`stories/${id}.json?v=${index.version}`, HERE));
    const prepared = url.then((address) => fetchOk(address, "json")).then((record) => ({
      record,
      title: searchable(record.title),
      fields: (record.fields.length ? record.fields : [""]).map(searchable),
    }));
    storyRequests.set(id, prepared.catch((error) => {
      storyRequests.delete(id);
      throw error;
    }));
  }
  return storyRequests.get(id);
}

/** A text prepared for finding terms in it: its characters, and its normalised form mapped back to them. */
function searchable(text) {
  const chars = Array.from(text);
  const origin = []; // UTF-16 index in the normalised text → index of the character it came from
  let normalised = "";
  chars.forEach((char, index) => {
    const part = normalise(char);
    normalised += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
  });
  return { chars, normalised, origin };
}

/** Where the terms occur in a searchable text, as [start, end) ranges of its characters as written. */
function occurrences({ normalised, origin }, terms) {
  const ranges = [];
  for (const term of terms) {
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + 1)) {
      ranges.push([origin[at], origin[at + term.length - 1] + 1]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/** A code-point range list as UTF-16 offsets into the joined window chars[from, to). */
function unitRanges(chars, ranges, from, to, shift) {
  const units = [0];
  for (let i = from; i < to; i++) units.push(units.at(-1) + chars[i].length);
  const out = [];
  for (const [start, end] of ranges) {
    if (start < from || end > to) continue;
    if (out.length && units[start - from] + shift < out.at(-1)[1]) continue; // overlapping: keep the first
    out.push([units[start - from] + shift, units[end - from] + shift]);
  }
  return out;
}

/** The first field with a match, around its first match; else the start of the longest field. */
function snippetOf(fields, terms) {
  let text = fields.reduce((longest, field) => (field.chars.length > longest.chars.length ? field : longest));
  let ranges = [];
  for (const field of fields) {
    const found = occurrences(field, terms);
    if (found.length) {
      [text, ranges] = [field, found];
      break;
    }
  }
  const { chars } = text;
  const from = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET_BEFORE) : 0;
  const to = Math.min(chars.length, from + SNIPPET_LENGTH);
  const before = from > 0 ? "…" : "";
  const snippet = before + chars.slice(from, to).join("").replace(/\n/g, " ") + (to < chars.length ? "…" : "");
  return { snippet, highlights: unitRanges(chars, ranges, from, to, before.length) };
}

async function hitOf(match, terms) {
  const { record, title, fields } = await story(match.id);
  return {
    url: new URL(record.url, SITE).href,
    title: record.title,
    date: record.date,
    section: record.section,
    ...snippetOf(fields, terms),
    titleHighlights: unitRanges(title.chars, occurrences(title, terms), 0, title.chars.length, 0),
  };
}

/** `work` on every item, at most PARALLEL_FETCHES at a time, results in order. */
async function inPool(items, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_FETCHES, items.length) }, worker));
  return results;
}

/** Search the site: every story containing every space-separated term, best first. */
export async function search(query, { limit = 10, offset = 0, section = "", year = "" } = {}) {
  const terms = queryTerms(query);
  if (!terms.length) return { total: 0, hits: [] };
  const index = await core();
  const [perTerm, sections] = await Promise.all([
    Promise.all(terms.map((term) => storiesWith(term, index))),
    section || year ? manifest() : null,
  ]);
  perTerm.sort((a, b) => a.size - b.size);
  const matches = [];
  for (const id of perTerm[0].keys()) {
    if (!perTerm.every((stories) => stories.has(id))) continue;
    if (sections && !inFilters(id, sections, { section, year })) continue;
    const found = perTerm.map((stories) => stories.get(id));
    matches.push({
      id,
      inTitle: found.filter((term) => term.first < index.titleSpan).length,
      count: found.reduce((sum, term) => sum + term.count, 0),
      first: Math.min(...found.map((term) => (term.first < index.titleSpan ? term.first : term.first - index.titleSpan))),
    });
  }
  // Title matches first, then how often, then how early, then the newer story (ids are in date order).
  matches.sort((a, b) => b.inTitle - a.inTitle || b.count - a.count || a.first - b.first || b.id - a.id);
  const shown = matches.slice(offset, offset + limit);
  return { total: matches.length, hits: await inPool(shown, (match) => hitOf(match, terms)) };
}

/** The sections and years a search can be narrowed to, newest year first. */
export async function facets() {
  const index = await manifest();
  return { sections: index.sections, years: index.years.map(([year]) => year).reverse() };
}
