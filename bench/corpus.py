"""A seeded generator of realistic Chinese local news, recombined from the press office's own text.

    python -m bench.corpus OUT_FOLDER --count 300 --seed 1

Writes OUT_FOLDER/articles/a-000000.md …, and one photo-news item in twenty into
OUT_FOLDER/photos/p-000019.md … with a small JPEG each in OUT_FOLDER/images/; build it with
`pelican OUT_FOLDER -s pelicanconf.py -o OUT`. The same count and seed give the same bytes.

The sentences, headings and captions come from /work/shared/seeds/ (text copied out of the
printed paper, so lines are broken mid-sentence and punctuation is half-width); names of people,
communities and streets, numbers and dates are drawn from lists here, so searches for a name, a
place or a year have a realistic number of answers rather than all or nothing.
"""

import argparse
import io
import random
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw, ImageFilter

SEEDS = Path("/work/shared/seeds")
PHOTO_EVERY = 20  # one item in twenty is photo news, as on the paper's pages
PHOTO_SIZE = (640, 480)
FIRST_DAY = datetime(2019, 1, 1)
LAST_DAY = datetime(2026, 11, 24)

SECTIONS = ("要闻", "政务", "民生", "文化")
# Which section a seed story belongs to, by a word in it; the first match wins.
SECTION_WORDS = (("政协", "政务"), ("法治", "政务"), ("文艺", "文化"), ("文化", "文化"), ("医疗", "民生"), ("健康", "民生"))
# Tags an editor would give, used when the word is in the story (as editors tag).
TAG_WORDS = (
    "物业管理", "基层治理", "社区服务", "法治政府", "政协", "依法治区", "便民服务", "医疗卫生", "文艺演出",
    "群众文化", "文联", "秸秆焚烧", "生态环境", "安全生产", "矛盾纠纷", "信用监管", "公共法律服务",
    "司法救助", "营商环境", "消防安全", "金秋助学", "民族团结", "劳模精神", "城市管理", "健康服务",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段常"
GIVEN = (
    "欣月", "欣", "斌", "子涵", "东", "晓峰", "丽娜", "志强", "海燕", "建国", "秀英", "文博", "思远", "雪梅",
    "立新", "春雨", "宏伟", "佳琪", "明轩", "静怡", "国庆", "玉兰", "德胜", "晓东", "婷婷", "振宇", "慧敏",
    "长青", "雨桐", "浩然", "淑华", "凤霞", "永刚", "俊杰", "红梅", "鹏飞", "雅琴", "宇航", "梦瑶", "少华",
)
# The seed's own place names, and the district's others a story could as well be about.
PLACES = {
    "金桥社区": ("金桥社区", "七马路社区", "英雄社区", "北门社区", "兴隆社区", "站前社区", "仁兴社区", "地直社区", "铁东社区", "南湖社区"),
    "北市场街道": ("北市场街道", "平南街道", "七马路街道", "解放街道", "黄土坑街道", "北门街道", "四马路街道", "长发街道"),
    "平南街道": ("平南街道", "七马路街道", "解放街道", "北门街道", "长发街道"),
    "四平植物园": ("四平植物园", "南湖公园", "英雄广场", "区文化馆", "区图书馆"),
}
# Sentences of the district's newer services, so Latin letters and numbers occur as in real news.
SERVICE_SENTENCES = (
    "群众可拨打12345政务服务便民热线反映诉求，相关部门将在24小时内回应。",
    "辖区新建5G基站12座，重点区域实现网络信号全覆盖。",
    "居民可通过“铁东发布”APP在线预约办理相关业务。",
    "今年以来，全区PM2.5平均浓度同比下降，空气质量优良天数持续增加。",
    "社区还开通了微信小程序，居民扫描二维码即可提交报修申请。",
    "活动现场设置了AED急救设备使用演示区，吸引不少居民驻足学习。",
)
SENTENCE_END = re.compile(r"(?<=[。！？；])")
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})
CREDIT = re.compile(r"^本报(?:记者|通讯员|摄影记者)\s*(\S+)\s*摄$")
BYLINE_LEAD = re.compile(r"^本报讯（[^）]*）")


class Story(NamedTuple):
    """One seed story, cut into the parts an article is made of."""

    headings: tuple[str, ...]  # title, subtitle and subheads, in print order
    sentences: tuple[str, ...]


class Seeds(NamedTuple):
    """Everything the generator draws text from."""

    stories: tuple[Story, ...]
    captions: tuple[str, ...]


def joined_lines(raw: str) -> list[str]:
    """The seed's non-empty lines, with a line broken at the page edge joined to the next."""
    lines = [line.strip() for line in raw.splitlines()]
    lines = [line.translate(HALF_TO_FULL) for line in lines if line]
    joined: list[str] = []
    for line in lines:
        ended = joined[-1].endswith(("。", "”", "！", "？", "）")) if joined else True
        broken = not ended and len(joined[-1]) > 40 and not is_heading(line)
        if broken:
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def is_heading(line: str) -> bool:
    """A title, subtitle or subhead: short and without a full stop."""
    return len(line) <= 32 and "。" not in line and not CREDIT.match(line)


