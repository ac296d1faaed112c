"""Defaults of the govsite plugin: the identity a Chinese government website shows in its footer.

Every value is empty by default, and an empty value prints nothing (never a placeholder).
"""

DEFAULTS = {
    "GOVSITE_SPONSOR": "",  # 主办单位: the office that runs the site
    "GOVSITE_ORGANIZER": "",  # 承办单位: the office that builds and keeps it
    "GOVSITE_PHONE": "",  # 联系电话
    "GOVSITE_EMAIL": "",  # 联系邮箱
    "GOVSITE_ADDRESS": "",  # 通信地址
    "GOVSITE_ICP": "",  # ICP 备案号, such as 吉ICP备12345678号-1; linked to the MIIT's register
    "GOVSITE_PSB": "",  # 公安机关备案号, such as 吉公网安备22030202000123号; linked to the MPS's register
    "GOVSITE_SITE_CODE": "",  # 网站标识码: ten letters and digits, given by the State Council's office
    # The accessibility statement (无障碍声明) in the theme, linked from every footer.
    "GOVSITE_ACCESSIBILITY_URL": "accessibility.html",
}
