// The desk's part of Decap CMS: files written as the site writes them (a header of `Key: value`
// lines, as invoke new makes them), photos with their caption and credit as inputs of their own,
// file names from invoke new's pinyin, and the gate's findings beside the story being written.
/* global CMS, h, createClass */
(async function desk() {
  const site = await (await fetch("/admin/pressroom.json")).json();
  // The build's own rules, sent by the desk's server: Python-Markdown's header patterns, the credit
  // at the end of a caption (plugins/photos/caption.py), the words that mean yes.
  const credit = new RegExp(site.credit);
  const meta = Object.fromEntries(Object.entries(site.meta).map(([name, pattern]) => [name, new RegExp(pattern)]));
  const canonical = new Map(site.fields.map((name) => [name.toLowerCase(), name]));
  const guide = new RegExp(`^<!--\\s*\\n${site.guideStart}[\\s\\S]*?-->\\s*`);
  const SENTENCE_END = /[。！？!?…”’」』]$/;

  // --- The file format ------------------------------------------------------------------------
  function readHeader(text) {
    // As Python-Markdown's meta extension reads it: the first of a repeated field is the one the build uses.
    const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
    const data = {};
    let key; // the field a continued line adds to; null: a repeated field's, not used
    let index = lines.length && meta.begin.test(lines[0]) ? 1 : 0;
    for (; index < lines.length; index += 1) {
      const line = lines[index];
      if (!line.trim() || meta.end.test(line)) { index += 1; break; }
      const field = meta.key.exec(line);
      const more = field ? null : meta.more.exec(line);
      if (field) {
        const name = canonical.get(field.groups.key.toLowerCase()) || field.groups.key;
        key = name in data ? null : name;
        if (key) data[key] = field.groups.value.trim();
      } else if (more && key !== undefined) {
        if (key) data[key] += `\n${more.groups.value.trim()}`;
      } else {
        break; // not a field: the body starts here
      }
    }
    while (index < lines.length && !lines[index].trim()) index += 1;
    return { data, body: lines.slice(index).join("\n").trimEnd() };
  }

  function splitCaption(text) {
    const words = text.trim();
    const found = credit.exec(words);
    if (!found) return { caption: words, credit: "" };
    const who = (found.groups.credit || found.groups.plain || found.groups.bracketed).replace(/[\s\u3000、]+/g, " ").trim();
    return { caption: words.slice(0, found.index).trimEnd(), credit: `${who} 摄` };
  }

  function joinCaption(caption, by) {
    // A credit the build must find: after a sentence end (居民观看演出。高欣 摄), never after a bare space.
    if (!caption || !by) return caption || by;
    return `${caption}${SENTENCE_END.test(caption) ? "" : "。"}${by}`;
  }

  function fromFile(text) {
    const { data, body: written } = readHeader(text);
    const body = written.replace(guide, ""); // invoke new's writing guide: the desk has its own hints
    for (const flag of ["Lead", "Scheduled", "Current"]) if (flag in data) data[flag] = site.trueWords.includes(String(data[flag]).trim().toLowerCase());
    if ("Photo" in data) {
      // A photo item's body is its caption, the credit on its last line, then any more photos.
      const more = body.search(/^!\[/m);
      const { caption, credit: by } = splitCaption(more < 0 ? body : body.slice(0, more));
      return { ...data, Caption: caption, Credit: by, body: more < 0 ? "" : body.slice(more) };
    }
    return { ...data, body };
  }

  function value(field) {
    if (field === true) return "true";
    return String(field).trim().split(/\r?\n/).map((line) => line.trim()).filter(Boolean).join("\n    ");
  }

  // Not written: the desk's own inputs, and Status (in the desk a story is a draft until it is merged).
  const NOT_WRITTEN = new Set(["body", "Caption", "Credit", "Status", site.fileNameField]);

  function toFile(data, sortedKeys = []) {
    const order = [...sortedKeys, ...site.fields, ...Object.keys(data)];
    const header = [];
    for (const key of new Set(order)) {
      if (NOT_WRITTEN.has(key) || !(key in data)) continue;
      const field = data[key];
      if (field === undefined || field === null || field === false || String(field).trim() === "") continue;
      header.push(`${key}: ${value(field)}`);
    }
    let body = (data.body || "").replace(/^\s*\n/, "").trimEnd();
    if ("Caption" in data || "Credit" in data) {
      const words = [data.Caption, data.Credit].map((part) => (part || "").trim()).filter(Boolean).join("\n");
      body = [words, body].filter(Boolean).join("\n\n");
    }
    return `${header.join("\n")}\n\n${body}\n`;
  }

  CMS.registerCustomFormat("pelican", "md", { fromFile, toFile });

  // --- The file name: invoke new's pinyin of the title, asked of the desk's server when a new story
  // is first saved (Decap makes the file name from it: the collections' slug is {{fields.filename}}).
  CMS.registerEventListener({
    name: "preSave",
    handler: async ({ entry }) => {
      const data = entry.get("data");
      if (!entry.get("newRecord")) return data; // a saved story keeps its name, and its address
      const collection = entry.get("collection");
      const title = data.get("Title") || "";
      const answer = await fetch(`/admin/api/filename?collection=${encodeURIComponent(collection)}&title=${encodeURIComponent(title)}`);
      return data.set(site.fileNameField, (await answer.json()).name);
    },
  });
  const FileName = createClass({
    render() {
      return h("input", { id: this.props.forID, className: this.props.classNameWrapper, value: this.props.value || "", placeholder: "尚未保存", readOnly: true });
    },
  });
  CMS.registerWidget("pressroom-filename", FileName, createClass({ render() { return null; } }));

  // --- A photo in the body: picture, alt text, caption and credit as inputs of their own ----------
  CMS.registerEditorComponent({
    id: "pressroom-photo",
    label: "图片（带说明和署名）",
    fields: [
      { name: "image", label: "图片", widget: "image", choose_url: false },
      { name: "alt", label: "图片内容（替代文字）", widget: "string" },
      { name: "caption", label: "图片说明", widget: "text", hint: "时间、地点、人物、事件" },
      { name: "credit", label: "摄影署名", widget: "string", hint: "如：本报通讯员 高欣 摄" },
    ],
    pattern: /^!\[([^\]]*)\]\((\S+?)(?: "(.*)")?\)$/,
    fromBlock(match) {
      const { caption, credit: by } = splitCaption(match[3] || "");
      return { alt: match[1], image: match[2], caption, credit: by };
    },
    toBlock(photo) {
      const words = joinCaption((photo.caption || "").trim(), (photo.credit || "").trim());
      return `![${photo.alt || ""}](${photo.image || ""} "${words}")`;
    },
    toPreview(photo) {
      return `<figure><figcaption>${photo.caption || ""} <span class="credit">${photo.credit || ""}</span></figcaption></figure>`;
    },
  });

  // --- The gate beside the story: invoke check's findings on the text as it would be saved ---------
  const Findings = createClass({
    getInitialState() { return { findings: null, failed: false }; },
    componentDidMount() { this.schedule(); },
    componentDidUpdate(before) { if (before.entry !== this.props.entry) this.schedule(); },
    componentWillUnmount() { clearTimeout(this.timer); },
    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), 500);
    },
    async check() {
      const entry = this.props.entry;
      const data = entry.get("data").toJS();
      const path = entry.get("path") || "";
      const name = path ? path.replace(/^.*\//, "").replace(/\.md$/, "") : data[site.fileNameField] || "";
      const media = entry.get("mediaFiles").toJS().filter((one) => one.id && (one.file || one.url));
      const asked = { collection: this.props.collection.get("name"), name, text: toFile(data), media: media.map(({ path: at, id }) => ({ path: at, id })) };
      try {
        let answer = await (await fetch("/admin/api/check", { method: "POST", body: JSON.stringify(asked) })).json();
        if (answer.missing.length) {
          // Pictures uploaded but not saved yet: the gate checks them too (their size, their kind).
          for (const one of media.filter(({ id }) => answer.missing.includes(id))) {
            const bytes = one.file ? await one.file.arrayBuffer() : await (await fetch(one.url)).arrayBuffer();
            await fetch(`/admin/api/media?id=${encodeURIComponent(one.id)}`, { method: "POST", body: bytes });
          }
          answer = await (await fetch("/admin/api/check", { method: "POST", body: JSON.stringify(asked) })).json();
        }
        const lines = asked.text.split("\n");
        const header = lines.indexOf("");
        for (const one of answer.findings) {
          // Where it is, as the editor sees the story: a field's label, or the body (正文).
          const key = one.line <= header ? (/^(\w+):/.exec(lines[one.line - 1]) || [])[1] : null;
          one.where = key ? `“${site.labels[key] || key}”` : one.line > header ? "正文" : "";
        }
        if (this.props.entry === entry) this.setState({ findings: answer.findings, failed: false });
      } catch (problem) {
        this.setState({ failed: true });
      }
    },
    render() {
      const { findings, failed } = this.state;
      if (failed) return h("section", { className: "pressroom-gate" }, h("p", null, "检查没有运行：编辑台的服务器没有回应 (the check did not run)"));
      if (findings === null) return h("section", { className: "pressroom-gate pressroom-gate-waiting" }, h("p", null, "正在检查……"));
      if (!findings.length) {
        return h("section", { className: "pressroom-gate pressroom-gate-clean" }, h("p", null, "发布检查：没有发现问题 (invoke check: no problems)"));
      }
      const errors = findings.filter((one) => one.level === "error").length;
      return h("section", { className: "pressroom-gate", role: "status" },
        h("h2", null, `发布检查：${errors} 个错误，${findings.length - errors} 个警告（送审前请改正）`),
        h("ul", null, findings.map((one, index) => h("li", { key: index, className: `pressroom-${one.level}`, "data-rule": one.rule },
          `${one.where ? `${one.where} ` : ""}${one.level === "error" ? "错误" : "警告"}：${one.zh}`,
          h("span", { lang: "en" }, ` (${one.en}; ${one.rule})`)))));
    },
  });

  const Story = createClass({
    render() {
      const field = (name) => this.props.entry.getIn(["data", name]);
      const photo = field("Photo") ? this.props.getAsset(field("Photo")) : null;
      return h("article", { className: "pressroom-preview" },
        h(Findings, this.props),
        field("Kicker") ? h("p", { className: "kicker" }, field("Kicker")) : null,
        h("h1", null, field("Title") || ""),
        field("Subtitle") ? h("p", { className: "subtitle" }, field("Subtitle")) : null,
        field("Byline") ? h("p", { className: "byline" }, field("Byline")) : null,
        photo ? h("figure", null, h("img", { src: photo.toString(), alt: field("Alt") || "" }),
          h("figcaption", null, field("Caption") || "", " ", h("span", { className: "credit" }, field("Credit") || ""))) : null,
        this.props.widgetFor("body"));
    },
  });
  for (const collection of ["articles", "photos", "pages"]) CMS.registerPreviewTemplate(collection, Story);
  CMS.registerPreviewStyle("/admin/preview.css");

  // --- 三审 in the office's words: 草稿 → 待审 → 待发布 (Decap's own Chinese says 审核中, 就绪) -------
  const phrases = JSON.parse(JSON.stringify(CMS.getLocale("zh_Hans")));
  Object.assign(phrases.editor.editorToolbar, { draft: "草稿", inReview: "待审", ready: "待发布" });
  Object.assign(phrases.workflow.workflow, {
    newPost: "新建稿件",
    description: "%{smart_count} 篇待审，%{readyCount} 篇待发布。 |||| %{smart_count} 篇待审，%{readyCount} 篇待发布。",
  });
  Object.assign(phrases.workflow.workflowList, {
    draftHeader: "草稿", inReviewHeader: "待审", readyHeader: "待发布",
    onPublishingNotReadyEntry: "只有“待发布”的稿件才能发布：审核通过后把卡片拖到“待发布”一栏。",
  });
  CMS.registerLocale("zh_Hans", phrases);

  window.pressroomFormat = { fromFile, toFile, splitCaption, joinCaption }; // for the tests: the desk writes files as the site reads them
  CMS.init();
}());
