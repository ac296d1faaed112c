"""The identity footer of a government website from its settings: what each line says and where it links.

The rules: the ICP number links to the MIIT's filing register (beian.miit.gov.cn); the public
security filing number links to its entry in the MPS's register by its 14-digit code; the site
identification code (网站标识码) is shown as given.
"""

import re
from typing import NamedTuple

ICP = re.compile(r"^[\u4e00-\u9fff]ICP备\d{6,10}号(?:-\d{1,3})?$")
PSB = re.compile(r"^[\u4e00-\u9fff]公网安备 ?(?P<code>\d{14})号$")
SITE_CODE = re.compile(r"^[0-9A-Za-z]{10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ICP_REGISTER = "https://beian.miit.gov.cn/"
PSB_REGISTER = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


class Entry(NamedTuple):
    label: str  # 主办单位
    text: str  # 铁东区人民政府办公室
    href: str = ""  # where the text links, if anywhere


def problems(values: dict) -> list[str]:
    """What is wrong with the settings, one line each, Chinese first: a number in the wrong shape."""
    found = [
        f"{key} = {value!r}：应是文字，用引号括起 (must be text in quotes)"
        for key, value in values.items()
        if value is not None and not isinstance(value, str)
    ]
    checks = [
        ("GOVSITE_ICP", ICP, "ICP 备案号应写作“吉ICP备12345678号”或“吉ICP备12345678号-1”", "an ICP number such as 吉ICP备12345678号-1"),
        ("GOVSITE_PSB", PSB, "公安机关备案号应写作“吉公网安备22030202000123号”（14 位数字）", "a filing number such as 吉公网安备22030202000123号"),
        ("GOVSITE_SITE_CODE", SITE_CODE, "网站标识码应是 10 位字母或数字，如 2203020001", "ten letters or digits"),
        ("GOVSITE_EMAIL", EMAIL, "联系邮箱应是电子邮件地址，如 xinwen@example.gov.cn", "an e-mail address"),
    ]
    for key, pattern, zh, en in checks:
        value = values.get(key) or ""
        if isinstance(value, str) and value and not pattern.match(value.strip()):
            found.append(f"{key} = {value!r}：{zh} (must be {en})")
    return found


def footer_entries(values: dict) -> list[Entry]:
    """The footer's lines, in the order government sites give them; a setting left empty gives none."""
    value = {key: (values.get(key) or "").strip() for key in values}
    entries = [
        Entry("主办单位", value["GOVSITE_SPONSOR"]),
        Entry("承办单位", value["GOVSITE_ORGANIZER"]),
        Entry("联系电话", value["GOVSITE_PHONE"], f"tel:{re.sub(r'[^0-9+]', '', value['GOVSITE_PHONE'])}"),
        Entry("联系邮箱", value["GOVSITE_EMAIL"], f"mailto:{value['GOVSITE_EMAIL']}"),
        Entry("通信地址", value["GOVSITE_ADDRESS"]),
        Entry("网站标识码", value["GOVSITE_SITE_CODE"]),
        Entry("ICP 备案号", value["GOVSITE_ICP"], ICP_REGISTER),
        Entry("公安机关备案号", value["GOVSITE_PSB"], psb_link(value["GOVSITE_PSB"])),
    ]
    return [entry for entry in entries if entry.text]


def psb_link(number: str) -> str:
    """The MPS register's page for a public security filing number, or "" when there is none."""
    match = PSB.match(number)
    return PSB_REGISTER.format(code=match["code"]) if match else ""
