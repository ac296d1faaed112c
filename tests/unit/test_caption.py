"""A caption's credit is recognised in the forms print uses, and nothing else is taken for one."""

import pytest
from plugins.photos.caption import Caption, split_credit


@pytest.mark.parametrize(
    "caption, expected",
    [
        (
            "近日，铁东区关工委举办第十四届“金秋助学”活动。\n本报通讯员 高欣 摄",
            Caption("近日，铁东区关工委举办第十四届“金秋助学”活动。", "本报通讯员 高欣 摄"),
        ),
        ("楼道堆积物集中清理现场。本报通讯员 王东 摄", Caption("楼道堆积物集中清理现场。", "本报通讯员 王东 摄")),
        ("宣讲活动现场。记者 王东 摄", Caption("宣讲活动现场。", "记者 王东 摄")),
        ("宣讲活动现场。高欣/摄", Caption("宣讲活动现场。", "高欣 摄")),
        ("宣讲活动现场。高欣 / 摄", Caption("宣讲活动现场。", "高欣 摄")),
        ("居民观看文艺演出（高欣 摄）", Caption("居民观看文艺演出", "高欣 摄")),
        ("居民观看文艺演出(高欣 摄)", Caption("居民观看文艺演出", "高欣 摄")),
        ("图为调研组在村屯查看 本报记者 常欣月 摄", Caption("图为调研组在村屯查看", "本报记者 常欣月 摄")),
        ("学生合影。本报记者 王东　李明 摄", Caption("学生合影。", "本报记者 王东 李明 摄")),
        ("学生合影。摄影 欧阳明远 摄", Caption("学生合影。", "摄影 欧阳明远 摄")),
        ("本报通讯员 东宣 摄", Caption("", "本报通讯员 东宣 摄")),
        ("居民观看演出 本报通讯员 高欣 摄", Caption("居民观看演出", "本报通讯员 高欣 摄")),
        ("大家认真学习。”本报记者 王东 摄", Caption("大家认真学习。”", "本报记者 王东 摄")),
        ("学生表演节目。\n新华社记者 张三 摄", Caption("学生表演节目。", "新华社记者 张三 摄")),
        ("少数民族群众载歌载舞。记者 阿依古丽·买买提 摄", Caption("少数民族群众载歌载舞。", "记者 阿依古丽·买买提 摄")),
        # Without a role word after a plain space, the words are caption, not a name.
        ("居民观看演出 高欣 摄", Caption("居民观看演出 高欣 摄", "")),
        ("居民观看文艺演出 摄", Caption("居民观看文艺演出 摄", "")),
        # Not credits: the word 摄 inside the sentence, or no space before it.
        ("志愿者为居民拍摄全家福", Caption("志愿者为居民拍摄全家福", "")),
        ("居民在社区拍摄。", Caption("居民在社区拍摄。", "")),
        ("近日，居民们合影留念。", Caption("近日，居民们合影留念。", "")),
        ("  ", Caption("", "")),
    ],
)
def test_split_credit(caption, expected):
    assert split_credit(caption) == expected