def sentences_of(paragraph: str) -> list[str]:
    """Whole sentences of a paragraph, without a print byline or a cut-off end (“各行管”)."""
    paragraph = BYLINE_LEAD.sub("", paragraph)
    return [s for s in SENTENCE_END.split(paragraph) if len(s) >= 8 and s.endswith(("。", "！", "？", "；"))]


def blocks(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Runs of lines that are all headings (True) or all text (False), in order."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        heading = is_heading(line)
        if runs and runs[-1][0] == heading:
            runs[-1][1].append(line)
        else:
            runs.append((heading, [line]))
    return runs


def parse_seeds(text: str) -> Seeds:
    """Stories (two headings in a row, title and subtitle, start one; a lone heading is a subhead), and captions."""
    stories: list[Story] = []
    captions: list[str] = []
    headings: list[str] = []
    sentences: list[str] = []
    for heading_run, lines in blocks(joined_lines(text)):
        if heading_run:
            lines = [line for line in lines if not line.startswith("本报")]  # a print byline under the title
        if heading_run and len(lines) > 1:
            if headings and sentences:
                stories.append(Story(tuple(headings), tuple(sentences)))
            headings, sentences = [line.lstrip("—") for line in lines], []
        elif heading_run:
            headings.extend(lines)
        else:
            for line, following in zip(lines, lines[1:] + [""]):
                if CREDIT.match(following):
                    captions.append(line)
                elif not CREDIT.match(line):
                    found = sentences_of(line)
                    if not sentences and found and len(found[0]) < 25:
                        found = found[1:]  # the paper cut the story's start: a lead is never this short
                    sentences.extend(found)
    if headings and sentences:
        stories.append(Story(tuple(headings), tuple(sentences)))
    return Seeds(tuple(stories), tuple(captions))


def read_seeds(folder: Path = SEEDS) -> Seeds:
    """The seed stories and captions of every file in the folder, in file name order."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt")))
    return parse_seeds(text)


def person(rng: random.Random) -> str:
    """A plausible Chinese name."""
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def byline(rng: random.Random) -> str | None:
    """A print byline in one of the paper's usual shapes, or None (about one story in eight)."""
    reporter, other, stringer = person(rng), person(rng), person(rng)
    shapes = (
        f"本报讯（记者 {reporter} 通讯员 {stringer}）",
        f"本报讯（通讯员 {stringer}）",
        f"本报讯（记者 {reporter} {other}）",
        f"本报记者 {reporter}",
        f"本报通讯员 {stringer}",
        f"本报讯（记者 {reporter}）",
        None,
    )
    return rng.choices(shapes, weights=(4, 3, 2, 1, 2, 2, 2))[0]


def localised(sentence: str, rng: random.Random) -> str:
    """The sentence about another community or street, with its counts changed a little."""
    for place, others in PLACES.items():
        if place in sentence:
            sentence = sentence.replace(place, rng.choice(others))
    return re.sub(r"\d+", lambda m: str(max(1, int(int(m[0]) * rng.uniform(0.5, 1.6)))), sentence)


def dated(sentence: str, when: datetime, rng: random.Random) -> str:
    """The story's lead sentence, sometimes with the date written out instead of 近日."""
    if sentence.startswith("近日") and rng.random() < 0.5:
        return f"{when.year}年{when.month}月{when.day}日" + sentence[2:]
    return sentence


def section_of(story: Story) -> str:
    """The section a seed story belongs in, from the words in it."""
    text = "".join(story.headings + story.sentences)
    return next((section for word, section in SECTION_WORDS if word in text), "要闻")


def tags_for(text: str, rng: random.Random) -> list[str]:
    """Up to three of the editors' tags whose words the story uses."""
    present = [tag for tag in TAG_WORDS if tag in text]
    return rng.sample(present, min(len(present), rng.randint(1, 3))) if present else ["基层治理"]


def heading_halves(stories: tuple[Story, ...]) -> list[str]:
    """The four-to-nine-character halves of every two-part heading (健全管理机制 / 破解治理难题)."""
    return sorted({half for story in stories for heading in story.headings for half in heading.split() if 4 <= len(half) <= 9})


def subtitles(stories: tuple[Story, ...]) -> list[str]:
    """The one-part headings that say who did what (铁东区政协开展专题调研)."""
    return sorted({heading for story in stories for heading in story.headings if " " not in heading})


def title(story: Story, seeds: Seeds, rng: random.Random) -> str:
    """A headline in the paper's style: two parallel halves, or who did what, somewhere in the district."""
    own_halves = heading_halves((story,))
    if rng.random() < 0.4:
        place = rng.choice(("铁东区",) * 3 + PLACES["北市场街道"] + PLACES["金桥社区"])
        who_did_what = subtitles((story,)) or subtitles(seeds.stories)
        return localised(rng.choice(who_did_what), rng).replace("铁东区", place, 1)
    first = rng.choice(own_halves)
    others = own_halves if len(own_halves) > 2 and rng.random() < 0.7 else heading_halves(seeds.stories)
    return f"{first} {rng.choice([half for half in others if half != first])}"


def paragraphs(story: Story, when: datetime, rng: random.Random, count: int) -> list[str]:
    """Paragraphs of two to four sentences, mostly from the story's own, in their order."""
    chosen = sorted(rng.sample(range(len(story.sentences)), min(len(story.sentences), count * 3)))
    pool = [localised(story.sentences[i], rng) for i in chosen]
    if rng.random() < 0.15:
        pool.insert(rng.randrange(1, len(pool) + 1), rng.choice(SERVICE_SENTENCES))
    if rng.random() < 0.2:
        pool.append(f"截至{when.year}年{when.month}月底，相关工作已取得阶段性成效。")
    pool[0] = dated(pool[0], when, rng)
    sizes = [rng.randint(2, 4) for _ in range(count)]
    result, start = [], 0
    for size in sizes:
        if start < len(pool):
            result.append("".join(pool[start : start + size]))
        start += size
    return result


def when_published(rng: random.Random) -> datetime:
    """A working-hours time between 2019 and November 2026, to five minutes."""
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    return day.replace(hour=rng.randint(7, 20), minute=rng.randrange(0, 60, 5))


def article(seeds: Seeds, rng: random.Random) -> str:
    """One article's Markdown: front matter, then paragraphs, with ## subheads in a long story."""
    story = rng.choice(seeds.stories)
    when = when_published(rng)
    long_story = rng.random() < 0.3
    body = paragraphs(story, when, rng, rng.randint(5, 8) if long_story else rng.randint(2, 4))
    if long_story:
        for at in range(len(body) - 1, 0, -2):
            body.insert(at, "## " + " ".join(rng.sample(heading_halves(seeds.stories), 2)))
    subtitle = story.headings[1] if len(story.headings) > 1 and rng.random() < 0.6 else None
    fields = {
        "Title": title(story, seeds, rng),
        "Subtitle": localised(subtitle, rng) if subtitle else None,
        "Byline": byline(rng),
        "Date": when.strftime("%Y-%m-%d %H:%M"),
        "Category": section_of(story),
        "Tags": ", ".join(tags_for("".join(body), rng)),
    }
    return front_matter(fields) + "\n\n".join(body) + "\n"


def photo_item(seeds: Seeds, image: str, rng: random.Random) -> str:
    """One photo-news item's Markdown: the caption, then the photographer's credit line."""
    when = when_published(rng)
    source = rng.choice(seeds.captions or tuple(s for story in seeds.stories for s in story.sentences))
    caption = localised(source, rng)
    photographer = person(rng)
    fields = {
        "Title": photo_title(caption),
        "Date": when.strftime("%Y-%m-%d %H:%M"),
        "Category": "图片新闻",
        "Tags": ", ".join(tags_for(caption, rng)),
        "Authors": photographer,
        "Photo": image,
        "Alt": "活动现场：" + rng.choice(("居民排队参加活动", "工作人员向群众讲解", "会场全景", "服务队员合影", "学生们站成一排")),
    }
    return front_matter(fields) + f"{dated(caption, when, rng)}\n本报通讯员 {photographer} 摄\n"


def photo_title(caption: str) -> str:
    """A photo's headline from its caption: who did what, the clause after 近日."""
    clause = caption.split("近日，", 1)[-1]
    return re.split(r"[，。]", clause, maxsplit=1)[0]


def front_matter(fields: dict[str, str | None]) -> str:
    """Pelican's `Key: value` lines for the fields that have a value, and the blank line after."""
    return "".join(f"{key}: {value}\n" for key, value in fields.items() if value) + "\n"


def photo_jpeg(rng: random.Random) -> bytes:
    """A small photo-like JPEG: a tinted gradient with blurred shapes and a little noise."""
    image = Image.linear_gradient("L").resize(PHOTO_SIZE).convert("RGB")
    tint = Image.new("RGB", PHOTO_SIZE, tuple(rng.randrange(256) for _ in range(3)))
    image = Image.blend(image, tint, 0.4)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, r = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1]), rng.randrange(20, 160)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(PHOTO_SIZE, 12).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(image, noise, 0.06).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` items (one in twenty photo news) into folder; the Markdown files, in order."""
    seeds = read_seeds()
    written = []
    for sub in ("articles", "photos", "images"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for number in range(count):
        rng = random.Random(f"{seed}-{number}")  # each item on its own stream: item n is the same at any count
        if number % PHOTO_EVERY == PHOTO_EVERY - 1:
            (folder / "images" / f"p-{number:06d}.jpg").write_bytes(photo_jpeg(rng))
            path = folder / "photos" / f"p-{number:06d}.md"
            text = photo_item(seeds, f"images/p-{number:06d}.jpg", rng)
        else:
            path = folder / "articles" / f"a-{number:06d}.md"
            text = article(seeds, rng)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command line: write a corpus into a folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    written = write_corpus(args.folder, args.count, args.seed)
    print(f"{len(written)} items written to {args.folder}")


if __name__ == "__main__":
    main()
