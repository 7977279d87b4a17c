"""``comment-thread``: a blog post's comment section: its readers' comments and the comment form.

A comment carries marks that an article does not: a permalink to the comment as its date or
reply link (``#comment-123``, ``?replytocom=123``, Blogger's ``?showComment=``,
``/comment-page-2``, Drupal's ``/comment/reply/6/1265``), a "NAME says:" line ("RAUL SANCAR dice:", "阿豪说道："), a reply button
alone in its block ("Reply", "Responder", "回复"), a "Pingback:" line. Where such marks stand
close together (at most ``max_gap`` other blocks between two of them), the run of top-level
blocks from the first to the last is the thread, with the comments' own words between the
marks. It goes when it holds at least two marks, one of them a permalink or a "says" line
(Blogger's "Jane said..." too), or, without either, comments' stamps ("Casey on January 16th,
2009 5:32 pm", "Jane · 3 years ago": a short line with a date and time, or a relative time),
two of them or one with a reply button, under the section's label ("22 Responses to “Memory”").
The section's labels ("18 thoughts on “Paxos”", "Comments (5)", "3 respuestas") and the
form's prompts and field labels ("Leave a Reply", "Name *", "Email *", "Website") next to
it go with it. A form without a thread goes when its e-mail notice ("Your email address will
not be published") stands with at least two field labels, and a comment widget's remnant
("Please enable JavaScript to view the comments powered by Disqus.") with its heading.

A commenter's avatar (an image whose address or alt text says "avatar") counts as a mark
beside the others, and two avatars under the section's label are a thread; a short paragraph
that states the thread's moderation policy (``policies``: "Offensive comments will be
removed") is the section's own.

Comments close a page: the run must follow the article's prose (a paragraph of at least
``min_prose_words`` words before it), and no such paragraph may follow it; a thread closed by
its form (the form's e-mail notice with a permalink, a "says" line or two avatars) is the
post's end, and prose past the next heading (the site's footer) does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import CODE_KINDS, Document, Node
from ..fastpath.body import body_of
from ..fastpath.lazy import lazy_compile
from ..fastpath.triggers import (
    AllOf,
    AnyOf,
    AtLeast,
    Literals,
    Repeated,
    Search,
    SearchBackwards,
    Trigger,
    literals,
)
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .fix_safety import safe_if
from .healed_reading import healed_block, healed_last, is_continuation
from .linkblocks import LINK_TARGET, Link, Skeleton, raw_text, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern
from .required_phrases import required_alternation
from .thread_headers import PROFILE_URL

# A link to one comment (its permalink, its reply link, a page of the thread; SPIP's reply
# link to a forum message, ``spip.php?page=forum&id_article=1&id_forum=2``). Each branch
# holds one of ``_URL_KEYS``, which the trigger looks for.
COMMENT_URL = re.compile(
    r"replytocom=\d|showcomment=\d|#comment-?\d|/comment-page-\d|/comment/reply/\d"
    r"|page=forum&(?:amp;)?(?:[\w]+=\d+&(?:amp;)?)*id_forum=\d"
    # SPIP's own anchor for a forum message (its templates' ``#forum#ID_FORUM``)
    r"|^#forum\d",
    re.I,
)
_URL_KEYS = (
    "replytocom=", "showcomment=", "#comment", "/comment-page-", "/comment/reply/", "page=forum&", "#forum",
)  # fmt: skip
# The verb of a "NAME says:" line ends in a colon, ASCII or full-width; Blogger's "NAME
# said..." in an ellipsis.
_COLON_VERBS = (
    "says", "said", "wrote", "sagt", "schreibt", "meint", "dit", "écrit", "dice", "escribió",
    "comentó", "disse", "diz", "comentou", "scrive", "detto", "пишет", "говорит", "написал",
    "написала", "说道", "說道", "说", "說", "より", "発言", "コメント", "말", "작성", "ki", "berkata",
    "mengatakan", "zegt", "schreef", "pisze", "napisał", "napisała", "mówi", "nói", "viết",
)  # fmt: skip
_ELLIPSIS_VERBS = (
    "said", "dijo", "disse", "a dit", "gesagt", "sagte", "detto", "zei", "сказал", "сказала",
    "powiedział", "dedi ki", "berkata", "mengatakan", "nói", "说", "說", "言った", "말했다",
)  # fmt: skip
_SAYS_COLON = re.compile(
    rf"(?:{'|'.join(_COLON_VERBS)})[:：]|(?:dit|écrit) :|(?:{'|'.join(_ELLIPSIS_VERBS)})(?:\.\.\.|…)"
)
# ``_SAYS_COLON`` read backwards (the colon or ellipsis first): the trigger's search skips from
# one colon or dot to the next (``SearchBackwards``), where each of the verbs' ~100 strings was
# one scan of the whole page.
_COLON_VERBS_BACKWARDS = "|".join(verb[::-1] for verb in _COLON_VERBS)
_ELLIPSIS_VERBS_BACKWARDS = "|".join(verb[::-1] for verb in _ELLIPSIS_VERBS)
_SAYS_BACKWARDS = re.compile(  # (each branch opens with its literal: the fastest search)
    rf":(?:{_COLON_VERBS_BACKWARDS}| (?:tid|tircé))|：(?:{_COLON_VERBS_BACKWARDS})"
    rf"|\.\.\.(?:{_ELLIPSIS_VERBS_BACKWARDS})|…(?:{_ELLIPSIS_VERBS_BACKWARDS})"
)
# The verbs with their colon or ellipsis as plain strings (what the tests hold the search to).
_SAYS_KEYS = tuple(
    [f"{verb}{colon}" for verb in _COLON_VERBS for colon in ":："]
    + [f"{verb}{dots}" for verb in _ELLIPSIS_VERBS for dots in ("...", "…")]
    + ["dit :", "écrit :"]  # French sets its colon apart
)
# A comment's stamp: a date with its time of day, or a time relative to now ("3 years ago",
# "2 天前"); a time alone ("Deploy at 10:30") is a schedule's.
_STAMP = re.compile(
    r"(?:\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}).{0,30}\b\d{1,2}:\d{2}(?!\d)"
    r"|\b\d+\s?(?:years?|months?|weeks?|days?|hours?|minutes?|mins?)\s+ago\b"
    r"|\b(?:vor|il y a|hace|há|fa)\s+\d+\s|\d+\s?(?:年|个月|個月|か月|ヶ月|周|週間|天|日|小时|小時|時間"
    r"|分钟|分鐘|分)前|\d+\s?(?:년|개월|주|일|시간|분)\s?전|\b\d+\s+\w+\s+(?:назад|önce|lalu|geleden"
    r"|temu|trước)\b",
    re.IGNORECASE,
)
# What every stamp holds, cheap to look for before ``_STAMP`` runs.
_STAMP_HINT = re.compile(
    r"\d:\d\d|ago\b|前|전|назад|önce|lalu|geleden|temu|trước|(?:vor|il y a|hace|há|fa)\s+\d"
)
_STAMP_MAX_WORDS = 12
# A comment widget's credit or notice, all that is left of its thread in a crawl.
_WIDGET = re.compile(
    r"(?:(?:please enable javascript to view the |blog )?comments? powered by (?:disqus|giscus"
    r"|utterances|valine|waline|twikoo|artalk|remark42|commento|isso|cusdis|hyvor talk)\W*)+"
)
_WIDGET_KEYS = ("comments powered by", "powered by disqus", "view the comments")
# What a section's label holds as the source writes it, in the languages of
# ``comment-section-labels`` (a stamped thread needs its label; "comment" alone is in every
# page of code).
_SECTION_KEYS = (
    "# comments", "comments:", "comments (", "responses to", "thoughts on", "responses", "replies",
    "kommentare", "commentaires", "comentarios", "comentários", "respuestas", "respostas",
    "commenti", "risposte", "комментари", "ответов", "评论", "評論", "留言", "コメント", "댓글",
    "yorumlar", "komentar", "tanggapan", "reacties", "komentarze", "odpowiedzi", "bình luận",
    "phản hồi",
)  # fmt: skip
# The notice every WordPress comment form prints, in its translations: a form's proof.
_FORM_NOTICE = (
    "will not be published", "nicht veröffentlicht", "ne sera pas publiée", "no será publicad",
    "não será publicado", "non sarà pubblicato", "не будет опубликован", "不会被公开",
    "不會被公開", "公開されることはありません", "공개되지 않습니다", "yayınlanmayacak",
    "tidak akan dipublikasikan", "wordt niet gepubliceerd", "nie zostanie opublikowany",
    "không được hiển thị công khai", "required fields are marked",
    # WordPress's old default theme (Kubrick, ``comments.php``: "Mail (will not be published)
    # (required)") as its Polish translation prints it
    "nie będzie opublikowany",
)  # fmt: skip
# What an old comment form's field label carries after its word (Kubrick's and Twenty Ten's
# "Name (required)", "Mail (will not be published) (required)"): the required mark in the 15
# languages and the e-mail field's own notice, read off before the label is matched.
_FIELD_MARKS = re.compile(
    r"(?:\s*\((?:required|erforderlich|pflichtfeld|obligatoire|requerido|obligatorio"
    r"|obrigatório|obbligatorio|richiesto|обязательно|必填|必須|필수|gerekli|wajib|verplicht"
    r"|wymagane|bắt buộc)\)"
    rf"|\s*\([^()]*(?:{'|'.join(re.escape(n) for n in _FORM_NOTICE)})[^()]*\))+$",
    re.I,
)
# A commenter's avatar: an image whose address or alt text says so (Gravatar, a comment system's
# or a theme's ``/avatar/`` path, "Jane's avatar"). Every branch holds "avatar", which the
# trigger looks for.
_AVATAR = re.compile(
    r"!\[[^\]\n]{0,80}\]\(\s*<?[^)\s]{0,300}?avatar"
    r"|!\[[^\]\n]{0,60}(?:'s|’s) avatar\]|!\[avatar(?: of| for| de| von)?\b",
    re.I,
)
# What a comment system (Waline, Valine, Twikoo) prints at the start of each comment: the
# commenter's place, browser and system ("北京 Chrome96.0Mac OS 10.15.7 …"), the name's line
# above it ending in the date and the likes ("Brannua2022-01-07 0").
_BROWSERS = (
    "chrome", "safari", "firefox", "edge", "opera", "qqbrowser", "ucbrowser", "wechat",
    "micromessenger", "samsung internet", "vivaldi", "yandex", "chromium", "quark",
)  # fmt: skip
# The browser, its version and the system glued together, as a converter joins the widget's
# spans ("Edge103.0Windows 10"); prose writes "Chrome 122 on Windows 11".
_AGENT_BODY = (
    rf"(?:{'|'.join(_BROWSERS)})\d+(?:\.\d+)+"
    r"(?:mac ?os|os x|windows|linux|android|ios|ipados|iphone os|ubuntu|harmonyos|chrome ?os)"
)
_AGENT = re.compile(rf"(?:\S{{1,8}} )?{_AGENT_BODY}", re.I)
_AGENT_ANYWHERE = re.compile(_AGENT_BODY, re.I)
_DATED = re.compile(r"\S.{0,40}?\d{4}-\d{1,2}-\d{1,2}(?: \d+)?")
_DATED_MAX_WORDS = 6
# A comment system's credit that opens its block ("Powered by Waline v2.12.0 …").
_CREDIT_KEYS = ("powered by waline", "powered by twikoo", "powered by valine", "powered by artalk")
# A section's label may carry its count in any language: "Komentarze(9)", "Kommentare [12]",
# "コメント（3）" (full-width brackets are folded before), "Bình luận 5".
_COUNT = r"(?:\s*[(\[]\d+[)\]]|\s+\d+)?"

# A comment section's label as a heading of its own ("## Comments", "### 3 Kommentare",
# "## Bình luận"): at the page's end and alone, all a script-loaded widget leaves.
_TAIL_LABEL = re.compile(
    r"^#{1,6}[ \t]+(?:\d+[ \t]*)?(?:comments?|kommentare?|commentaires?|comentarios?|comentários?"
    r"|commenti|комментарии|评论|評論|留言|コメント|댓글|yorumlar|komentar|reacties|komentarze"
    r"|bình luận)(?:[ \t]*\(\d+\))?[ \t]*#*[ \t]*$",
    re.M,
)
_GRAVATAR = "gravatar.com/avatar/"
_RESPOND = "#respond"  # the comment form's anchor, which its cancel-reply link targets
_PINGBACK = re.compile(r"(?:pingback|trackback)\s*:", re.I)
# List and heading markers, emphasis and brackets; a lone "*" is a required field's mark.
_LINE_MARKUP = re.compile(r"^(?:[\s#>+-]|[*_]{1,3}(?=\S)|\d+[.)]\s)*|\*\*|__|[`\[\]]")
# What a member's profile address holds (``thread_headers.PROFILE_URL``), for the trigger.
_PROFILE_KEYS = (
    "/u/", "/user", "/member", "/people/", "/@", "viewprofile", "action=profile", "/space/uid",
)  # fmt: skip
_SAYS_MAX_WORDS = 10
_LINK_MAX_WORDS = 8  # a permalink's text is a date, a number or "Reply", never a sentence
_DIGIT = re.compile(r"\d")
# A permalink's own caption (often an icon's alt text): "permalink", SPIP's "permalien".
_PERMALINK_WORD = re.compile(
    r"\W*(?:perma-?link|permalien|permalänk|enlace permanente|link permanente|link permanent"
    r"|永久链接|永久連結|固定リンク|고유 ?링크|постоянная ссылка)\W*",
    re.I,
)
SURE_PERMALINKS = 2
"""Comment permalinks that make a thread certain (its fix safe): a comment system's addresses."""
_BUTTON_WORDS = 3
_POLICY_MAX_WORDS = 80


