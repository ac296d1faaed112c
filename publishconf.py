"""Settings for publishing: everything in pelicanconf.py, with absolute URLs and feeds.

The site's address comes from the environment (`SITEURL=https://… invoke publish`); the
publish task and CI refuse to build without it. Any warning or error fails the build.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False

# Atom and RSS for the whole site and for each section, with the full story, absolute links.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
TOPIC_FEED_ATOM = "feeds/topic-{slug}.atom.xml"
RSS_FEED_SUMMARY_ONLY = False

# Drafts and items dated in the future (Asia/Shanghai) never reach the public site: Pelican
# holds a future item back as a draft, and drafts are not written. The publish workflow runs
# hourly, so a scheduled item appears within the hour of its time.
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

DELETE_OUTPUT_DIRECTORY = True
STRICT_FAIL_ON = "warning"
# Written into the output by a build that passed all of the above; `invoke deploy` uploads only such an output.
STRICT_PUBLISHED_MARKER = ".published"

# Where `invoke deploy` uploads the strict build (deploy/settings.py; README "Publishing"). Keys
# and passwords never go here: ssh reads DEPLOY_SSH_KEY and DEPLOY_SSH_KNOWN_HOSTS, rclone its
# RCLONE_CONFIG_<REMOTE>_* variables, from the environment or CI's secrets. The demo has none:
#   DEPLOY_TARGETS = {
#       "server": {"type": "ssh", "host": "news.example.gov.cn", "user": "deploy", "path": "/srv/news", "keep": 5},
#       "oss": {"type": "rclone", "remote": "oss:tiedong-news", "state": "oss:tiedong-deploy"},
#   }
DEPLOY_TARGETS = {}
