"""The identity footer from settings: which lines it prints, where they link, and which values are refused."""

import pytest
from plugins.govsite.identity import Entry, footer_entries, problems, psb_link
from plugins.govsite.settings import DEFAULTS

FULL = DEFAULTS | {
    "GOVSITE_SPONSOR": "铁西区人民政府办公室",
    "GOVSITE_ORGANIZER": "铁西区融媒体中心",
    "GOVSITE_PHONE": "0434-320 1234",
    "GOVSITE_EMAIL": "xinwen@tiexi.example.cn",
    "GOVSITE_ADDRESS": "吉林省四平市铁西区英雄大街 1 号",
    "GOVSITE_ICP": "吉ICP备05001234号-2",
    "GOVSITE_PSB": "吉公网安备22030202000123号",
    "GOVSITE_SITE_CODE": "2203020001",
}


def test_every_setting_gives_its_line_in_the_order_government_sites_use():
    assert footer_entries(FULL) == [
        Entry("主办单位", "铁西区人民政府办公室"),
        Entry("承办单位", "铁西区融媒体中心"),
        Entry("联系电话", "0434-320 1234", "tel:04343201234"),
        Entry("联系邮箱", "xinwen@tiexi.example.cn", "mailto:xinwen@tiexi.example.cn"),
        Entry("通信地址", "吉林省四平市铁西区英雄大街 1 号"),
        Entry("网站标识码", "2203020001"),
        Entry("ICP 备案号", "吉ICP备05001234号-2", "https://beian.miit.gov.cn/"),
        Entry("公安机关备案号", "吉公网安备22030202000123号", "https://beian.mps.gov.cn/#/query/webSearch?code=22030202000123"),
    ]


@pytest.mark.parametrize("empty", ["", None, "   "])
def test_empty_settings_print_nothing(empty):
    assert footer_entries({key: empty for key in DEFAULTS}) == []
    assert footer_entries(FULL | {"GOVSITE_ICP": empty})[-2].label == "网站标识码"


@pytest.mark.parametrize(
    "number, link",
    [
        ("吉公网安备22030202000123号", "https://beian.mps.gov.cn/#/query/webSearch?code=22030202000123"),
        ("京公网安备 11010802020088号", "https://beian.mps.gov.cn/#/query/webSearch?code=11010802020088"),
        ("", ""),
    ],
)
def test_a_public_security_number_links_to_its_own_entry(number, link):
    assert psb_link(number) == link


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("GOVSITE_ICP", "ICP备05001234号", "ICP 备案号应写作"),
        ("GOVSITE_ICP", "吉ICP证050012号", "ICP 备案号应写作"),
        ("GOVSITE_PSB", "吉公网安备2203020200号", "14 位数字"),
        ("GOVSITE_SITE_CODE", "22030200", "10 位字母或数字"),
        ("GOVSITE_EMAIL", "xinwen at example.cn", "电子邮件地址"),
        ("GOVSITE_PHONE", 4343201234, "应是文字"),
    ],
)
def test_a_value_in_the_wrong_shape_is_named_with_the_right_shape(key, value, words):
    found = problems(FULL | {key: value})
    assert len(found) == 1 and found[0].startswith(f"{key} = ") and words in found[0]


def test_good_and_empty_values_are_accepted():
    assert problems(FULL) == []
    assert problems(DEFAULTS) == []
