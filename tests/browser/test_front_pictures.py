"""Pictures on the home page and in lists (issue 30): the lead's photo, the photo strip, thumbnails only
beside stories with photos, lazy below the fold, no layout shift; and a photo news page lined up, its
gallery of portrait and landscape photos in rows without gaps. On a fixture site with real JPEGs."""

import io

import pytest
from scripts.chromium import serve
from PIL import Image
from sitebuild import build_once

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
GUTTER = 16  # the gallery's gap, 1rem
LANDSCAPE, PORTRAIT = (1600, 1067), (1067, 1600)


def photo(size: tuple[int, int], seed: int) -> bytes:
    """A real JPEG of `size`, a gradient with a block of its own colour, so no two photos are the same."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((40 * seed % 256, 110, 150), (0, 0, size[0] // 2, size[1] // 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def story(title: str, hour: int, category: str, photo: str = "", lead: bool = False) -> str:
    """An article by 东宣 tagged 物业管理, with a body photo when `photo` names one."""
    fields = [f"Title: {title}", "Byline: 本报通讯员 东宣", f"Date: 2026-11-24 {hour:02d}:00", f"Category: {category}", "Tags: 物业管理"]
    picture = [f'![{title}的现场]({{static}}/images/{photo} "{title}现场。本报通讯员 东宣 摄")', ""] if photo else []
    body = [f"铁东区{title}，推动各项工作落地见效。", "", *picture, "各街道、社区结合实际细化措施，确保群众诉求及时响应、问题就地化解。"]
    return "\n".join([*fields, *(["Lead: true"] if lead else []), "", *body]) + "\n"


def photo_item(name: str, title: str, hour: int, gallery: tuple[str, ...] = ()) -> str:
    """A photo news item, and after its caption more photos of the event (a gallery)."""
    fields = [f"Title: {title}", f"Date: 2026-11-24 {hour:02d}:30", "Category: 图片新闻", f"Photo: images/{name}.jpg", f"Alt: {title}的现场"]
    more = [f'![{title}之{i + 1}]({{static}}/images/{file} "{title}之{i + 1}。本报通讯员 王斌 摄")' for i, file in enumerate(gallery)]
    return "\n".join([*fields, "", f"{title}。", "本报通讯员 王斌 摄", "", *more]) + "\n"


# Landscape and portrait photos mixed, the way a phone's camera roll comes.
GALLERY = ("g1.jpg", "g2.jpg", "g3.jpg", "g4.jpg", "g5.jpg", "g6.jpg")
SHAPES = {"g1.jpg": LANDSCAPE, "g2.jpg": PORTRAIT, "g3.jpg": PORTRAIT, "g4.jpg": LANDSCAPE, "g5.jpg": LANDSCAPE, "g6.jpg": PORTRAIT}
FILES = {
    "articles/wuye.md": story("健全管理机制 破解治理难题", 9, "要闻", "wuye.jpg", lead=True),
    "articles/fazhi.md": story("提高依法治区水平", 8, "要闻", "fazhi.jpg"),
    "articles/jiegan.md": story("全面压实责任 守牢安全底线", 7, "要闻"),
    "articles/bianmin.md": story("医疗服务进社区", 6, "民生"),
    "articles/wenyi.md": story("丰富群众文化生活", 5, "文化", "wenyi.jpg"),
    "photos/yanchu.md": photo_item("yanchu", "文艺演出走进植物园", 4, GALLERY),
    "photos/jinqiu.md": photo_item("jinqiu", "金秋助学活动资助学生", 3),
    "photos/loudao.md": photo_item("loudao", "集中清理楼道堆积物", 2),
    "images/wuye.jpg": photo(LANDSCAPE, 1),
    "images/fazhi.jpg": photo(PORTRAIT, 2),
    "images/wenyi.jpg": photo(LANDSCAPE, 3),
    "images/yanchu.jpg": photo(LANDSCAPE, 4),
    "images/jinqiu.jpg": photo(LANDSCAPE, 5),
    "images/loudao.jpg": photo(LANDSCAPE, 6),
    **{f"images/{name}": photo(size, 10 + i) for i, (name, size) in enumerate(SHAPES.items())},
}
PHOTO_PAGE = "2026/11/yanchu.html"
LISTINGS = ["section/yaowen/", "tag/wuye-guanli/", "author/dong-xuan/"]
WITH_PHOTOS = {"健全管理机制 破解治理难题", "提高依法治区水平", "丰富群众文化生活"}

BOXES = """() => [...document.querySelectorAll('main img')].map(img => {
  const r = img.getBoundingClientRect();
  return {src: img.currentSrc || img.src, x: r.x, y: r.y + scrollY, width: r.width, height: r.height};
})"""


@pytest.fixture(scope="module")
def pictures_site(tmp_path_factory):
    """The fixture site built once and served on loopback."""
    site = build_once(tmp_path_factory, "pictures", FILES)
    with serve(site.output) as base_url:
        yield base_url


@pytest.fixture
def open_at(browser, pictures_site):
    """Open a page of the fixture site at a viewport size. With `hold_pictures`, every picture is kept
    waiting (page.held, until `let_pictures_come`), and the page is given back once styled."""
    contexts = []

    def open_(path: str, viewport: dict, hold_pictures: bool = False):
        contexts.append(browser.new_context(viewport=viewport, locale="zh-CN"))
        page = contexts[-1].new_page()
        if hold_pictures:
            page.held = []
            page.route("**/images/**", lambda route: route.continue_() if page.held is None else page.held.append(route))
            assert page.goto(f"{pictures_site}/{path}", wait_until="domcontentloaded").ok
            page.wait_for_function("getComputedStyle(document.querySelector('.site-header')).position === 'sticky'")
        else:
            assert page.goto(f"{pictures_site}/{path}", wait_until="load").ok
        return page

    yield open_
    for context in contexts:
        context.close()


def let_pictures_come(page) -> None:
    """Let the held pictures through, and any asked for later."""
    held, page.held = page.held, None  # pictures asked for from now on go through at once
    for route in held:
        route.continue_()


def all_loaded(page) -> None:
    """Scroll through the page so every lazy picture is fetched, then wait until each has arrived."""
    page.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } scrollTo(0, 0); }")
    page.wait_for_function("[...document.querySelectorAll('main img')].every(img => img.complete && img.naturalWidth > 0)")


@SIZES
def test_the_lead_shows_its_photo_first_and_the_photo_strip_follows(open_at, viewport):
    page = open_at("index.html", viewport)
    lead_img = page.locator(".lead--photo .lead-photo img")
    assert lead_img.get_attribute("alt") == "健全管理机制 破解治理难题的现场"
    assert lead_img.get_attribute("loading") is None, "the lead's photo is not lazy"
    assert lead_img.bounding_box()["y"] < viewport["height"], "the lead's photo is on the first screen"
    lead_img.evaluate("img => img.decode()")
    assert lead_img.evaluate("img => img.currentSrc").endswith(".webp")
    titles = page.locator(".photo-strip .strip-title").all_inner_texts()
    assert titles == ["文艺演出走进植物园", "金秋助学活动资助学生", "集中清理楼道堆积物"]
    order = page.evaluate("() => ['.lead', '.photo-strip', '.section-grid'].map(s => document.querySelector(s).getBoundingClientRect().top)")
    assert order == sorted(order), "the strip sits between the lead and the sections"
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    if viewport is DESKTOP:
        assert page.locator(".photo-strip img").first.bounding_box()["y"] < viewport["height"], "the strip shows on a desktop's first screen"


def test_home_sections_show_a_thumbnail_only_beside_stories_with_photos(open_at):
    page = open_at("index.html", DESKTOP)
    items = page.locator(".section-grid .block-item")
    with_thumbs = {item.locator(".block-item-title").inner_text() for item in items.all() if item.locator(".block-thumb img").count()}
    assert with_thumbs == {"提高依法治区水平", "丰富群众文化生活"}
    thumb = page.locator(".block-thumb img").first
    assert thumb.get_attribute("alt") == "提高依法治区水平的现场"


@pytest.mark.parametrize("path", LISTINGS)
@SIZES
def test_listings_show_thumbnails_only_beside_stories_with_photos(open_at, path, viewport):
    page = open_at(path, viewport)
    items = page.locator(".item-list > .item").all()
    shown = {item.locator(".item-title").inner_text(): item.locator(".item-thumb img") for item in items}
    assert {"健全管理机制 破解治理难题", "提高依法治区水平", "全面压实责任 守牢安全底线"} <= set(shown)
    for title, thumb in shown.items():
        assert thumb.count() == (1 if title in WITH_PHOTOS else 0), title
    alt = shown["提高依法治区水平"].get_attribute("alt")
    assert alt == "提高依法治区水平的现场"
    box, text = shown["提高依法治区水平"].bounding_box(), page.locator(".item", has_text="提高依法治区水平").locator(".item-text").bounding_box()
    assert box["x"] >= text["x"] + text["width"], "the thumbnail stands beside the text, on its right"
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0


@pytest.mark.parametrize("path", ["index.html", *LISTINGS, PHOTO_PAGE])
@SIZES
def test_pictures_below_the_fold_are_lazy_and_the_lead_is_not(open_at, path, viewport):
    page = open_at(path, viewport)
    images = page.evaluate("""() => [...document.querySelectorAll('main img')].map(img => ({
        top: img.getBoundingClientRect().top, lazy: img.loading === 'lazy', lead: !!img.closest('.lead, .story--photo > .article-body > figure'),
        sized: img.hasAttribute('width') && img.hasAttribute('height') }))""")
    assert images
    below = [image for image in images if image["top"] >= viewport["height"]]
    assert all(image["lazy"] for image in below), below
    assert not any(image["lazy"] for image in images if image["lead"])
    assert all(image["sized"] for image in images), "every picture says its size before it arrives"
    if path == "index.html" or path == PHOTO_PAGE:
        assert below, "the fixture has pictures below the fold"


@pytest.mark.parametrize("path", ["index.html", "section/yaowen/", PHOTO_PAGE])
@SIZES
def test_nothing_moves_when_the_pictures_arrive(open_at, path, viewport):
    page = open_at(path, viewport, hold_pictures=True)
    without = page.evaluate(BOXES)
    assert page.evaluate("[...document.querySelectorAll('main img')].filter(img => img.complete).length") == 0
    let_pictures_come(page)
    all_loaded(page)
    with_images = page.evaluate(BOXES)
    assert len(without) == len(with_images) > 0
    for before, after in zip(without, with_images):
        for key in ("x", "y", "width", "height"):
            assert abs(before[key] - after[key]) <= 0.5, (after["src"], key, before[key], after[key])


def test_photo_news_lines_up_on_a_desktop(open_at):
    page = open_at(PHOTO_PAGE, DESKTOP)
    selectors = [".breadcrumb", ".story-header", ".article-body > figure.photo img", ".article-body > figure.photo figcaption", ".story-footer"]
    lefts = page.evaluate("s => s.map(sel => document.querySelector(sel).getBoundingClientRect().left)", selectors)
    assert max(lefts) - min(lefts) <= 1, dict(zip(selectors, lefts))


def gallery_rows(page) -> tuple[float, list[list[dict]]]:
    """The gallery's width, and its figures in rows (by the top of their photos), left to right."""
    width, figures = page.evaluate("""() => {
      const gallery = document.querySelector('.gallery');
      return [gallery.getBoundingClientRect().width, [...gallery.querySelectorAll('figure')].map(f => {
        const img = f.querySelector('img').getBoundingClientRect(), box = f.getBoundingClientRect();
        return {left: img.left - gallery.getBoundingClientRect().left, right: img.right - gallery.getBoundingClientRect().left,
                top: img.top, height: img.height, width: img.width, bottom: box.bottom};
      })];
    }""")
    rows: list[list[dict]] = []
    for figure in sorted(figures, key=lambda f: (round(f["top"]), f["left"])):
        if rows and abs(rows[-1][0]["top"] - figure["top"]) <= 1:
            rows[-1].append(figure)
        else:
            rows.append([figure])
    return width, rows


