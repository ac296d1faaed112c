"""The deploy's pure parts: targets from settings, upload order and cache classes, the storage plan."""

from datetime import datetime, timedelta, timezone

import pytest

from deploy.files import IMMUTABLE, REVALIDATE, cache_control, tier
from deploy.server import itemized_changes, release_id, remote_script, rsync_exit, rsync_upload, ssh_command
from deploy.settings import ServerTarget, StorageTarget, parse_targets
from deploy.storage import MANIFEST, read_manifest, rclone_copy, storage_plan

SERVER = {"type": "ssh", "host": "news.example.gov.cn", "user": "deploy", "path": "/srv/news"}


def test_targets_are_read_in_order_with_their_defaults():
    targets = parse_targets({"DEPLOY_TARGETS": {"server": SERVER, "oss": {"type": "rclone", "remote": "oss:tiedong-news/", "state": "oss:tiedong-deploy"}}})
    assert list(targets) == ["server", "oss"]
    assert targets["server"] == ServerTarget("server", "news.example.gov.cn", "/srv/news", "deploy", 22, 5)
    assert targets["server"].login == "deploy@news.example.gov.cn"
    assert targets["oss"] == StorageTarget("oss", "oss:tiedong-news", "oss:tiedong-deploy")


def test_no_targets_is_an_empty_dict_and_keep_comes_from_deploy_keep_releases():
    assert parse_targets({}) == {}
    assert parse_targets({"DEPLOY_TARGETS": {"s": SERVER}, "DEPLOY_KEEP_RELEASES": 3})["s"].keep == 3


@pytest.mark.parametrize(
    ("targets", "words"),
    [
        ([("s", SERVER)], "应是字典"),
        ({"s": {**SERVER, "type": "ftp"}}, "type 应是 \"ssh\"（自有服务器）或 \"rclone\"（对象存储），现为 'ftp'"),
        ({"s": {**SERVER, "password": "x"}}, "不认识的设置 password"),
        ({"s": {**SERVER, "host": "news example"}}, "host 应是服务器的域名或 IP"),
        ({"s": {**SERVER, "path": "srv/news"}}, "path 应是服务器上的绝对路径"),
        ({"s": {**SERVER, "path": "/"}}, "path 应是服务器上的绝对路径"),
        ({"s": {**SERVER, "port": "22"}}, "port 应是 1–65535 的整数"),
        ({"s": {**SERVER, "keep": 1}}, "keep 至少为 2"),
        ({"oss": {"type": "rclone", "remote": "tiedong-news"}}, "remote 应写作“远端名:桶/路径”"),
        ({"oss": {"type": "rclone", "remote": "oss:tiedong-news"}}, "state 应写作“远端名:桶/路径”，是部署清单和锁存放的不公开位置"),
        ({"oss": {"type": "rclone", "remote": "oss:tiedong-news", "state": "oss:tiedong-news/.deploy"}}, "state 'oss:tiedong-news/.deploy' 在网站的位置之内"),
        ({"新闻": SERVER}, "名称只用字母、数字"),
    ],
)
def test_a_target_in_the_wrong_shape_is_named_with_what_is_wrong(targets, words):
    with pytest.raises(ValueError, match=words):
        parse_targets({"DEPLOY_TARGETS": targets})


@pytest.mark.parametrize(
    ("path", "upload_tier", "cache"),
    [
        ("theme/css/site.3f2a9c1b0d.css", 0, IMMUTABLE),
        ("theme/js/reading.0a1b2c3d4e.js", 0, IMMUTABLE),
        # ten digits that are not the file's own sha256: an editor's name, revalidated
        ("files/notice.2026112901.pdf", 1, REVALIDATE),
        ("theme/css/site.3f2a9c1b0e.css", 1, REVALIDATE),
        ("images/jinqiu-zhuxue-3f2a9c1b0d4e-960.webp", 0, IMMUTABLE),
        ("theme/css/site.css", 1, REVALIDATE),
        ("images/jinqiu-zhuxue.jpg", 1, REVALIDATE),
        ("search/3f2a9c1b0d4e/index.json", 0, IMMUTABLE),
        ("search/3f2a9c1b0d4e/shards/3.bin", 0, IMMUTABLE),
        ("search/3f2a9c1b0d4e/stories/12.json", 0, IMMUTABLE),
        ("search/engine.js", 2, REVALIDATE),  # names the version: revalidated, uploaded after its folder
        ("search/shards/3.bin", 1, REVALIDATE),  # not in a version's folder: nothing names it by content
        ("search/3f2a9c1b0d/index.json", 1, REVALIDATE),  # ten hex is not a version
        ("archive/search/3f2a9c1b0d4e/index.json", 1, REVALIDATE),  # only the site's own /search/
        ("2026/11/wuye-guanli.html", 2, REVALIDATE),
        ("index.html", 2, REVALIDATE),
        ("feeds/all.atom.xml", 2, REVALIDATE),
        ("sitemap.xml", 2, REVALIDATE),
        ("robots.txt", 2, REVALIDATE),
    ],
)
def test_files_named_by_content_go_first_and_are_cached_a_year_pages_go_last(path, upload_tier, cache):
    digest = "3f2a9c1b0d" + "7" * 54 if "3f2a9c1b0" in path else "0a1b2c3d4e" + "7" * 54  # the sha256 of the file's bytes
    assert (tier(path, digest), cache_control(path, digest)) == (upload_tier, cache)


