"""The desk's Decap CMS configuration, made from the site's settings: its sections, the fields the
build reads (plugins.editorial.fields) and the office's own (EDITORIAL_EXTRA_FIELDS), and where the
content lives. A new section or field shows in the desk with no second edit. No Pelican here.

Decap reads YAML; JSON is YAML, so the configuration is written as JSON.
"""

from dataclasses import dataclass, field

from plugins.editorial.fields import NEWS_FIELDS, PELICAN_FIELDS

LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
FILE_NAME_FIELD = "filename"  # the desk's own: makes the file name, never written into the file
BODY_FIELD = "body"


@dataclass(frozen=True)
class Field:
    """How the desk asks for a field: its label, Decap widget and options."""

    label: str
    widget: str = "string"
    options: dict = field(default_factory=dict)


DATE_TIME = {"format": "YYYY-MM-DD HH:mm", "date_format": "YYYY-MM-DD", "time_format": "HH:mm", "picker_utc": False}
# The fields an editor writes, in the order a story's header has them (README, "Writing for the site").
FIELDS = {
    "Title": Field("标题", options={"hint": "主题，网页上唯一的大标题"}),
    "Kicker": Field("引题", options={"required": False, "hint": "印在标题上方的短句，没有就留空"}),
    "Subtitle": Field("副题", options={"required": False, "hint": "如“——铁东区多措并举做好物业管理工作记事”"}),
    "Byline": Field("署名", options={"required": False, "hint": "按印刷版写：本报讯（记者 常欣月 通讯员 高欣）"}),
    "Authors": Field("作者", options={"required": False, "hint": "逗号分隔：记者 常欣月, 通讯员 高欣；署名里已有的可不填"}),
    "Date": Field("发布时间（北京时间）", "datetime", {**DATE_TIME, "default": "{{now}}"}),
    "Scheduled": Field("定时发布", "boolean", {"required": False, "default": False,
                                                "hint": "打开后，到上面的发布时间才在网站上出现"}),
    "Category": Field("栏目", "select"),
    "Tags": Field("标签", options={"required": False, "hint": "逗号分隔，如：物业管理, 基层治理"}),
    "Lead": Field("设为头条", "boolean", {"required": False, "default": False}),
    "Summary": Field("摘要", "text", {"required": False, "hint": "不填则取正文开头约 120 字"}),
    "Note": Field("编者注", "text", {"required": False}),
    "Source": Field("来源", options={"required": False, "hint": "转载稿的原发单位，如：吉林日报"}),
    "Correction": Field("更正", "text", {"required": False, "hint": "以日期开头，一条一行：2026-11-25 原稿将“城东”误为“城西”，已更正。"}),
    "Modified": Field("更新时间", "datetime", {**DATE_TIME, "required": False}),
    "Follows": Field("续报：前一篇", options={"required": False, "hint": "如 articles/wuye-guanli.md"}),
    "Topic": Field("专题", options={"required": False, "hint": "所属专题的名称，如：物业管理全覆盖（专题由同名的专题页面介绍）"}),
    "Current": Field("在首页展示这个专题", "boolean", {"required": False, "default": False}),
    "Order": Field("排在最前的稿件", "text", {"required": False, "hint": "一行一个文件，如 articles/wuye-guanli.md；其余按时间从新到旧"}),
    "Photo": Field("图片", "image", {"media_folder": "/{content}/images", "public_folder": "images", "choose_url": False}),
    "Alt": Field("图片内容（替代文字）", options={"hint": "为看不见图片的读者写明图上是什么"}),
}
# Fields the desk does not ask for: set by the build, by the desk's workflow (Status), or for developers.
NOT_ASKED = {"reader", "lang", "translation", "template", "save_as", "url", "slug", "status", "author"}
ARTICLE_FIELDS = ["Title", "Kicker", "Subtitle", "Byline", "Authors", "Date", "Scheduled", "Category", "Tags", "Topic",
                  "Lead", "Summary", "Note", "Source", "Correction", "Modified", "Follows"]
PHOTO_FIELDS = ["Title", "Date", "Scheduled", "Category", "Tags", "Topic", "Photo", "Alt"]
# A page is a fixed page (关于本站), or with Topic the introduction of that topic (plugins/topics).
PAGE_FIELDS = ["Title", "Topic", "Summary", "Current", "Order"]


def field_name(key: str) -> str:
    """A field as an editor writes it (Kicker), from the lower-case key the build reads (kicker)."""
    return next((name for name in FIELDS if name.lower() == key.lower()), key[:1].upper() + key[1:])


@dataclass(frozen=True)
class Site:
    """What the desk needs of the settings."""

    sections: list[str]  # FRONTPAGE_SECTIONS
    content: str  # the content folder, relative to the repository's root
    extra_fields: list[str] = field(default_factory=list)  # EDITORIAL_EXTRA_FIELDS
    photo_section: str = ""  # DESK_PHOTO_SECTION: photo news is filed here (default: the last section)
    branch: str = "main"  # DESK_BRANCH: where stories are merged
    backend: dict = field(default_factory=dict)  # DESK_BACKEND: the forge; none, the local repository
    proxy: str = LOCAL_PROXY  # the local git proxy invoke desk starts, when there is no forge


