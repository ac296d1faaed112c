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
// for filters. The index is read from search/<version>/, a folder named by its content: a page
// that loaded this engine before the site switched to another build still reads this build's
// index (or, once that is gone, fails), never another build's shards and story numbers.
const BUILD = /* build */ null;
const HERE = new URL("./", import.meta.url);
const INDEX = new URL(`${BUILD.version}/`, HERE);
const SITE = new URL("../", HERE);
const SECTION_MARKS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; // as files.py writes them
const SNIPPET_BEFORE = 24; // characters of context before the block's first match
const SNIPPET_LENGTH = 96; // characters shown, a few more where a number or word would be cut
const FEW = 50; // up to this many results are picked in one pass rather than by sorting all
const PARALLEL_FETCHES = 10; // a browser refuses thousands of requests at once ("Failed to fetch")

let manifestRequest = null;
const shardRequests = new Map(); // shard number → Promise<Map<key, Uint8Array>>
const storyRequests = new Map(); // story id → Promise<{record, title, fields}>, texts ready for snippets
const decoded = new Map(); // key → its postings, decoded once: refining a query reuses them
const termMatches = new Map(); // term → Promise<{stories, counts, firsts}>

function normalise(text) {
  let out = "";
  for (const char of text) out += normalisedChar(char);
  return out;
}

function normalisedChar(char) {
  const code = char.codePointAt(0);
  // The common cases without normalize(): ASCII only folds case, and NFKC leaves the CJK
  // unified ideographs as they are (their compatibility twins live at U+F900 and beyond).
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : char;
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  return char.normalize("NFKC").toLowerCase();
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

function manifest() {
  manifestRequest ??= fetchOk(new URL("index.json", INDEX), "json").catch((error) => {
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

// Postings are decoded in one tight loop over the bytes into a flat array of numbers, then read
// from it with a plain index: no call per number, which is what a first query pays for most
// while the browser has not yet compiled this code.

/** Every unsigned LEB128 number in bytes, in order (each takes at least one byte). */
function numbersIn(bytes) {
  const numbers = new Uint32Array(bytes.length);
  let count = 0;
  let value = 0;
  let scale = 1;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at];
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 128;
    } else {
      numbers[count++] = value;
      value = 0;
      scale = 1;
    }
  }
  return numbers.subarray(0, count);
}

/** The first LEB128 number at bytes[at]: [value, where the next one starts]. */
function numberAt(bytes, at) {
  let value = 0;
  let scale = 1;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, at];
}

function parseShard(bytes) {
  const entries = new Map();
  let at = 0;
  let length, point, size;
  while (at < bytes.length) {
    let key = "";
    for ([length, at] = numberAt(bytes, at); length > 0; length--) {
      [point, at] = numberAt(bytes, at);
      key += String.fromCodePoint(point);
    }
    [size, at] = numberAt(bytes, at);
    entries.set(key, bytes.subarray(at, at + size));
    at += size;
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
    const url = new URL(`shards/${number}.bin`, INDEX);
    shardRequests.set(number, fetchOk(url).then(parseShard).catch((error) => {
      shardRequests.delete(number);
      throw error;
    }));
  }
  return (await shardRequests.get(number)).get(key);
}

// Postings become flat typed arrays, stories in ascending id order, so that matching is a merge
// of sorted lists with no object per story.

/** A pair's postings: {stories, starts, positions}; story i's positions are positions[starts[i] .. starts[i + 1]). */
function decodePositions(bytes) {
  const numbers = numbersIn(bytes);
  const count = numbers[0];
  const stories = new Uint32Array(count);
  const starts = new Uint32Array(count + 1);
  const positions = new Uint32Array(numbers.length);
  let at = 1;
  let story = 0;
  let filled = 0;
  for (let i = 0; i < count; i++) {
    stories[i] = story += numbers[at++];
    let position = 0;
    for (let left = numbers[at++]; left > 0; left--) positions[filled++] = position += numbers[at++];
    starts[i + 1] = filled;
  }
  return { stories, starts, positions: positions.subarray(0, filled) };
}

