"""Defaults of the share plugin and their check, merged once into Pelican's settings."""

DEFAULTS = {
    # A QR code of the story's published address on every article page (扫码在手机上阅读/分享).
    # Made only when SITEURL is an absolute http(s) address: a local build's pages have none.
    "SHARE_QR_CODE": True,
}


def merged(settings: dict) -> dict:
    """This plugin's settings with the defaults filled in; ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if not isinstance(values["SHARE_QR_CODE"], bool):
        raise ValueError(
            f"SHARE_QR_CODE = {values['SHARE_QR_CODE']!r}：应是 True 或 False (must be True or False)"
        )
    return values
