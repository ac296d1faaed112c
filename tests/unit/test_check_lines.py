"""checks.lines: whether a sentence runs on across a blank line, the one judgement of check --fix and import.
Real copy's layouts (bylines, decks, subheads with commas, source lines, list and table rows) are whole lines."""

import pytest

from checks.lines import is_byline, is_deck, runs_on, stands_alone

RUNS_ON = [
    # a word cut in two by a column break
    ("今年以来，铁东区把物业管理纳入基层治理重点，定期梳理调研问题突", "出小区，每季度开展一次集中整治。"),
    # a sentence cut after a word that cannot end one
    ("影片根据真实事件改编，讲述了一个以弱势儿童为", "主题的真实公益事件，引发观众共鸣。"),
    ("活动现场，志愿者为群众提供义诊、用药咨询，", "并发放健康宣传资料200余份。"),
    # the part after the break as short as a headline, still the sentence's
    ("影片根据真实事件改编，讲述了一个以弱势儿童为", "主题的真实公益事件"),
    # a word that cannot start a sentence, a count whose noun follows
    ("各街道牵头对接物业企业，加快专业物业引进。对独栋楼", "及小型小区，采用推广“贤人领治”模式。"),
    ("截至目前，已召开8次会议，排查整改113个", "小区问题。"),
    # a few characters ending the sentence
    ("会议要求，各部门要研究部署下一步", "工作。"),
    ("社区先后组织清理楼道杂物、修补破损路面、更换照明设施", "，居民出行更加安全。"),
]

WHOLE = [
    # a subhead with a comma, then the story
    ("一本“山林账”，看林下经济发展", "江西鹰潭市龙虎山风景区，泸溪河蜿蜒流淌。"),
    ("商品更丰富，体验更新鲜，服务更便利", "本报记者  王  观"),
    # a byline as the paper prints it (two spaces, names spaced out), then a caption
    ("本报记者  王  观", "数据来源：国家税务总局"),
    ("本报记者　某某／文　某某／漫画", "今年以来，各地持续推进老旧小区改造。"),
    ("本报记者  曾华锋", "赵一程（右）、龙见国在攀岩世界杯比赛中。"),
    # a source line and a chart credit
    ("数据来源：国家税务总局", "制图：蔡华伟"),
    # a deck line
    ("——95后德国摄影师，追寻外曾祖父老照片足迹重拍今日中国", "本报记者  刘仲华"),
    ("—港口搬迁，为生态留白、助力产业升级", "又拿下新订单了！位于南通的船舶科技企业车间里一片繁忙。"),
    # a headline with a comma over a dateline; a heading with a !
    ("因地制宜发展新质生产力，打造更多叫得响的品牌", "本报北京8月17日电（记者 常欣月）8月16日，全国……"),
    ("78米64！张家乐刷新女子链球亚洲纪录", "本报浙江衢州8月16日电  （记者刘硕阳）8月16日晚，比赛在衢州举行。"),
    # list and table rows, full-width digits in a price list
    ("柳州", "３．００元／运次"),
    ("缩短诉讼周期。\t最高人民法院、国家知识产权局\t全国", "二、科技成果转化激励方面（共4项）"),
    ("各街道要做好以下工作：", "（一）压实属地责任"),
    # a subhead of one word
    ("数说", "今年前三季度，全区新增就业岗位1200个。"),
    # a sentence that ends, and a caption that ends in its credit
    ("调研组一行先后来到城东人民法庭。", "委员们表示，将持续助推依法治区提质增效。"),
    ("社区志愿者清理楼道杂物 本报通讯员 高欣 摄", "为深入推进文明城市建设，社区组织开展楼道清理行动。"),
    # a heading that ends in a word, then a sentence that starts
    ("以“在渤效率”为突破口，港口在泊效率进一步提升，港航服务能级全面提升", "从需求出发、以协同破局，服务品牌的孵化见到成效。"),
]


@pytest.mark.parametrize("before, after", RUNS_ON)
def test_a_cut_sentence_runs_on(before, after):
    assert runs_on(before, after)


@pytest.mark.parametrize("before, after", WHOLE)
def test_whole_lines_do_not(before, after):
    assert not runs_on(before, after)


@pytest.mark.parametrize("line, byline", [
    ("本报记者  王  观", True),
    ("本报记者  王昊男  曾亦辰  朱佩娴", True),
    ("本报记者　某某／文　某某／漫画", True),
    ("记者 常欣月 通讯员 高欣", True),
    ("记者：教育、科技、人才内在一致。", False),
    ("本报记者在现场看到，居民们正在排队。", False),
])
def test_is_byline(line, byline):
    assert is_byline(line) is byline


@pytest.mark.parametrize("line, deck", [
    ("——铁东区多措并举做好物业管理工作记事", True),
    ("——２０２６年全区物业管理工作综述，一年来的变化", True),
    ("——这是他说的最后一句话。", False),
])
def test_is_deck(line, deck):
    assert is_deck(line) is deck
    assert stands_alone(line) is deck