# Decap's backends that keep the editorial workflow (草稿 → 待审 → 待发布) as merge requests.
WORKFLOW_BACKENDS = {"gitlab", "forgejo", "github", "bitbucket", "azure"}


def site_problems(site: Site) -> list[str]:
    """What in the desk's settings cannot work, one line each, Chinese first."""
    problems = []
    if site.photo_section and site.photo_section not in site.sections:
        problems.append(f"DESK_PHOTO_SECTION“{site.photo_section}”不是 FRONTPAGE_SECTIONS 里的栏目 (not a section)")
    name = site.backend.get("name")
    if site.backend and name not in WORKFLOW_BACKENDS:
        problems.append(
            f"DESK_BACKEND 的 name“{name}”不支持三审工作流：GitLab 写 gitlab，Gitea、Forgejo 写 forgejo "
            f"(Decap's '{name}' backend has no editorial workflow)")
    if site.backend and not site.backend.get("repo"):
        problems.append("DESK_BACKEND 缺少 repo，如 \"xinwen/site\" (DESK_BACKEND needs its repo)")
    return problems


def extra_fields(office_fields) -> list[str]:
    """The office's own fields (EDITORIAL_EXTRA_FIELDS), and any news field the desk has no input for yet."""
    known = {name.lower() for name in FIELDS} | NOT_ASKED | PELICAN_FIELDS
    wanted = [*sorted(NEWS_FIELDS), *office_fields]
    return [field_name(key) for key in dict.fromkeys(key.lower() for key in wanted) if key not in known]


def decap_field(name: str, site: Site, sections: list[str]) -> dict:
    spec = FIELDS.get(name, Field(name, options={"required": False}))
    made = {"name": name, "label": spec.label, "widget": spec.widget, **spec.options}
    if name == "Category":
        made.update(options=sections, default=sections[0])
    if name == "Photo":
        made["media_folder"] = made["media_folder"].format(content=site.content)
    return made


def collection(name: str, label: str, folder: str, fields: list[str], site: Site, sections: list[str], tail: list[dict]) -> dict:
    return {
        "name": name,
        "label": label,
        "label_singular": label,
        "folder": f"{site.content}/{folder}",
        "create": True,
        "extension": "md",
        "format": "pelican",  # desk.js: the header as `Key: value` lines, as invoke new writes it
        "identifier_field": "Title",
        "slug": "{{fields.%s}}" % FILE_NAME_FIELD,
        "summary": "{{Title}}",
        "sortable_fields": ["Date", "Title"],
        "fields": [*(decap_field(field, site, sections) for field in fields), *tail],
    }


def file_name_field() -> dict:
    return {"name": FILE_NAME_FIELD, "label": "文件名（第一次保存时由标题的拼音生成）", "widget": "pressroom-filename",
            "required": False, "hint": "之后不再改变；网址用这个名字"}


def desk_config(site: Site) -> dict:
    """Decap's configuration for the site: articles, photo news and pages, in Chinese, through the
    forge in DESK_BACKEND, or the local git proxy `invoke desk` starts."""
    photo_section = site.photo_section or site.sections[-1]
    article_sections = [section for section in site.sections if section != photo_section] or site.sections
    extras = extra_fields(site.extra_fields)
    body = {"name": BODY_FIELD, "label": "正文", "widget": "markdown", "modes": ["rich_text", "raw"],
            "buttons": ["bold", "italic", "link", "heading-two", "quote", "bulleted-list", "numbered-list"],
            "editor_components": ["pressroom-photo"]}
    photo_text = [
        {"name": "Caption", "label": "图片说明", "widget": "text", "hint": "时间、地点、人物、事件"},
        {"name": "Credit", "label": "摄影署名", "widget": "string", "hint": "如：本报通讯员 高欣 摄"},
        {**body, "label": "更多图片（可选）", "required": False},
    ]
    photo_sections = [photo_section, *(section for section in site.sections if section != photo_section)]
    config = {
        "locale": "zh_Hans",
        "publish_mode": "editorial_workflow",
        "media_folder": f"{site.content}/images",
        "public_folder": "{static}/images",
        "backend": {"branch": site.branch, **site.backend} if site.backend else {"name": "proxy", "proxy_url": site.proxy, "branch": site.branch},
        "collections": [
            collection("articles", "文章", "articles", [*ARTICLE_FIELDS, *extras], site, article_sections, [body, file_name_field()]),
            collection("photos", "图片新闻", "photos", [*PHOTO_FIELDS, *extras], site, photo_sections, [*photo_text, file_name_field()]),
            collection("pages", "页面", "pages", PAGE_FIELDS, site, site.sections, [body, file_name_field()]),
        ],
    }
    if not site.backend:
        config["local_backend"] = {"url": site.proxy, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config