/** A character's postings, and a term's matches: {stories, counts, firsts}, stories ascending. */
function decodeOccurrences(bytes) {
  const numbers = numbersIn(bytes);
  const count = numbers[0];
  const found = { stories: new Uint32Array(count), counts: new Uint32Array(count), firsts: new Uint32Array(count) };
  let story = 0;
  for (let i = 0, at = 1; i < count; i++, at += 3) {
    found.stories[i] = story += numbers[at];
    found.counts[i] = numbers[at + 1];
    found.firsts[i] = numbers[at + 2];
  }
  return found;
}

const NONE = { stories: new Uint32Array(0), counts: new Uint32Array(0), firsts: new Uint32Array(0) };

/** Offsets of the pairs that cover every character of an n-character term: 0, 2, 4, … and n-2. */
function pairOffsets(length) {
  const offsets = [];
  for (let offset = 0; offset <= length - 2; offset += 2) offsets.push(offset);
  if (offsets.at(-1) !== length - 2) offsets.push(length - 2);
  return offsets;
}

/** Every story that contains the term, as {stories, counts, firsts}; worked out once per term. */
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
  if (chars.length === 1) return (await postingsOf(term, index, decodeOccurrences)) ?? NONE;
  const offsets = pairOffsets(chars.length);
  const pairs = await Promise.all(offsets.map((offset) => postingsOf(chars[offset] + chars[offset + 1], index, decodePositions)));
  return pairs.some((postings) => !postings) ? NONE : consecutive(pairs, offsets);
}

/**
 * The stories where every pair occurs at its offset from one start: the term itself.
 * Story ids and positions ascend, so each pair keeps a cursor that only moves forward.
 */
function consecutive([first, ...rest], offsets) {
  const size = first.stories.length;
  const found = { stories: new Uint32Array(size), counts: new Uint32Array(size), firsts: new Uint32Array(size) };
  const storyAt = new Array(rest.length).fill(0);
  let matched = 0;
  stories: for (let s = 0; s < size; s++) {
    const story = first.stories[s];
    for (let p = 0; p < rest.length; p++) {
      const ids = rest[p].stories;
      while (storyAt[p] < ids.length && ids[storyAt[p]] < story) storyAt[p]++;
      if (ids[storyAt[p]] !== story) continue stories;
    }
    const positionAt = rest.map((pair, p) => pair.starts[storyAt[p]]);
    let count = 0;
    let earliest = 0;
    starts: for (let i = first.starts[s]; i < first.starts[s + 1]; i++) {
      const start = first.positions[i];
      for (let p = 0; p < rest.length; p++) {
        const { positions, starts } = rest[p];
        const wanted = start + offsets[p + 1];
        const end = starts[storyAt[p] + 1];
        while (positionAt[p] < end && positions[positionAt[p]] < wanted) positionAt[p]++;
        if (positionAt[p] === end) break starts; // no later start can match either
        if (positions[positionAt[p]] !== wanted) continue starts;
      }
      if (count++ === 0) earliest = start;
    }
    if (count) {
      found.stories[matched] = story;
      found.counts[matched] = count;
      found.firsts[matched++] = earliest;
    }
  }
  return { stories: found.stories.subarray(0, matched), counts: found.counts.subarray(0, matched), firsts: found.firsts.subarray(0, matched) };
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
    const record = fetchOk(new URL(`stories/${id}.json`, INDEX), "json");
    storyRequests.set(id, record.then(prepared).catch((error) => {
      storyRequests.delete(id);
      throw error;
    }));
  }
  return storyRequests.get(id);
}

/** A story record with its texts made searchable on first use: a snippet usually needs only one. */
function prepared(record) {
  const texts = record.fields.length ? record.fields : [""];
  const made = new Map();
  const field = (at) => {
    if (!made.has(at)) made.set(at, searchable(texts[at]));
    return made.get(at);
  };
  return { record, title: searchable(record.title), fieldCount: texts.length, field };
}

/** A text prepared for finding terms in it: its characters, and its normalised form mapped back to them. */
function searchable(text) {
  const chars = Array.from(text);
  const origin = []; // UTF-16 index in the normalised text → index of the character it came from
  let normalised = "";
  chars.forEach((char, index) => {
    const part = normalisedChar(char);
    normalised += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
  });
  return { chars, normalised, origin };
}

