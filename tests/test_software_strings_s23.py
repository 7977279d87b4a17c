"""The software's own strings, round two (session 23, role K): an embedded Twitter timeline's
anchor in its generators' languages (BP462), and the consent tools' shipped banner texts read
as safe cookie notices (BP010). Each with its look-alike, both ways (fast path on and off)."""

from __future__ import annotations

from fast_path_checks import builtin_rule
from fast_path_checks import found_both_ways as _found_both_ways

from mdclean import engine
from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability


def found_both_ways(code: str, page: str) -> list[str]:
    """What the rule finds (fast path on and off alike), each span without its line ends."""
    return [span.strip("\n") for span in _found_both_ways(code, page)]


def applicabilities(code: str, page: str) -> list[Applicability | None]:
    rule = builtin_rule(code)
    found = engine.check(Document(page, None, Config()), (rule,))
    return [v.fix.applicability if v.fix is not None else None for v in found]


_PROSE = "The review goes on for a while, and this paragraph is the article's own text.\n\n"


def test_timeline_anchors_go_in_every_generator_language() -> None:
    for anchor in (
        "[Tweets by @EvenMoreBikes](https://twitter.com/EvenMoreBikes)",
        "[Tweets de @Regards_fr](https://twitter.com/Regards_fr?ref_src=twsrc%5Etfw)",
        "[Tweets von @tagesspiegel](https://x.com/tagesspiegel)",
        "[@jawsdaysさんのツイート](https://twitter.com/jawsdays)",
        "[Tweety użytkownika @TES_Wiki](https://twitter.com/TES_Wiki)",
        "[Tweet oleh @jalan_depok](https://twitter.com/jalan_depok)",
    ):
        assert found_both_ways("BP462", f"{_PROSE}{anchor}\n") == [anchor]
        assert applicabilities("BP462", f"{_PROSE}{anchor}\n") == [Applicability.SAFE]


def test_tweets_named_in_prose_or_without_a_handle_stay() -> None:
    for text in (
        "See the tweets by @NASA for the launch times.",
        "Tweets by Trump",
        "[Tweets de Minecraft](https://twitter.com/Minecraft)",
        "来自 DeepSeek (@deepseek_ai) 的推文：推出 DeepSeek-V3！",
        "## Tweets by @NASA",
    ):
        assert found_both_ways("BP462", f"{_PROSE}{text}\n") == []


def test_follow_button_anchors_go_and_stay_unsafe() -> None:
    for anchor in (
        "[Follow @EvenMoreBikes](https://twitter.com/EvenMoreBikes?ref_src=twsrc%5Etfw)",
        "[Suivre @ronanlevesque](https://twitter.com/ronanlevesque)",
        "[@PowieT folgen](https://twitter.com/PowieT)",
        "[Читать @IELTSspb](https://twitter.com/IELTSspb)",
    ):
        assert found_both_ways("BP463", f"{_PROSE}{anchor}\n") == [anchor]
        assert applicabilities("BP463", f"{_PROSE}{anchor}\n") == [Applicability.UNSAFE]


def test_follow_words_in_a_sentence_stay() -> None:
    for text in (
        "Follow @NASA for the launch times.",
        "Читать @slitaz в Твиттере",
        "## Follow @NASA",
    ):
        assert found_both_ways("BP463", f"{_PROSE}{text}\n") == []


_CLI_BANNER = (
    "This website uses cookies to improve your experience. We'll assume you're ok with this,\n"
    "but you can opt-out if you wish. Cookie settingsACCEPT"
)
_COOKIE_NOTICE = (
    "We use cookies to ensure that we give you the best experience on our website. If you\n"
    "continue to use this site we will assume that you are happy with it. [Ok](#) [No](#)"
)
_COMPLIANZ = (
    "To provide the best experiences, we use technologies like cookies to store and/or access\n"
    "device information. Consenting to these technologies will allow us to process data such\n"
    "as browsing behavior or unique IDs on this site. Not consenting or withdrawing consent,\n"
    "may adversely affect certain features and functions."
)


_COOKIE_NOTICE_IT = (
    "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul nostro"
    " sito. Se continui ad utilizzare questo sito noi assumiamo che tu ne sia felice.[Ok](#)"
)


def test_shipped_banner_texts_are_safe_cookie_notices() -> None:
    for banner in (_CLI_BANNER, _COOKIE_NOTICE, _COMPLIANZ, _COOKIE_NOTICE_IT):
        page = f"{_PROSE}{banner}\n"
        assert found_both_ways("BP010", page) == [banner]
        assert applicabilities("BP010", page) == [Applicability.SAFE]


def test_a_site_worded_banner_stays_unsafe_and_prose_stays() -> None:
    own = "We use cookies to count visits, and nothing else. [Ok](#)"
    assert applicabilities("BP010", f"{_PROSE}{own}\n") == [Applicability.UNSAFE]
    quoted = (
        "Complianz's default text begins: To provide the best experiences, we use technologies "
        "like cookies to store and/or access device information."
    )
    assert found_both_ways("BP010", f"{_PROSE}{quoted}\n") == []


def test_a_lone_long_string_with_a_name_slot_is_found_both_ways() -> None:
    """A string alone counts the words its phrase names (the trigger's reading), whatever the
    page fills its slot with: the fast path and the slow one agree on a lone author link."""
    link = "[View all posts by Jane Mary Doe](https://example.com/author/jane/)"
    assert found_both_ways("BP375", f"{_PROSE}{link}\n") == [link]
    assert found_both_ways("BP463", f"{_PROSE}Follow @x\n") == ["Follow @x"]
