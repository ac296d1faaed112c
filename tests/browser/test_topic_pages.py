"""专题 as a reader meets it, on a phone and a desktop: the home page's current topic, the way in,
the topic's page with its introduction and stories, and the way back from a story."""

import pytest

VIEWPORTS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_reader_goes_from_the_home_page_into_the_topic_and_back_from_a_story(open_page, viewport):
    page = open_page("", VIEWPORTS[viewport])
    block = page.locator(".topic-current")
    assert block.is_visible()
    assert block.locator("h2").inner_text() == "物业管理全覆盖"
    box = block.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORTS[viewport]["width"] + 0.5  # nothing off the side
    block.get_by_role("link", name="进入专题（共 2 篇）").click()
    page.wait_for_url("**/topic/wuye-guanli-quanfugai/")
    assert page.locator("h1").inner_text() == "物业管理全覆盖"
    assert "154个无物业小区" in page.locator(".topic-intro").inner_text()
    stories = page.locator("main .item-list a, main ul a").all_inner_texts()
    assert "健全管理机制 破解治理难题" in " ".join(stories)
    page.get_by_role("link", name="健全管理机制 破解治理难题").first.click()
    page.get_by_role("link", name="物业管理全覆盖").first.click()
    page.wait_for_url("**/topic/wuye-guanli-quanfugai/")
    assert page.errors == []