CSS_NEW, CSS_OLD = "aaaaaaaaaa" + "1" * 54, "bbbbbbbbbb" + "2" * 54  # the stylesheets' sha256: their fingerprints
LOCAL = {
    "index.html": "h-index-2",
    "2026/11/wuye-guanli.html": "h-article",
    "theme/css/site.aaaaaaaaaa.css": CSS_NEW,
    "theme/css/site.css": CSS_NEW,
    "search/engine.js": "h-engine",
}


def test_the_first_upload_sends_everything_in_tiers():
    plan = storage_plan(LOCAL, None, set())
    assert plan.uploads == [
        ["theme/css/site.aaaaaaaaaa.css"],
        ["theme/css/site.css"],
        ["2026/11/wuye-guanli.html", "index.html", "search/engine.js"],
    ]
    assert plan.deletions == [] and plan.manifest == LOCAL
    assert plan.pending == dict.fromkeys(LOCAL, "")  # nothing vouched for until it is up


def test_only_changed_files_go_up_and_files_gone_from_the_build_are_deleted_after():
    manifest = {**LOCAL, "index.html": "h-index-1", "theme/css/site.bbbbbbbbbb.css": CSS_OLD, "2026/10/old.html": "h-old"}
    remote = set(manifest) | {MANIFEST}
    manifest.pop("theme/css/site.aaaaaaaaaa.css")
    remote.discard("theme/css/site.aaaaaaaaaa.css")
    plan = storage_plan(LOCAL, manifest, remote)
    assert plan.uploads == [["theme/css/site.aaaaaaaaaa.css"], [], ["index.html"]]
    # the page taken down goes at once; the old stylesheet stays one deploy more, for pages loaded before
    assert plan.deletions == ["2026/10/old.html"]
    assert plan.manifest == {**LOCAL, "theme/css/site.bbbbbbbbbb.css": "kept:" + CSS_OLD}
    # While uploading, the manifest vouches only for files that stay as they are, marks the ones
    # about to change as unknown, and still lists the ones to delete.
    assert plan.pending == {
        **{path: LOCAL[path] for path in ("2026/11/wuye-guanli.html", "theme/css/site.css", "search/engine.js")},
        "index.html": "", "theme/css/site.aaaaaaaaaa.css": "",
        "2026/10/old.html": "h-old", "theme/css/site.bbbbbbbbbb.css": CSS_OLD,
    }


def test_a_file_kept_one_deploy_goes_with_the_next_unless_the_build_has_it_again():
    manifest = {**LOCAL, "theme/css/site.bbbbbbbbbb.css": "kept:" + CSS_OLD, "theme/css/site.cccccccccc.css": "kept:cccccccccc" + "3" * 54}
    local = {**LOCAL, "theme/css/site.cccccccccc.css": "cccccccccc" + "3" * 54}
    plan = storage_plan(local, manifest, set(manifest) | {MANIFEST})
    assert plan.deletions == ["theme/css/site.bbbbbbbbbb.css"] and plan.changes == 1  # the other is not sent again
    assert plan.manifest == local


def test_files_the_manifest_never_listed_are_never_deleted():
    plan = storage_plan(LOCAL, dict(LOCAL), set(LOCAL) | {MANIFEST, "notice/2026-tongzhi.pdf", "other-site/index.html"})
    assert plan.deletions == []


def test_a_first_deploy_into_a_bucket_with_other_files_deletes_nothing():
    assert storage_plan(LOCAL, None, {"index.html", "backup/old.html"}).deletions == []