@dataclass(frozen=True)
class Marks:
    """What a top-level block holds of a comment section."""

    strong: int = 0  # permalinks, "says" lines, reply buttons, pingbacks
    proof: int = 0  # permalinks and "says" lines
    chrome: bool = False  # every line is a label, a form prompt or a field label
    notice: bool = False  # the form's e-mail notice
    fields: int = 0  # lines that are a form's field labels
    stamps: int = 0  # short lines with a comment's time ("Casey on May 3, 2009 5:32 pm")
    label: bool = False  # the section's label ("22 Responses to “Memory”", "Comments")
    widget: bool = False  # a comment widget's remnant ("comments powered by Disqus")
    opener: bool = False  # a "says" line or a stamp: the comment's words follow it
    permalinks: int = 0  # links to one comment: a comment system's own addresses
    avatars: int = 0  # blocks that show a commenter's avatar
    policy: bool = False  # the thread's moderation policy ("Offensive comments will be removed")
    dated: bool = False  # a short line that ends in a date (a commenter's name and date)
    controls: int = 0  # a comment's own control alone ("Reply", "Log in to post comments")
    profiles: int = 0  # a commenter's name or picture alone, linked to the member's profile
    form_title: bool = False  # the form's heading with its cancel-reply link ("#respond")

    def __add__(self, other: Marks) -> Marks:
        return Marks(
            self.strong + other.strong,
            self.proof + other.proof,
            self.chrome and other.chrome,
            self.notice or other.notice,
            self.fields + other.fields,
            self.stamps + other.stamps,
            self.label or other.label,
            self.widget or other.widget,
            self.opener or other.opener,
            self.permalinks + other.permalinks,
            self.avatars + other.avatars,
            self.policy or other.policy,
            self.dated or other.dated,
            self.controls + other.controls,
            self.profiles + other.profiles,
            self.form_title or other.form_title,
        )

    @property
    def any(self) -> bool:
        return (
            self.strong > 0 or self.chrome or self.stamps > 0 or self.widget or self.avatars > 0
        ) or (self.policy or self.dated or self.glued_form or self.profiles > 0 or self.form_title)

    @property
    def glued_form(self) -> bool:
        """A form whose notice and field labels a text dump glued into one block."""
        return self.notice and self.fields > 0

    @property
    def section(self) -> bool:
        """A thread (two marks, one a proof, an avatar a mark; or, under the label, stamps and
        marks, or two commenters' avatars), a form (its notice and two fields), or a comment
        widget's remnant."""
        thread = self.strong + self.avatars >= 2 and self.proof >= 1
        form = self.notice and self.fields >= 2
        return thread or self.labelled or self.units or form or self.widget

    @property
    def labelled(self) -> bool:
        """Under the section's label: stamps with other marks, or two commenters' avatars."""
        stamped = self.stamps >= 1 and self.stamps + self.strong + self.avatars >= 2
        return self.label and (stamped or self.avatars >= 2)

    @property
    def units(self) -> bool:
        """Two comments of one shape, whatever the section's label: each its commenter (a
        profile link or an avatar), a time stamp over its words and a control of its own
        under them ("Reply", "Log in to post comments")."""
        named = self.profiles >= 2 or self.avatars >= 2
        return named and self.stamps >= 2 and self.controls >= 2


