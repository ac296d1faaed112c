"""The importer's defaults, in one place; pelicanconf.py may set any of them (IMPORT_<SETTING>)."""

DEFAULTS = {
    # Where drafts go, inside the content folder.
    "IMPORT_FOLDER": "drafts",
    # How many tags to suggest for each item.
    "IMPORT_TAG_COUNT": 4,
    # Words that point to a section; the section whose words occur most wins (a headline's count three times).
    "IMPORT_SECTION_WORDS": {
        "要闻": ["区委", "区政府", "书记", "区长", "部署", "全区", "安全", "生态", "发展", "项目", "经济", "秸秆", "防火"],
        "政务": ["政协", "人大", "委员", "代表", "依法", "法治", "政府", "政务", "调研", "审议", "议案", "提案", "督查", "纪委", "党建", "干部"],
        "民生": ["社区", "居民", "小区", "物业", "医疗", "健康", "就业", "教育", "养老", "便民", "助学", "学生", "供暖", "住房", "群众"],
        "文化": ["文化", "文艺", "演出", "文联", "艺术", "音乐", "舞蹈", "歌曲", "非遗", "展览", "书法", "图书", "戏曲", "节目"],
    },
    # The section photo news goes to, when the site has it.
    "IMPORT_PHOTO_SECTION": "图片新闻",
}


def import_settings(site_settings: dict) -> dict:
    """The importer's settings: DEFAULTS, with whatever the site's settings override."""
    return {key: site_settings.get(key, value) for key, value in DEFAULTS.items()}
