"""BP405 (``tip-jar``): a theme's plea over its payment names is safe to remove; a bare donate
button over them waits for ``--unsafe-fixes``; a README's own sections and the article's
images stay."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

ARTICLE = "文章的最后一段，讲完了这次部署的全部步骤。\n\n"
LAST = ARTICLE[:-1]  # a box at the page's end goes with the blank line before it


def _safe(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP405",))).text


def _unsafe(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP405",)), unsafe=True).text


def test_a_themes_plea_over_two_names_goes_with_safe_fixes() -> None:
    box = "喜欢这篇文章？打赏一下作者吧\n支付宝\n微信\n"
    assert _safe(ARTICLE + box) == LAST


def test_a_bare_donate_button_over_two_names_waits_for_unsafe_fixes() -> None:
    box = "Donate\n\n![](/images/wechatpay.png)\nWeChat Pay\n\n![](/images/alipay.png)\nAlipay\n"
    text = ARTICLE + box
    assert _safe(text) == text
    assert _unsafe(text) == LAST


def test_a_plea_over_one_name_stays() -> None:
    text = ARTICLE + "请我一杯咖啡吧！\n\n赞赏\n\n![赞赏码](./img/skm.jpg)\n"
    assert _unsafe(text) == text


def test_a_readme_heading_over_its_qr_codes_stays() -> None:
    text = "# Project\n\n## 赞助\n\n![微信](./wechat.png)\n![支付宝](./alipay.png)\n"
    assert _unsafe(text) == text


def test_the_articles_image_after_the_box_stays() -> None:
    box = "Buy me a coffee\n\nPayPal\n\nBitcoin\n\n"
    figure = "![The deployment diagram](/images/diagram.png)\n"
    assert _safe(ARTICLE + box + figure) == ARTICLE + figure


def test_a_text_without_a_payment_name_is_never_parsed_for_the_rule() -> None:
    rule = next(r for r in Config().rules if r.code == "BP405")
    assert not rule.matcher.may_match("喜欢这篇文章？打赏一下作者吧\n赞赏\n".lower())
    assert rule.matcher.may_match("喜欢这篇文章？打赏一下作者吧\n支付宝\n微信\n".lower())
