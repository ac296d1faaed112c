"""A small news site with known search answers, and the truth about it: which stories contain a query."""

import re
import textwrap
import unicodedata

from sitebuild import jpeg

STORIES = {
    "articles/wuye.md": """
        Title: 健全管理机制 破解治理难题
        Subtitle: ——铁东区多措并举做好物业管理工作记事
        Byline: 本报通讯员 东宣
        Date: 2026-11-24 08:00
        Category: 要闻
        Tags: 物业管理, 基层治理

        铁东区坚持以“标准化+便民化”为主线，系统推进物业管理提质增效。

        ## 三级联动 拧紧责任链条

        初步建立起“三级书记”抓物业管理的治理责任体系，区级领导定期带头调研问题突出小区。
        """,
    "articles/wuye-fuwu.md": """
        Title: 物业服务提质增效
        Date: 2025-06-10 09:00
        Category: 民生
        Tags: 社区服务

        2025年以来，小区物业企业加强日常管理，居民满意度持续提升。
        """,
    "articles/zhengxie.md": """
        Title: 提高依法治区水平 助推法治政府建设
        Byline: 本报讯（记者 常欣月 通讯员 高欣）
        Date: 2026-11-20 09:00
        Category: 政务
        Tags: 法治政府

        近日，铁东区政协组织部分法律界委员开展“法治政府建设”专题调研。
        """,
    "articles/jiegan.md": """
        Title: 全力做好秸秆禁烧工作
        Date: 2025-10-15 08:00
        Category: 要闻

        ２０２５年秋收以来，铁东区严防秸秆焚烧，网格员昼夜巡查。
        """,
    "articles/bianjie.md": """
        Title: 小区物业
        Date: 2024-03-01 08:00
        Category: 民生

        管理办法近日出台，明确业主委员会职责。

        居民议事会上，大家讨论了小区物业

        管理费用的公示方式。
        """,
    "articles/app.md": """
        Title: 政务服务APP上线
        Date: 2026-05-06 10:00
        Category: 政务

        市民可下载“铁东发布”App办理社保、医保等业务。
        """,
    "articles/qiushou.md": """
        Title: 秋收工作有序推进
        Date: 2026-10-01 08:00
        Category: 民生

        全区推广秸秆还田、秸秆打捆、秸秆离田等综合利用方式。
        """,
    "articles/nongji-cun.md": """
        Title: 农机服务进村
        Date: 2026-09-01 08:00
        Category: 民生

        秸秆综合利用现场会在铁东区召开。
        """,
    "articles/nongji-xiang.md": """
        Title: 农机服务进乡
        Date: 2026-09-20 08:00
        Category: 民生

        秸秆综合利用现场会在铁东区召开。
        """,
    "articles/gongnuan.md": """
        Title: 冬季供暖准备就绪
        Date: 2026-09-05 08:00
        Category: 民生

        全区供热企业完成管网检修，储煤充足，锅炉试运行正常，换热站逐一调试，确保按时供暖；部分村屯以秸秆为燃料。
        """,
    "photos/yanchu.md": """
        Title: 邻里节上的歌声
        Date: 2026-11-23 16:00
        Category: 图片新闻
        Photo: images/yanchu.jpg
        Alt: 居民在社区广场演唱

        金桥社区“邻里节”上，居民合唱《我和我的祖国》。
        本报通讯员 高欣 摄
        """,
    "articles/biaoti.md": """
        Title: 标题含 <b>粗体</b> 与 <img src=x onerror="window.pwned=1"> 字样
        Date: 2026-08-08 08:00
        Category: 要闻

        本文的标题里有 HTML 标记，它们只是文字。
        """,
    # Snippets: a number, a caption with its credit before a subhead, a clause after ”，.
    "articles/xuncha.md": """
        Title: 城区环境整治全面铺开
        Date: 2026-11-12 08:00
        Category: 要闻

        本报讯 为持续改善城区人居环境，铁东区组建12个巡查组，对主次干道、背街小巷和老旧小区开展拉网式排查，重点整治乱堆乱放、私搭乱建、占道经营等突出问题，对发现的问题建立台账、限期整改，整改情况每周通报，确保城区环境持续向好，群众满意度稳步提升。

        ![清运现场]({static}/images/qingyun.jpg "工作人员清理楼道内杂物，检查垃圾堆放情况。本报记者 常欣月 摄")

        ## 白天查 夜间守 巡查不留死角

        各社区同步开展“清洁家园”，沿街商户主动清理门前积雪，居民参与热情高涨，全区共清理积雪杂物一百余吨，出动清雪车辆三十余台次，铲冰除雪人员五百余人次，确保主要道路在雪停后二十四小时内全部通行，背街小巷和居民小区出入口四十八小时内清理完毕，未发生因积雪结冰导致的安全事故。
        """,
    "articles/wifi.md": """
        Title: 公共场所无线网络提速
        Date: 2026-07-15 08:00
        Category: 民生

        为推进智慧城市建设，区工信部门联合通信运营商对公共场所无线网络进行全面升级，目前全区公共场所免费WiFi覆盖率已达九成，市民在广场、公园、图书馆和政务服务大厅均可便捷上网，平均下载速率较去年提升三倍，高峰时段也能流畅观看高清视频，老年人使用智能手机办事更加方便，相关投诉明显减少，群众获得感不断增强。

        据统计，改造后各场所日均接入用户数持续增长，其中政务服务大厅的无线网络使用最为集中，工作日午间高峰时段在线设备数量明显增多，区图书馆、文化馆和体育馆等场馆的接入量也稳步上升，全区日均接入达12800人次，较改造前翻了一番。
        """,
    "images/yanchu.jpg": jpeg(800, 600),
    "images/qingyun.jpg": jpeg(800, 600),
}


PHOTO = re.compile(r'!\[[^\]]*\]\(\S+ "(?P<title>[^"]+)"\)')


def written_text(source: str) -> list[str]:
    """The lines a reader can search in a story file: field values and body lines, as written."""
    lines = []
    for line in textwrap.dedent(source).strip().splitlines():
        name, colon, value = line.partition(":")
        if photo := PHOTO.fullmatch(line.strip()):  # its title: the caption, then the credit
            caption, full_stop, credit = photo["title"].rpartition("。")
            lines += [caption + full_stop, credit.strip()]
        elif colon and name in ("Title", "Subtitle", "Byline", "Tags", "Kicker"):
            lines += [value.strip()] if name != "Tags" else [tag.strip() for tag in value.split(",")]
        elif not colon or not name.isascii():
            lines.append(line.lstrip("# "))
    return lines


def normalised(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", char).lower() for char in text)


def containing(query: str) -> set[str]:
    """The truth: the stories with every term of the query in one line of their written text."""
    terms = normalised(query).split()
    if not terms:
        return set()  # an empty query asks for nothing
    stories = {path: [normalised(line) for line in written_text(text)] for path, text in STORIES.items() if path.endswith(".md")}
    return {path for path, lines in stories.items() if all(any(term in line for line in lines) for term in terms)}