@SIZES
def test_a_gallery_of_portrait_and_landscape_photos_has_no_gaps(open_at, viewport):
    page = open_at(PHOTO_PAGE, viewport)
    all_loaded(page)
    width, rows = gallery_rows(page)
    assert sum(len(row) for row in rows) == len(GALLERY)
    assert any(len(row) > 1 for row in rows), "photos share rows"
    for number, row in enumerate(rows):
        assert max(f["height"] for f in row) - min(f["height"] for f in row) <= 1, f"row {number}: one height"
        gaps = [right["left"] - left["right"] for left, right in zip(row, row[1:])]
        assert all(-0.5 <= gap <= GUTTER + 1 for gap in gaps), f"row {number}: gaps {gaps}"
        assert row[0]["left"] <= 0.5, f"row {number} starts at the edge"
        if number < len(rows) - 1:
            assert row[-1]["right"] >= width - 1, f"row {number} fills the width: {row[-1]['right']} of {width}"
            below = rows[number + 1][0]["top"] - max(f["bottom"] for f in row)
            assert below <= GUTTER + 1, f"{below}px between row {number} and the next"
    shapes = page.evaluate("() => [...document.querySelectorAll('.gallery img')].map(img => img.getBoundingClientRect().width > img.getBoundingClientRect().height)")
    assert shapes == [SHAPES[name][0] > SHAPES[name][1] for name in GALLERY]
