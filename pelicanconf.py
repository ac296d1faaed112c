"""Settings for building the site locally; publishconf.py overrides what publishing changes."""

SITENAME = "铁东新闻网"
SITEURL = ""
SITE_DESCRIPTION = "铁东区新闻：时政要闻、基层治理、民生服务、文化活动与图片新闻"
DEFAULT_LANG = "zh-CN"
TIMEZONE = "Asia/Shanghai"
LOCALE = ("C.UTF-8",)
# The site's one date style, 2026年12月7日 (no leading zeros): Pelican's `locale_date` of every story,
# and the templates' `strftime` filter for other dates (corrections). search-page.js writes the
# same for search results; machines get ISO 8601 (JSON-LD, <time datetime>, feeds).
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"

PATH = "content"
THEME = "theme"
# Titles, bylines and captions are text: escape them everywhere; bodies are marked |safe. A build
# reads each template once: auto_reload would stat its file at every include (1.3 s at 10,000 stories).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}
# listings finds each tag's, section's, author's and period's stories through one index (Pelican
# makes one pass over the archive per name). Markdown → metadata (editorial fields and bylines,
# slugs) → HTML (photos, summaries) → pages, feeds and indexes (related, neighbors, tag_cloud,
# frontpage, newsmeta, sitemap); share draws a story's published address as a QR code on its
# page; fingerprint links the theme's CSS, JS and icons by names that carry their hash; fixedurls
# works each story's address out once, before related and newsmeta use it, not on every use;
# strict fails a build that logged problems; incremental takes a page whose inputs are unchanged
# from the last build instead of rendering it; atomic replaces the output only when the build
# succeeded. This project's plugins are the package `plugins`; the order they
# need (strict, incremental, atomic last) is stated in plugins/core/order.py and checked at start-up.
PLUGINS = [
    "plugins.listings",
    "plugins.editorial",
    "plugins.slugs",
    "plugins.photos",
    "plugins.summaries",
    "plugins.fixedurls",
    "plugins.related",
    "neighbors",
    "tag_cloud",
    "plugins.frontpage",
    "plugins.topics",
    "plugins.newsmeta",
    "plugins.govsite",
    "plugins.share",
    "plugins.feeds",
    "plugins.search",
    "sitemap",
    "plugins.fingerprint",
    "plugins.strict",
    "plugins.incremental",
    "plugins.atomic",
]

PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "要闻"

# Article URLs come from the file name, not the title: editing a headline never breaks a link.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = PAGE_URL
CATEGORY_URL = "section/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_URL = "section/"
CATEGORIES_SAVE_AS = "section/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_URL = "author/"
AUTHORS_SAVE_AS = "author/index.html"
# 专题: a topic's page, and the list of topics (plugins/topics).
TOPIC_URL = "topic/{slug}/"
TOPIC_SAVE_AS = TOPIC_URL + "index.html"
TOPICS_URL = "topic/"
TOPICS_SAVE_AS = "topic/index.html"
ARCHIVES_URL = "archives.html"
ARCHIVES_SAVE_AS = "archives.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
# The corrections page (更正) lists every Correction, newest first (plugins/editorial); 404.html
# is the page a server sends for a missing address (theme/templates/404.html links from the root).
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "corrections", "search", "404", "accessibility"]
CORRECTIONS_URL = "corrections.html"
CORRECTIONS_SAVE_AS = "corrections.html"

DEFAULT_PAGINATION = 20
# Every listing is paginated, so no page grows with the archive: home, sections, tags and authors
# 20 stories a page; a year's or a month's archive 50 dated titles a page. archives.html lists
# the years and months with their counts, not every story.
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None, "author": None, "topic": None, "period_archives": 50}
TAG_CLOUD_SORTING = "alphabetically"
TAG_CLOUD_BADGE = True
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Sections in the order the header lists them; photo news has its own strip on the home page.
FRONTPAGE_SECTIONS = ["要闻", "政务", "民生", "文化", "图片新闻"]
FRONTPAGE_ITEMS_PER_SECTION = 5
FRONTPAGE_PHOTO_STRIP = 6

# The editing desk (invoke desk, http://127.0.0.1:8080/admin/): photo news is filed in this section;
# published stories are merged into this branch. DESK_BACKEND names the office's forge for 三审 by
# merge request, e.g. {"name": "forgejo", "repo": "xinwen/site", "base_url": "https://git.example.gov.cn",
# "api_root": "https://git.example.gov.cn/api/v1", "app_id": "..."} (README, 编辑台); empty, the desk
# works on this repository alone.
DESK_PHOTO_SECTION = "图片新闻"
DESK_BRANCH = "main"
DESK_BACKEND = {}

# Feeds are written only when publishing (publishconf.py), where absolute URLs exist.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

RELATIVE_URLS = True
# A local build shows warnings and goes on; publishconf.py makes any warning fail the build.
STRICT_FAIL_ON = None
DELETE_OUTPUT_DIRECTORY = False

# --- Machine-readable metadata: sitemaps, robots.txt, JSON-LD (plugins/newsmeta, sitemap) ---
# sitemap.xml (pelican-sitemap): every article, lastmod from Modified, else Date. Listings (home,
# sections, tags, authors, archives) and undated pages (关于本站) are left out: the plugin gives
# them the build's clock time as lastmod, which is neither true nor reproducible, and crawlers
# reach them by their links. Search engines ignore priority and changefreq; these say only that
# a story rarely changes once published (a correction sets Modified, which moves lastmod).
SITEMAP = {
    "format": "xml",
    "priorities": {"articles": 0.8},
    "changefreqs": {"articles": "monthly"},
    "exclude": [r"^$", r"/$", r"^[^/]*\.html$"],
}
# plugins/newsmeta: JSON-LD (NewsArticle + BreadcrumbList) on every article, robots.txt, and,
# when SITEURL is absolute (publishing), the Google News sitemap of the last two days' stories;
# "now" is $SOURCE_DATE_EPOCH when set, so a build can be repeated exactly.
NEWSMETA_PUBLISHER_LOGO = "theme/favicon.svg"
NEWSMETA_NEWS_SITEMAP = "news-sitemap.xml"
NEWSMETA_NEWS_LANGUAGE = "zh-cn"
NEWSMETA_ROBOTS_SITEMAPS = ["sitemap.xml"]

# The identity footer of a government website (plugins/govsite), as readers see it: 主办单位 the
# office that runs the site, 承办单位 the one that makes it; empty values print nothing. The demo
# is not a registered site: its contacts, filing numbers and site code are left empty rather than
# made up. A real site sets GOVSITE_PHONE, GOVSITE_EMAIL, GOVSITE_ADDRESS, GOVSITE_ICP, GOVSITE_PSB
# and GOVSITE_SITE_CODE too.
GOVSITE_SPONSOR = "中共铁东区委宣传部"
GOVSITE_ORGANIZER = "铁东区融媒体中心"