def test_a_file_the_manifest_knows_but_the_remote_lacks_is_sent_again():
    plan = storage_plan(LOCAL, dict(LOCAL), set(LOCAL) - {"index.html"})
    assert plan.uploads == [[], [], ["index.html"]] and plan.changes == 1


def test_nothing_changed_means_nothing_to_do():
    assert storage_plan(LOCAL, dict(LOCAL), set(LOCAL) | {MANIFEST}).changes == 0


@pytest.mark.parametrize(
    ("text", "entries"),
    [('{"index.html": "abc"}', {"index.html": "abc"}), ("", None), ("[1, 2]", None), ('{"a": 1}', None), ("{", None)],
)
def test_a_manifest_that_cannot_be_read_means_every_file_is_sent(text, entries):
    assert read_manifest(text) == entries


def test_each_tier_is_one_rclone_copy_of_exactly_its_files_with_its_cache_header():
    command = rclone_copy("output", "oss:news", "/tmp/tier-0.txt", IMMUTABLE)
    assert command[:4] == ["rclone", "copy", "output", "oss:news"]
    assert "--no-check-dest" in command and command[command.index("--files-from-raw") + 1] == "/tmp/tier-0.txt"
    assert command[command.index("--header-upload") + 1] == f"Cache-Control: {IMMUTABLE}"


@pytest.mark.parametrize(
    ("taken", "release"),
    [
        (set(), "20261129T081500Z"),
        ({"20261128T080000Z"}, "20261129T081500Z"),
        ({"20261129T081500Z"}, "20261129T081500Z-02"),
        ({"20261129T081500Z", "20261129T081500Z-02"}, "20261129T081500Z-03"),
    ],
)
def test_a_release_is_named_by_the_time_in_utc_so_names_sort_by_age(taken, release):
    assert release_id(datetime(2026, 11, 29, 16, 15, tzinfo=timezone(timedelta(hours=8))), taken) == release
    assert sorted([*taken, release])[-1] == release


def test_ssh_never_prompts_and_takes_the_key_and_host_key_given():
    target = parse_targets({"DEPLOY_TARGETS": {"s": {**SERVER, "port": 2222}}})["s"]
    assert ssh_command(target) == ["ssh", "-p", "2222", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
    with_keys = ssh_command(target, "/tmp/k", "/tmp/known")
    assert with_keys[-6:] == ["-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=/tmp/known", "-o", "StrictHostKeyChecking=yes"]


def test_the_upload_goes_beside_the_live_release_and_links_what_it_already_has():
    target = parse_targets({"DEPLOY_TARGETS": {"s": {**SERVER, "rsync_path": "sudo rsync"}}})["s"]
    command = rsync_upload(["ssh"], target, "output", "20261129T081500Z", "20261128T080000Z")
    assert command[-2:] == ["output/", "deploy@news.example.gov.cn:/srv/news/releases/20261129T081500Z.partial/"]
    assert "--link-dest=../20261128T080000Z" in command and "--rsync-path=sudo rsync" in command
    assert "--link-dest" not in " ".join(rsync_upload(["ssh"], target, "output", "20261129T081500Z", ""))


def test_a_remote_script_is_one_quoted_string_for_the_remote_shell():
    target = parse_targets({"DEPLOY_TARGETS": {"s": {**SERVER, "path": "/srv/新闻 网"}}})["s"]
    command = remote_script(["ssh"], target, 'echo "$1"', target.path)
    assert command[:3] == ["ssh", "deploy@news.example.gov.cn", "--"]
    assert command[3] == "sh -c 'echo \"$1\"' sh '/srv/新闻 网'"


def test_a_dry_run_lists_the_files_rsync_would_send_and_delete():
    log = ">f+++++++++ 2026/11/new.html\n<fc.T...... index.html\ncd+++++++++ 2026/12/\n*deleting 2026/10/old.html\n*deleting 2026/10/\n"
    assert itemized_changes(log) == (["2026/11/new.html", "index.html"], ["2026/10/old.html"])


@pytest.mark.parametrize("status, said", [
    (11, "服务器上写文件出错，可能磁盘已满或超出配额 (error in file I/O: disk full or over quota?), exit 11"),
    (30, "传输超时 (timeout in data send/receive), exit 30"),
    (255, "exit 255"),  # ssh's own failure: its stderr line says more than a number could
])
def test_an_rsync_that_says_nothing_is_told_by_its_exit_status(status, said):
    assert rsync_exit(status) == said