/** Where the terms occur in a searchable text, as [start, end, term] ranges of its characters as written. */
function occurrences({ normalised, origin }, terms) {
  const ranges = [];
  terms.forEach((term, which) => {
    for (let at = normalised.indexOf(term); at !== -1; at = normalised.indexOf(term, at + 1)) {
      ranges.push([origin[at], origin[at + term.length - 1] + 1, which]);
    }
  });
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

// A snippet is cut from one block of the story (a line of its text: a paragraph, subhead, caption,
// credit, list item; plugins/search/document.py), never across two, and never where the cut
// would mislead: inside a number or a Latin word (…2个巡查组 for 12个巡查组), or on punctuation
// that closes what the snippet does not show (…”，物业).
const CLOSING = new Set("”’」』〉》】〕）)]}，,。.、；;：:！!？?…%％ \u3000");
const WORD = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{Nd}]/u; // fullwidth letters and digits too
const DIGIT = /\p{Nd}/u;
const IN_NUMBER = new Set(".,:．"); // 2.5, 1,000, 8:30

/** Whether chars[at - 1] and chars[at] are one number or Latin word, so a cut between them splits it. */
function joined(chars, at) {
  if (at <= 0 || at >= chars.length) return false;
  const before = chars[at - 1];
  const after = chars[at];
  if (WORD.test(before) && WORD.test(after)) return true;
  if (IN_NUMBER.has(after)) return DIGIT.test(before) && DIGIT.test(chars[at + 1] ?? "");
  return IN_NUMBER.has(before) && DIGIT.test(chars[at - 2] ?? "") && DIGIT.test(after);
}

/** The line of a text that has character `at`, as a [start, end) range of its characters. */
function blockOf(chars, at) {
  const start = at > 0 ? chars.lastIndexOf("\n", at - 1) + 1 : 0; // lastIndexOf(x, -1) would search from the end
  const end = chars.indexOf("\n", at);
  return [start, end === -1 ? chars.length : end];
}

/**
 * The block to cut the snippet from: the one with the most of the query's terms, then the most
 * matches, then the earliest, as {text, block, ranges, first}; with no match in any field (the query is
 * in the headline), the first block of the longest field.
 */
function bestBlock({ fieldCount, field }, terms) {
  let best = null;
  for (let at = 0; at < fieldCount; at++) {
    const text = field(at);
    const ranges = occurrences(text, terms);
    for (let i = 0; i < ranges.length; ) {
      const first = ranges[i];
      const block = blockOf(text.chars, first[0]);
      const found = new Set();
      let count = 0;
      for (; i < ranges.length && ranges[i][0] < block[1]; i++, count++) found.add(ranges[i][2]);
      if (!best || found.size > best.terms || (found.size === best.terms && count > best.count)) {
        best = { text, block, ranges, first, terms: found.size, count };
      }
    }
  }
  if (best) return best;
  let text = field(0);
  for (let at = 1; at < fieldCount; at++) if (field(at).chars.length > text.chars.length) text = field(at);
  return { text, block: blockOf(text.chars, 0), ranges: [], first: [0, 0] };
}

/** The snippet's first character: not in a word or number, not closing punctuation or a space. */
function snippetStart(chars, blockStart, from, matchStart) {
  while (from < matchStart && CLOSING.has(chars[from])) from++;
  // Back to a word's start, or before the punctuation the match itself starts with.
  while (from > blockStart && (CLOSING.has(chars[from]) || joined(chars, from))) from--;
  return from;
}

/** Where the snippet ends: before the word or number it would split, or after it if the match is in it. */
function snippetEnd(chars, blockEnd, to, matchEnd) {
  let back = to;
  while (back > matchEnd && joined(chars, back)) back--;
  if (!joined(chars, back)) {
    while (back > matchEnd && chars[back - 1] === " ") back--;
    return back;
  }
  while (to < blockEnd && joined(chars, to)) to++;
  return to;
}

