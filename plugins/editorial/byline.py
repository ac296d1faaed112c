"""Parse a print byline into people with roles, and write people back as a byline."""

import re
import unicodedata
from typing import NamedTuple

# Print's role words, longest first so 本报摄影记者 is not read as 本报 + 摄影 + 记者.
ROLE_WORDS = {
    "本报摄影记者": "摄影",
    "摄影记者": "摄影",
    "本报记者": "记者",
    "特约记者": "记者",
    "见习记者": "记者",
    "首席记者": "记者",
    "记者": "记者",
    "本报通讯员": "通讯员",
    "特约通讯员": "通讯员",
    "通讯员": "通讯员",
    "摄影": "摄影",
    "责任编辑": "编辑",
    "责编": "编辑",
    "编辑": "编辑",
    "实习生": "实习生",
}
ROLES = ("记者", "通讯员", "摄影", "编辑", "实习生")
# A role word, maybe after the name of a paper or agency: 记者, 本报记者, 新华社记者.
ROLE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{0,6}?(" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + ")")
# Words that stand in a byline but are neither a role nor a person (评论员 signs for the paper).
FILLER = {"本报讯", "本报", "报道", "摄", "文", "图", "文图", "本报评论员", "评论员"}
NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}|[A-Za-z][A-Za-z.'-]*)$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z.'-]*$")
BRACKETS = re.compile(r"\(([^()]*)\)")


class Person(NamedTuple):
    name: str
    role: str  # one of ROLES, or "" when the byline does not say


def parse_byline(byline: str) -> list[Person]:
    """People in a byline: `本报讯（记者 常欣月 通讯员 高欣）`, `本报通讯员 东宣`, `记者 张三 李四`."""
    text = unicodedata.normalize("NFKC", byline).strip()
    bracketed = BRACKETS.findall(text)
    if bracketed:
        text = " ".join(bracketed)  # a dateline (本报讯, 新华社北京11月24日电) stands before them
    people: list[Person] = []
    role = ""
    for group in re.split(r"[、,，/;；:：]+", text):  # list marks part people; spaces part words
        latin = False
        for token in group.split():
            while token:
                if token in FILLER:
                    latin = False
                    break
                match = ROLE_PREFIX.match(token)
                if match:
                    role, token, latin = ROLE_WORDS[match[1]], token[match.end() :], False
                    continue
                if latin and LATIN.match(token):  # 记者 Li Ming: one person, two words
                    people[-1] = Person(f"{people[-1].name} {token}", role)
                elif NAME.match(token) and token not in [p.name for p in people]:
                    people.append(Person(token, role))
                    latin = bool(LATIN.match(token))
                else:
                    latin = False
                break
    return people


def parse_person(entry: str) -> Person:
    """One `Authors` entry, with or without a role: `记者 常欣月`, `常欣月`, `Li Ming`."""
    people = parse_byline(entry) if ROLE_PREFIX.search(entry) else []
    return people[0] if people else Person(entry.strip(), "")


def format_byline(people: list[Person]) -> str:
    """Write people as print does, one role word before each run of names: `记者 张三 李四 通讯员 王五`."""
    words: list[str] = []
    role = None
    for person in people:
        if person.role != role and person.role:
            words.append(person.role)
        role = person.role
        words.append(person.name)
    return " ".join(words)


def merge_people(from_byline: list[Person], from_authors: list[Person]) -> list[Person]:
    """The byline's people, then anyone `Authors` adds; a role said in either place is kept."""
    merged = {person.name: person for person in from_byline}
    for person in from_authors:
        known = merged.get(person.name)
        if known is None or not known.role:
            merged[person.name] = Person(person.name, person.role or (known.role if known else ""))
    return list(merged.values())
