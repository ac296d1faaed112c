"""One Markdown converter, reset between files, reads each file as a converter of its own would."""

import pytest
from plugins.editorial.reader import NewsroomMarkdownReader
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

# Each file leaves state in a converter: a Summary (Pelican takes the meta preprocessor out to
# convert it), an abbreviation, footnotes, a table of contents id; the next must see none of it.
FILES = {
    "wuye.md": """Title: 健全管理机制 破解治理难题
Date: 2026-11-24 08:30
Summary: 区住建局**三项举措**规范物业管理。

*[物业费]: 物业服务费用

各小区物业费公示率达到百分之百[^1]。

[^1]: 数据截至11月20日。
""",
    "fazhi.md": """Title: 法治政府建设问卷调查
Date: 2026-11-23 09:00
Tags: 法治; 问卷

本期调查覆盖物业费、停车等事项[^1]。

| 项目 | 满意率 |
| --- | --- |
| 政务公开 | 96% |

[^1]: 调查由区司法局组织。
""",
    "jiegan.md": """Title: 秸秆禁烧 全域巡查
Date: 2026-11-22 10:00

## 巡查 {: #xuncha }

各镇街开展秸秆禁烧巡查。
""",
}


@pytest.mark.parametrize("order", [list(FILES), list(reversed(FILES))], ids=["in order", "reversed"])
def test_one_converter_reads_each_file_as_pelicans_reader_does(tmp_path, order):
    settings = read_settings(override={"PATH": str(tmp_path)})
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    shared = NewsroomMarkdownReader(settings)
    for name in order:
        path = str(tmp_path / name)
        assert shared.read(path) == MarkdownReader(settings).read(path), name
    assert shared.converter is not None and shared._md is shared.converter