/** The best block's text around its first match, cut where nothing is split; the matches in it marked. */
function snippetOf(texts, terms) {
  const { text, block, ranges, first } = bestBlock(texts, terms);
  const { chars } = text;
  const [blockStart, blockEnd] = block;
  // SNIPPET_BEFORE characters before the match, SNIPPET_LENGTH in all; near the block's end, more before.
  const end = Math.max(first[1], Math.min(blockEnd, Math.max(blockStart, first[0] - SNIPPET_BEFORE) + SNIPPET_LENGTH));
  const from = snippetStart(chars, blockStart, Math.max(blockStart, Math.min(first[0] - SNIPPET_BEFORE, end - SNIPPET_LENGTH)), first[0]);
  const to = snippetEnd(chars, blockEnd, end, first[1]);
  const before = from > blockStart ? "…" : "";
  const snippet = before + chars.slice(from, to).join("") + (to < blockEnd ? "…" : "");
  return { snippet, highlights: unitRanges(chars, ranges, from, to, before.length) };
}

async function hitOf(id, terms) {
  const texts = await story(id);
  const { record, title } = texts;
  return {
    url: new URL(record.url, SITE).href,
    title: record.title,
    date: record.date,
    section: record.section,
    ...snippetOf(texts, terms),
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
  const index = BUILD;
  const [perTerm, sections] = await Promise.all([
    Promise.all(terms.map((term) => storiesWith(term, index))),
    section || year ? manifest() : null,
  ]);
  const keep = sections ? (id) => inFilters(id, sections, { section, year }) : () => true;
  const { total, ids } = ranked(perTerm, index.titleSpan, keep, offset + limit);
  return { total, hits: await inPool(ids.slice(offset), (id) => hitOf(id, terms)) };
}

/**
 * How many stories every term matches and `keep` accepts, and the ids of the first `wanted` of
 * them, best first: title matches first, then how often the terms occur, then how early, then
 * the newer story (ids are in date order). Positions below titleSpan are in the title.
 */
function ranked(perTerm, titleSpan, keep, wanted) {
  const [fewest, ...others] = [...perTerm].sort((a, b) => a.stories.length - b.stories.length);
  const size = fewest.stories.length;
  const ids = new Uint32Array(size);
  const inTitle = new Uint8Array(size);
  const counts = new Uint32Array(size);
  const firsts = new Uint32Array(size);
  const cursors = new Array(others.length).fill(0);
  let kept = 0;
  stories: for (let s = 0; s < size; s++) {
    const id = fewest.stories[s];
    for (let t = 0; t < others.length; t++) {
      const theirs = others[t].stories;
      while (cursors[t] < theirs.length && theirs[cursors[t]] < id) cursors[t]++;
      if (theirs[cursors[t]] !== id) continue stories;
    }
    if (!keep(id)) continue;
    let title = 0;
    let count = fewest.counts[s];
    let first = fewest.firsts[s];
    if (first < titleSpan) title++;
    else first -= titleSpan;
    for (let t = 0; t < others.length; t++) {
      const at = cursors[t];
      let theirFirst = others[t].firsts[at];
      if (theirFirst < titleSpan) title++;
      else theirFirst -= titleSpan;
      count += others[t].counts[at];
      first = Math.min(first, theirFirst);
    }
    ids[kept] = id;
    inTitle[kept] = title;
    counts[kept] = count;
    firsts[kept++] = first;
  }
  const compare = (a, b) => inTitle[b] - inTitle[a] || counts[b] - counts[a] || firsts[a] - firsts[b] || ids[b] - ids[a];
  return { total: kept, ids: firstOf(kept, compare, wanted).map((i) => ids[i]) };
}

/**
 * The first `wanted` of 0 … size-1 in `compare` order. A first page wants ten of thousands:
 * one pass keeping the best few is then much cheaper than sorting them all.
 */
function firstOf(size, compare, wanted) {
  if (wanted <= 0) return [];
  if (wanted > FEW || wanted * 4 >= size) return Array.from({ length: size }, (_, i) => i).sort(compare).slice(0, wanted);
  const top = [];
  for (let i = 0; i < size; i++) {
    if (top.length === wanted && compare(i, top[wanted - 1]) >= 0) continue;
    let at = Math.min(top.length, wanted - 1);
    while (at > 0 && compare(i, top[at - 1]) < 0) at--;
    top.splice(at, 0, i);
    top.length = Math.min(top.length, wanted);
  }
  return top;
}

/** The sections and years a search can be narrowed to, newest year first. */
export async function facets() {
  const index = await manifest();
  return { sections: index.sections, years: index.years.map(([year]) => year).reverse() };
}
