"""Session 23's comment-thread evidence, each beside its look-alike: SPIP's forum reply links
(``spip.php?page=forum&id_article=1&id_forum=2``) are comment permalinks and its form's field
labels close the thread; a zh blog's submit label closes its form; a thread a converter cut by
indented code (a nested reply) goes in the stretches around the code, which stays."""

from __future__ import annotations

import dataclasses

import pytest

import mdclean
from mdclean.config import Config

PROSE = (
    "Le projet de loi sera examiné au Sénat la semaine prochaine, après un vote serré à "
    "l'Assemblée nationale où plusieurs députés de la majorité se sont abstenus ce mardi.\n"
)
SIDEBAR = (
    "\n## Les plus lus\n\n"
    "_« Je ne pense pas qu'on puisse dire dans un état de droit, dans une démocratie "
    "extrêmement solide comme celle de notre pays, qu'il y a des violences policières. »_ "
    "(16/01/2020, France Inter)\n"
)


def _comment(name: str, number: int) -> str:
    return (
        f"  * Très bien vos infos, merci pour cet article.\n\n"
        f"**{name}** Le 11 septembre 2018 a 12:57\n\n"
        f"[Répondre](spip.php?page=forum&id_article=11152&id_forum={number})\n\n"
    )


SPIP_THREAD = (
    "### Vos réactions\n\n"
    + _comment("gabriel", 37729)
    + _comment("un citoyen", 39218)
    + "Qui êtes-vous ?\n\nVotre nom\n\nVotre adresse email\n\nVotre message\n\n"
    "Texte de votre message (obligatoire)\n"
)


def _fix(text: str, code: str, *, unsafe: bool = False, fast: bool = True) -> str:
    config = dataclasses.replace(Config(select=(code,)), fast_path=fast)
    return mdclean.fix(text, config=config, unsafe=unsafe).text


@pytest.mark.parametrize("fast", [True, False])
def test_spip_thread_with_its_form_goes_safely_before_the_sidebar(fast: bool) -> None:
    text = f"# Justice\n\n{PROSE}\n{SPIP_THREAD}{SIDEBAR}"
    fixed = _fix(text, "BP100", fast=fast)
    assert "Répondre" not in fixed and "Votre nom" not in fixed and "gabriel" not in fixed
    assert PROSE in fixed and "violences policières" in fixed


@pytest.mark.parametrize("fast", [True, False])
def test_spip_look_alike_a_forum_link_in_prose_stays(fast: bool) -> None:
    text = (
        f"# Justice\n\n{PROSE}\nLe débat continue sur [notre forum]"
        "(spip.php?page=forum&id_article=11152&id_forum=37729), où les lecteurs répondent "
        "aux questions des journalistes depuis la publication de cette enquête.\n"
    )
    assert _fix(text, "BP100", unsafe=True, fast=fast) == text


ZH_PROSE = (
    "這次的露營地點在新竹尖石，營地裡的楓樹正好轉紅，我們一早就出發上山，"
    "沿路的風景非常漂亮，孩子們也玩得很開心，晚上大家一起煮火鍋聊天到深夜。\n"
)
ZH_THREAD = (
    "### 留言列表 (2)\n\n"
    "[發表留言](/blog/post/39926056#comment-form)\n\n"
    "* 小鳳 於 2013/12/28 10:28\n"
    "* ![小鳳](http://s5.pimg.tw/avatar/a263810/0/0/zoomcrop/90x90.png)\n"
    "* 露營兼賞楓，好棒的生活\n\n"
    "* 茜媽咪 於 2013/12/28 10:42\n"
    "* ![茜媽咪](http://s8.pimg.tw/avatar/n0911813218/0/0/zoomcrop/90x90.png)\n"
    "* 嚮往大自然\n\n"
    "您尚未登入，將以訪客身份留言。\n\n"
    "送出留言\n"
)
ZH_SIDEBAR = (
    "\n#### 個人資訊\n\n"
    "史蒂文的家喜歡帶著全家人到處露營，記錄台灣各地營地的風景與美食，"
    "也分享露營裝備的使用心得給喜歡戶外活動的朋友們參考。\n"
)


@pytest.mark.parametrize("fast", [True, False])
def test_zh_thread_closed_by_its_submit_label_ignores_the_sidebar(fast: bool) -> None:
    text = f"# 美樹營地\n\n{ZH_PROSE}\n{ZH_THREAD}{ZH_SIDEBAR}"
    fixed = _fix(text, "BP100", unsafe=True, fast=fast)
    assert "小鳳" not in fixed and "送出留言" not in fixed
    assert ZH_PROSE in fixed and "個人資訊" in fixed


@pytest.mark.parametrize("fast", [True, False])
def test_zh_look_alike_a_thread_followed_by_more_of_the_post_stays(fast: bool) -> None:
    thread = ZH_THREAD.replace("送出留言\n", "")
    text = f"# 美樹營地\n\n{ZH_PROSE}\n{thread}\n{ZH_PROSE}"
    assert _fix(text, "BP100", unsafe=True, fast=fast) == text


@pytest.mark.parametrize("fast", [True, False])
def test_thread_split_around_indented_code_keeps_the_code(fast: bool) -> None:
    nested = "    * Articles très bien faits, merci.\n\n"
    reply = "[Répondre](spip.php?page=forum&id_article=11152&id_forum=37729)\n\n"
    thread = SPIP_THREAD.replace(reply, reply + nested)
    text = f"# Justice\n\n{PROSE}\n{thread}{SIDEBAR}"
    fixed = _fix(text, "BP100", fast=fast)
    assert nested.strip() in fixed  # code stays (no fix removes code)
    assert "Votre nom" not in fixed and "un citoyen" not in fixed
    assert PROSE in fixed
    assert _fix(fixed, "BP100", fast=fast) == fixed