NO_MARKS = Marks()


class CommentThreadMatcher(Matcher):
    name = "comment-thread"
    params = MappingProxyType(
        {
            "sections": list,
            "prompts": list,
            "fields": list,
            "says": list,
            "replies": list,
            "max_gap": int,
            "min_prose_words": int,
            "policies": list,
            "controls": list,
        }
    )
    required = frozenset({"sections", "prompts", "fields", "says", "replies"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._phrases = {key: required_alternation(params, key) for key in sorted(self.required)}
        self.max_gap = int(params.get("max_gap", 8))
        self.min_prose_words = int(params.get("min_prose_words", 20))
        policies = phrase_pattern(params, "policies", "policies_inline")
        self._policies = lazy_compile(policies, re.I) if policies else None
        controls = phrase_pattern(params, "controls", "controls_inline")
        self._controls = lazy_compile(rf"(?:{controls})[\s.!:]*", re.I) if controls else None

    @cached_property
    def _whole(self) -> dict[str, re.Pattern[str]]:
        """Each phrase kind, matched against a whole block or line (compiled on first use)."""
        return {
            key: re.compile(rf"(?:{pattern}){_COUNT if key == 'sections' else ''}[\s.!:]*", re.I)
            for key, pattern in self._phrases.items()
        }

    @cached_property
    def _says(self) -> re.Pattern[str]:
        return re.compile(rf"\S.{{0,80}}?\s?(?:{self._phrases['says']})\s*", re.IGNORECASE)

    def trigger(self) -> Trigger:
        """A permalink's URL, a "says" line's verb with a reply word, a second one or an
        avatar, a form's notice, a widget's credit, two stamps with a section's word, or two
        avatars with a section's word."""
        says = SearchBackwards(_SAYS_BACKWARDS)  # (``_SAYS_COLON`` found)
        says_and_reply = AllOf((says, self._reply_literals()))
        stamped = AllOf(
            (
                Literals(_SECTION_KEYS),
                Search(_STAMP_HINT, folded=False),
                Search(_STAMP, folded=False),
                AnyOf((self._reply_literals(), Repeated(_STAMP, 2), Literals(("avatar",)))),
            )
        )
        # Two commenters' avatars under the section's label.
        pictured = AllOf((Literals((*_SECTION_KEYS, "comment")), AtLeast("avatar", 2)))
        # A comment's author line: a member's profile link beside its stamp.
        authored = AllOf(
            (
                literals(*_PROFILE_KEYS),
                Search(_STAMP_HINT, folded=False),
                Search(_STAMP, folded=False),
            )
        )
        return AnyOf(
            (
                literals(*_URL_KEYS, _RESPOND),
                says_and_reply,
                AllOf((says, Repeated(_SAYS_COLON, 2))),
                AllOf((Literals(("avatar",)), says)),
                pictured,
                literals(*_FORM_NOTICE),
                literals(*_WIDGET_KEYS, *_CREDIT_KEYS),
                AllOf((Literals(_BROWSERS), Repeated(_AGENT_ANYWHERE, 2))),
                stamped,
                authored,
                AllOf((Literals(("avatar",)), Search(_STAMP_HINT, folded=False))),
                Search(_TAIL_LABEL),  # a comment widget's label heading at the page's end
            )
        )

    def _reply_literals(self) -> Trigger:
        """The reply buttons' words (each phrase up to its first regex syntax)."""
        words = {re.split(r"[(?\[\\]", phrase, maxsplit=1)[0].strip() for phrase in _REPLY_WORDS}
        return Literals(tuple(sorted(w.lower() for w in words if w)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        marks = self._all_marks(doc, blocks)
        taken: list[range] = []
        for first, last in _runs(blocks, marks, self.max_gap):
            last = _last_words(blocks, marks, last, self.max_gap)
            if self._is_section(doc, blocks, marks, first, last):
                taken.append(range(first, last + 1))
                sure = _certain(doc, blocks[first : last + 1], marks[first : last + 1])
                for one, other in _around_code(blocks, first, last):
                    start, end = doc.node_span(blocks[one])[0], doc.node_span(blocks[other])[1]
                    edits = (remove_blocks(doc, blocks[one], blocks[other]),)
                    yield Finding(start, end, edits=edits, applicability=safe_if(sure))
        yield from self._form_titles(doc, blocks, taken)

    def _form_titles(
        self, doc: Document, blocks: list[Node], taken: list[range]
    ) -> Iterator[Finding]:
        """The comment form's title, whatever its words ("Vuoi commentare?"), after the prose
        and outside a section found: a heading that holds the form's cancel-reply link
        (WordPress prints "[Cancel reply](/post/#respond)" in it), the template's own output."""
        for index, node in enumerate(blocks):
            if node.kind != "heading" or any(index in run for run in taken):
                continue
            if self._is_form_title(doc, node) and self._prose_before(doc, blocks, index):
                last = healed_last(doc, node)  # (a wrapped heading's rest goes with it)
                start, end = doc.node_span(node)[0], doc.node_span(last)[1]
                edits = (remove_blocks(doc, node, last),)
                yield Finding(start, end, edits=edits, applicability=safe_if(True))

    def _is_form_title(self, doc: Document, node: Node) -> bool:
        block = healed_block(doc, node)  # (html2text's wrapped heading and target healed)
        skel = block.skeleton if block is not None else skeleton(doc, node)
        return skel is not None and any(
            link.href.endswith(_RESPOND)
            and self._whole["replies"].fullmatch(fold_width(" ".join(link.text.split())))
            for link in skel.links
        )

    def _is_section(
        self, doc: Document, blocks: list[Node], marks: list[Marks], first: int, last: int
    ) -> bool:
        """Whether the run is a comment section: a thread, or a form alone, after the prose."""
        total = sum(marks[first : last + 1], NO_MARKS)
        at_end = last == len(blocks) - 1
        if not (total.section or (at_end and _tail_chrome(doc, blocks, marks, first))):
            return False
        # A thread with its form (its notice, or its heading's cancel-reply link: the comment
        # template's output) closes the post: past the next heading is the site's footer.
        # (or two of its field labels: SPIP's forum form prints no notice)
        form = total.notice or total.form_title or total.fields >= 2
        closed = form and (total.proof >= 1 or total.avatars >= 2)
        return self._prose_before(doc, blocks, first) and not self._prose_after(
            doc, blocks, last, closed
        )

    def _prose_before(self, doc: Document, blocks: list[Node], first: int) -> bool:
        return any(self._is_prose(doc, node) for node in blocks[:first])

    def _prose_after(self, doc: Document, blocks: list[Node], last: int, closed: bool) -> bool:
        """Whether a paragraph of prose follows the run (up to the next heading when the
        run is ``closed``)."""
        for node in blocks[last + 1 :]:
            if closed and node.kind == "heading":
                return False
            if self._is_prose(doc, node):
                return True
        return False

    def _is_prose(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        return skel is not None and not skel.link_only and skel.words() >= self.min_prose_words

    def _all_marks(self, doc: Document, blocks: list[Node]) -> list[Marks]:
        """Each top-level block's marks; a heading's wrapped rest (``healed_reading``) is read
        with its heading, and stands as chrome beside it when the heading is marked."""
        marks = [self._marks(doc, node) for node in blocks]
        for index in range(1, len(blocks)):
            if marks[index - 1].any and is_continuation(doc, blocks[index]):
                marks[index] = Marks(chrome=True)
        return marks

    def _marks(self, doc: Document, node: Node) -> Marks:
        """The marks of a top-level block: of its own text, or summed over a list's or quote's
        paragraphs (a thread converted as a list of comments)."""
        if node.kind in ("paragraph", "heading", "html_block"):
            return self._leaf_marks(doc, node)
        if node.kind not in ("bullet_list", "ordered_list", "blockquote"):
            return NO_MARKS
        found = [self._leaf_marks(doc, leaf) for leaf in node.walk() if leaf.kind == "paragraph"]
        total = sum(found, Marks(chrome=True))
        # A list of comments, or a list the thread's chrome fills ("1. No trackbacks yet.").
        chrome = bool(found) and total.chrome
        return Marks(
            total.strong,
            total.proof,
            chrome,
            stamps=total.stamps,
            label=total.label,
            permalinks=total.permalinks,
            avatars=total.avatars,
            policy=total.policy,
            controls=total.controls,
            profiles=total.profiles,
        )

    def _leaf_marks(self, doc: Document, node: Node) -> Marks:
        raw = raw_text(doc, node)
        if not raw.strip() and node.kind == "heading":
            return Marks(chrome=True)  # an empty heading (a theme's "###" over each comment)
        healed = healed_block(doc, node) if node.kind == "heading" and raw.strip() else None
        if healed is not None and healed.joined:  # (a wrapped heading read with its rest)
            raw, skel = healed.text, healed.skeleton
        else:
            skel = skeleton(doc, node) if raw.strip() else None
        if skel is None:
            return NO_MARKS
        text = fold_width(" ".join(skel.visible.split()))
        marks = self._comment_marks(skel, text) + self._form_marks(raw, text)
        if node.kind == "heading" and _RESPOND in raw and self._is_form_title(doc, node):
            marks = replace(marks, form_title=True)
        # (a block of the thread's own: the avatar beside the name, the policy under the form)
        avatar = _avatar(raw, skel)
        policy = self._is_policy(text, skel)
        if not (avatar or policy):
            return marks
        # (the comment's words follow its avatar, as they follow a "says" line)
        opener = marks.opener or (avatar and not marks.permalinks)
        return replace(marks, avatars=int(avatar), policy=policy, opener=opener)

    def _is_policy(self, text: str, skel: Skeleton) -> bool:
        """A short paragraph that states the thread's moderation policy."""
        return (
            self._policies is not None
            and skel.words() <= _POLICY_MAX_WORDS
            and self._policies.search(text) is not None
        )

    def _comment_marks(self, skel: Skeleton, text: str) -> Marks:
        """A comment's marks in a block: permalinks, a "says" line, a reply button, a pingback."""
        permalinks = sum(1 for link in skel.links if self._is_permalink(link))
        says = self._says_line(text)
        alone = self._whole["replies"].fullmatch(text) or _PINGBACK.match(text)
        stamp, authored = _stamp_and_author(skel, text)
        # A comment system's print of the commenter's browser and system opens the comment.
        agent = _AGENT.match(text) is not None
        control = self._is_control(text, bool(alone))
        return Marks(
            strong=permalinks + says + bool(alone) + authored + agent,
            proof=permalinks + says + authored + agent,
            chrome=True,
            stamps=int(stamp and not permalinks and not authored),
            widget=_is_widget(text.lower()),
            dated=_is_dated(text),
            opener=(says or stamp) and not permalinks and not alone,
            permalinks=permalinks,
            controls=int(control),
            profiles=int(not control and _is_profile_line(skel, text)),
        )

    def _is_control(self, text: str, alone: bool) -> bool:
        """A comment's own control: its reply button (``alone``, a pingback's line is none),
        or a sign-in link under each comment ("Log in to post comments")."""
        if alone:
            return _PINGBACK.match(text) is None
        return self._controls is not None and self._controls.fullmatch(text) is not None

    def _says_line(self, text: str) -> bool:
        """A comment's "NAME says:" line."""
        return word_count(text) <= _SAYS_MAX_WORDS and self._says.fullmatch(text) is not None

    def _form_marks(self, raw: str, text: str) -> Marks:
        """Whether each line of a block is the section's chrome; the form's notice and fields."""
        lines = [line for line in map(_line_text, raw.splitlines()) if line]
        return Marks(
            chrome=all(self._is_chrome_line(line) for line in lines),
            notice=any(notice in text.lower() for notice in _FORM_NOTICE),
            fields=sum(1 for line in lines if self._is_field(line)),
            label=any(self._whole["sections"].fullmatch(line) for line in lines),
        )

    def _is_permalink(self, link: Link) -> bool:
        """A link to one comment, as its date, number or reply button: not "see this comment"."""
        if not COMMENT_URL.search(link.href):
            return False
        text = fold_width(" ".join(link.text.split()))
        if word_count(text) > _LINK_MAX_WORDS:
            return False
        return (
            not text
            or _DIGIT.search(text) is not None
            or bool(self._whole["replies"].fullmatch(text))
            or _PERMALINK_WORD.fullmatch(text) is not None
        )

    def _is_chrome_line(self, line: str) -> bool:
        return self._is_field(line) or any(
            self._whole[key].fullmatch(line) for key in ("sections", "prompts", "replies")
        )

    def _is_field(self, line: str) -> bool:
        """A form's field label, with an old form's "(required)" or notice after its word."""
        fields = self._whole["fields"]
        return bool(fields.fullmatch(line) or fields.fullmatch(_FIELD_MARKS.sub("", line)))


def _avatar(raw: str, skel: Skeleton) -> bool:
    """Whether the block shows a commenter's avatar (an image whose markup says so)."""
    return skel.images > 0 and "avatar" in raw.lower() and _AVATAR.search(raw) is not None


def _is_profile_line(skel: Skeleton, text: str) -> bool:
    """A commenter's name or picture alone in its block, linked to the member's profile."""
    return (
        bool(skel.links)
        and word_count(text) <= _LINK_MAX_WORDS
        and all(PROFILE_URL.search(link.href) for link in skel.links)
    )


def _stamp_and_author(skel: Skeleton, text: str) -> tuple[bool, bool]:
    """Whether the block is a short line with a comment's time stamp, and whether it is the
    comment's author line: a link to the commenter's profile on a comment system or forum
    (Disqus, Medium, Hashnode, Discourse: ``/u/NAME``, ``/@NAME``) beside the stamp."""
    stamp = word_count(text) <= _STAMP_MAX_WORDS and _STAMP.search(text) is not None
    authored = stamp and any(PROFILE_URL.search(link.href) for link in skel.links)
    return stamp, authored


def _is_widget(lowered: str) -> bool:
    """A comment widget's own line: its credit, or its chrome."""
    return lowered.startswith(_CREDIT_KEYS) or _WIDGET.fullmatch(lowered) is not None


def _is_dated(text: str) -> bool:
    """A short line that is a date (a comment's)."""
    return word_count(text) <= _DATED_MAX_WORDS and _DATED.fullmatch(text) is not None


def _certain(doc: Document, blocks: list[Node], marks: list[Marks]) -> bool:
    """Whether a section is certain (its fix safe): two comments' permalinks, a comment system's
    own addresses, with a mark of another kind (a reply button, a "says" line, the form's
    notice; a post's list of sources may cite two comments); or a form alone, its e-mail notice
    (the comment system's own sentence) with two field labels, and nothing between its lines
    but their marks and a button's few words."""
    total = sum(marks, NO_MARKS)
    if total.permalinks >= SURE_PERMALINKS and (total.strong > total.permalinks or total.notice):
        return True
    if _gravatar_thread(doc, blocks, total):
        return True
    return _form_alone(total) and all(
        mark.any or mark.notice or _few_words(doc, node)
        for node, mark in zip(blocks, marks, strict=True)
    )


def _tail_chrome(doc: Document, blocks: list[Node], marks: list[Marks], first: int) -> bool:
    """Whether the run is what a comment widget leaves at the page's end when its comments
    load by script: its label as a heading ("## Comments", "## Bình luận") that opens the run,
    the rest of it the widget's chrome ("Leave a Reply"), and nothing after."""
    if not all(mark.chrome for mark in marks[first:]) or blocks[first].kind != "heading":
        return False
    start, end = doc.node_span(blocks[first])
    return _TAIL_LABEL.fullmatch(fold_width(doc.text[start:end].strip().lower())) is not None


def _gravatar_thread(doc: Document, blocks: list[Node], total: Marks) -> bool:
    """Two commenters' Gravatar images (the comment system's own addresses) with a "says" line
    or a permalink: the comment template's output (WordPress prints Gravatar's image beside
    "NAME says:"); an author box shows one Gravatar and no "says" line."""
    if total.avatars < SURE_PERMALINKS or total.proof < 1:
        return False
    start, end = doc.node_span(blocks[0])[0], doc.node_span(blocks[-1])[1]
    return doc.text.count(_GRAVATAR, start, end) >= SURE_PERMALINKS


def _form_alone(total: Marks) -> bool:
    """A comment form's notice and two field labels, without a comment's words or time."""
    return not (total.proof or total.stamps) and total.notice and total.fields >= 2


def _few_words(doc: Document, node: Node) -> bool:
    skel = skeleton(doc, node) if node.kind in ("paragraph", "heading") else None
    return skel is not None and skel.words() <= _BUTTON_WORDS


def _around_code(blocks: list[Node], first: int, last: int) -> Iterator[tuple[int, int]]:
    """The stretches of a section between its code blocks (a converter indents a nested reply
    by four spaces, and it reads as code, which no fix may remove: ``guard``), each found on
    its own so that the guard's refusal of one leaves the others."""
    start = None
    for index in range(first, last + 1):
        if blocks[index].kind in CODE_KINDS:
            if start is not None:
                yield start, index - 1
            start = None
        elif start is None:
            start = index
    if start is not None:
        yield start, last


def _runs(blocks: list[Node], marks: list[Marks], max_gap: int) -> Iterator[tuple[int, int]]:
    """The runs of marked blocks (first and last index) that at most ``max_gap`` unmarked
    blocks separate; an unmarked heading (the next part of the page) ends a run."""
    first = last = -1
    for index, (node, mark) in enumerate(zip(blocks, marks, strict=True)):
        if mark.any:
            first = index if first < 0 else first
            last = index
        elif first >= 0 and (node.kind == "heading" or index - last > max_gap):
            yield first, last
            first = last = -1
    if first >= 0:
        yield first, last


def _last_words(blocks: list[Node], marks: list[Marks], last: int, max_gap: int) -> int:
    """The run's end: when its last mark opens a comment (a "says" line, a stamp), the
    comment's words after it, up to the next heading, mark or block that is no text."""
    if not marks[last].opener:
        return last
    end = last
    for index in range(last + 1, min(len(blocks), last + 1 + max_gap)):
        if marks[index].any or blocks[index].kind not in _COMMENT_KINDS:
            break
        end = index
    return end


_COMMENT_KINDS = frozenset({"paragraph", "blockquote", "bullet_list", "ordered_list"})


def _line_text(line: str) -> str:
    """One line of a block's source as a phrase reads it: link targets, emphasis and list or
    heading markers dropped, white space folded."""
    line = LINK_TARGET.sub("]", line)
    return fold_width(" ".join(_LINE_MARKUP.sub("", line).split()))


_REPLY_WORDS = (
    "reply", "antworten", "répondre", "responder", "rispondi", "ответить", "回复", "回覆",
    "返信", "답글", "답장", "yanıtla", "cevapla", "balas", "beantwoorden", "reageer",
    "odpowiedz", "trả lời", "pingback", "trackback",
)  # fmt: skip
"""The reply buttons' words (as ``rules/phrases/reply-buttons.yaml`` spells them) and pingback
lines, as the trigger looks for them beside a "says" line. ``find`` asks the same trigger
first, so a word missing here costs a thread, never a result of the fast path."""
