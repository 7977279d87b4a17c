"""The matchers rules can name, in one ordered registry (as markdown-it lists its rules).

A matcher's module is imported when a rule first needs it (``matcher_class``): a run whose
files no rule can reach imports none, and one that needs three imports three.
``MATCHERS``, the whole registry, imports every module when first asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .base import Matcher, ParamError

if TYPE_CHECKING:
    MATCHERS: dict[str, type[Matcher]]

_WHERE: dict[str, tuple[str, str]] = {
    # matcher name: (its module in this package, its class), in registry order
    "html-element": ("html_element", "HtmlElementMatcher"),
    "labelled-list": ("labelled_list", "LabelledListMatcher"),
    "labelled-line": ("labelled_line", "LabelledLineMatcher"),
    "edge-widget-lines": ("edge_widget_lines", "EdgeWidgetLinesMatcher"),
    "labelled-link-lines": ("also_read", "LabelledLinkLinesMatcher"),
    "labelled-post-list": ("related_items", "LabelledPostListMatcher"),
    "context-line-cards": ("context_cards", "ContextLineCardsMatcher"),
    "labelled-post-cards": ("post_cards", "LabelledPostCardsMatcher"),
    "labelled-teaser-run": ("teaser_run", "LabelledTeaserRunMatcher"),
    "teaser-box": ("teaser_box", "TeaserBoxMatcher"),
    "pictured-cards": ("pictured_cards", "PicturedCardsMatcher"),
    "post-navigation-cards": ("navigation_cards", "NavigationCardsMatcher"),
    "post-navigation-table": ("navigation_cards", "NavigationTableMatcher"),
    "phrase-block": ("phrase_block", "PhraseBlockMatcher"),
    "consent-run": ("consent_run", "ConsentRunMatcher"),
    "platform-chrome": ("platform_chrome", "PlatformChromeMatcher"),
    "engine-chrome": ("engine_chrome", "EngineChromeMatcher"),
    "signoff-box": ("signoff_box", "SignoffBoxMatcher"),
    "comment-thread": ("comment_thread", "CommentThreadMatcher"),
    "recent-comments": ("recent_comments", "RecentCommentsMatcher"),
    "comment-widget-code": ("comment_widget_code", "CommentWidgetCodeMatcher"),
    "comment-editor": ("comment_editor", "CommentEditorMatcher"),
    "thread-post-header": ("thread_headers", "ThreadPostHeaderMatcher"),
    "post-meta": ("post_meta", "PostMetaMatcher"),
    "title-meta": ("title_meta", "TitleMetaMatcher"),
    "post-meta-anywhere": ("post_meta_anywhere", "PostMetaAnywhereMatcher"),
    "post-stamp": ("post_stamp", "PostStampMatcher"),
    "pandoc-meta-spans": ("pandoc_meta_spans", "PandocMetaSpansMatcher"),
    "title-author-photo": ("title_photo", "TitlePhotoMatcher"),
    "code-button-caption": ("code_button", "CodeButtonMatcher"),
    "glued-code-caption": ("glued_code_caption", "GluedCodeCaptionMatcher"),
    "template-docblock": ("template_docblock", "TemplateDocblockMatcher"),
    "promo-callout": ("promo_callout", "PromoCalloutMatcher"),
    "clipper-box": ("clipper_box", "ClipperBoxMatcher"),
    "chrome-tail": ("chrome_tail", "ChromeTailMatcher"),
    "entity-link": ("entity_links", "EntityLinkMatcher"),
    "toolbar-list": ("toolbar_list", "ToolbarListMatcher"),
    "promo-section": ("promo_section", "PromoSectionMatcher"),
    "pitch-line": ("pitch_line", "PitchLineMatcher"),
    "ask-sentences": ("ask_sentences", "AskSentencesMatcher"),
    "head-announcement": ("head_announcement", "HeadAnnouncementMatcher"),
    "conversion-pitch": ("conversion_pitch", "ConversionPitchMatcher"),
    "promo-box": ("promo_box", "PromoBoxMatcher"),
    "promo-image": ("promo_image", "PromoImageMatcher"),
    "closing-ask": ("closing_ask", "ClosingAskMatcher"),
    "duplicate-links": ("duplicate_links", "DuplicateLinksMatcher"),
    "code-copy": ("code_copy", "CodeCopyMatcher"),
    "calendar-table": ("calendar_table", "CalendarTableMatcher"),
    "heading-suffix": ("heading_suffix", "HeadingSuffixMatcher"),
    "title-echo": ("title_echo", "TitleEchoMatcher"),
    "reporter-line": ("reporter_line", "ReporterLineMatcher"),
    "heading-anchor": ("heading_anchor", "HeadingAnchorMatcher"),
    "definition-anchor": ("definition_anchor", "DefinitionAnchorMatcher"),
    "own-toc": ("own_toc", "OwnTocMatcher"),
    "skip-line": ("skip_line", "SkipLineMatcher"),
    "sidebar-sections": ("sidebar_sections", "SidebarSectionsMatcher"),
    "minified-code": ("minified_code", "MinifiedCodeMatcher"),
    "code-gutter": ("code_gutter", "CodeGutterMatcher"),
    "script-text": ("script_text", "ScriptTextMatcher"),
    "hidden-text": ("hidden_text", "HiddenTextMatcher"),
    "anchor-toc": ("anchor_toc", "AnchorTocMatcher"),
    "link-farm-section": ("link_farm", "LinkFarmSectionMatcher"),
    "trailing-link-block": ("trailing_links", "TrailingLinkBlockMatcher"),
    "repeated-run": ("repeated_run", "RepeatedRunMatcher"),
    "trailing-site-menu": ("site_menu", "TrailingSiteMenuMatcher"),
    "crawl-head": ("crawl_head", "CrawlHeadMatcher"),
    "site-head": ("site_head", "SiteHeadMatcher"),
    "breadcrumb-trail": ("breadcrumb", "BreadcrumbMatcher"),
    "back-to-top": ("back_to_top", "BackToTopMatcher"),
    "language-switcher": ("language_switcher", "LanguageSwitcherMatcher"),
    "misdirected-toc": ("misdirected_toc", "MisdirectedTocMatcher"),
    "post-navigation-row": ("post_navigation_row", "PostNavigationRowMatcher"),
    "next-post-link": ("next_post_link", "NextPostLinkMatcher"),
    "card-run": ("card_run", "CardRunMatcher"),
    "archive-widget": ("archive_widget", "ArchiveWidgetMatcher"),
    "author-box": ("author_box", "AuthorBoxMatcher"),
    "author-echo": ("author_echo", "AuthorEchoMatcher"),
    "closing-bio": ("closing_bio", "ClosingBioMatcher"),
    "author-link-title": ("author_link_title", "AuthorLinkTitleMatcher"),
    "person-card": ("person_card", "PersonCardMatcher"),
    "recommended-links": ("recommended_links", "RecommendedLinksMatcher"),
    "navigation-section": ("navigation_section", "NavigationSectionMatcher"),
    "widget-section": ("widget_section", "WidgetSectionMatcher"),
    "chrome-link-block": ("chrome_links", "ChromeLinkBlockMatcher"),
    "copyright-footer": ("copyright_footer", "CopyrightFooterMatcher"),
    "legal-tail": ("legal_tail", "LegalTailMatcher"),
    "site-footer": ("site_footer", "SiteFooterMatcher"),
    "own-copyright": ("own_copyright", "OwnCopyrightMatcher"),
    "excerpt-card-run": ("excerpt_cards", "ExcerptCardRunMatcher"),
    "repeated-target-links": ("dead_links", "RepeatedTargetLinksMatcher"),
    "link-target-row": ("link_target_row", "LinkTargetRowMatcher"),
    "admin-links": ("admin_links", "AdminLinksMatcher"),
    "article-region": ("article_region", "ArticleRegionMatcher"),
    "edge-blocks": ("edge_blocks", "EdgeBlocksMatcher"),
    "page-tail": ("page_tail", "PageTailMatcher"),
    "head-above-title": ("title_head", "TitleHeadMatcher"),
    "tail-pool": ("tail_pool", "TailPoolMatcher"),
    "wrapped-page": ("wrapped_page", "WrappedPageMatcher"),
    "share-row-companions": ("share_companions", "ShareRowCompanionsMatcher"),
    "tail-form-remnant": ("form_remnant", "TailFormRemnantMatcher"),
    "interface-run": ("interface_run", "InterfaceRunMatcher"),
    "ui-block": ("ui_block", "UiBlockMatcher"),
    "toc-toggle": ("toc_toggle", "TocToggleMatcher"),
    "cart-link": ("cart_link", "CartLinkMatcher"),
    "menu-hint": ("menu_hint", "MenuHintMatcher"),
    "platform-name-run": ("platform_runs", "PlatformNameRunMatcher"),
    "pager-label-lines": ("pager_lines", "PagerLinesMatcher"),
    "label-title-cards": ("title_cards", "TitleCardsMatcher"),
    "post-link-cards": ("post_link_cards", "PostLinkCardsMatcher"),
    "widget-element": ("widget_element", "WidgetElementMatcher"),
    "named-region": ("named_region", "NamedRegionMatcher"),
    "named-inline": ("named_inline", "NamedInlineMatcher"),
    "script-link-row": ("script_links", "ScriptLinkRowMatcher"),
    "template-tag": ("template_tag", "TemplateTagMatcher"),
    "tracking-pixel": ("tracking_pixel", "TrackingPixelMatcher"),
    "share-button-list": ("share_button_list", "ShareButtonListMatcher"),
    "icon-button-row": ("icon_buttons", "IconButtonRowMatcher"),
    "embed-chrome": ("embed_chrome", "EmbedChromeMatcher"),
    "affiliate-block": ("affiliate_block", "AffiliateBlockMatcher"),
    "affiliate-card": ("affiliate_card", "AffiliateCardMatcher"),
    "ad-label": ("ad_label", "AdLabelMatcher"),
    "tail-hashtags": ("tail_hashtags", "TailHashtagsMatcher"),
    "tag-archive-link": ("tag_archive_link", "TagArchiveLinkMatcher"),
    "pandoc-ad-attributes": ("pandoc_attributes", "PandocAdAttributesMatcher"),
    "glued-chrome-lines": ("glued_chrome_lines", "GluedChromeLinesMatcher"),
    "chrome-line-runs": ("chrome_line_runs", "ChromeLineRunsMatcher"),
    "text-dump-edges": ("text_dump_edges", "TextDumpEdgesMatcher"),
    "caption-lines": ("caption_lines", "CaptionLinesMatcher"),
    "notice-lines": ("notice_lines", "NoticeLinesMatcher"),
    "pitch-lines": ("pitch_lines", "PitchLinesMatcher"),
    "tip-jar": ("tip_jar", "TipJarMatcher"),
    "record-runs": ("record_runs", "RecordRunsMatcher"),
    "signup-form": ("signup_form", "SignupFormMatcher"),
    "filter-list": ("filter_list", "FilterListMatcher"),
    "unused-suppression": ("unused_suppression", "UnusedSuppressionMatcher"),
    "site-template": ("site_template", "SiteTemplateMatcher"),
    "docs-feedback-tail": ("docs_feedback_tail", "DocsFeedbackTailMatcher"),
    "docs-pager": ("docs_pager", "DocsPagerMatcher"),
    "front-matter-yaml": ("front_matter_yaml", "FrontMatterYamlMatcher"),
    "front-matter-unterminated": ("front_matter_block", "FrontMatterUnterminatedMatcher"),
    "front-matter-prefix": ("front_matter_block", "FrontMatterPrefixMatcher"),
    "front-matter-duplicate-key": ("front_matter_keys", "FrontMatterDuplicateKeyMatcher"),
    "front-matter-date": ("front_matter_keys", "FrontMatterDateMatcher"),
    "front-matter-required-key": ("front_matter_keys", "FrontMatterRequiredKeyMatcher"),
    "front-matter-toml": ("front_matter_format", "FrontMatterTomlMatcher"),
    "front-matter-format": ("front_matter_format", "FrontMatterFormatMatcher"),
    "front-matter-link-list": ("front_matter_keys", "FrontMatterLinkListMatcher"),
    "own-post-list": ("own_post_list", "OwnPostListMatcher"),
    "orphan-box-title": ("orphan_box_title", "OrphanBoxTitleMatcher"),
    "labelled-copy-lines": ("labelled_copy_lines", "LabelledCopyLinesMatcher"),
    "section-menu": ("section_menu", "SectionMenuMatcher"),
    "edge-meta": ("edge_meta", "EdgeMetaMatcher"),
    "labelled-teaser-line": ("teaser_line", "LabelledTeaserLineMatcher"),
    "bare-story-teasers": ("bare_teasers", "BareStoryTeasersMatcher"),
}


def _imported(name: str) -> type[Matcher]:
    module, class_name = _WHERE[name]
    matcher: type[Matcher] = getattr(importlib.import_module(f"{__name__}.{module}"), class_name)
    return matcher


def matcher_class(name: str) -> type[Matcher] | None:
    """The matcher a rule names (None: no such matcher), importing only its own module. Once
    ``MATCHERS`` is made, it is the registry (tests add matchers to it)."""
    made: dict[str, type[Matcher]] | None = globals().get("MATCHERS")
    if made is not None:
        return made.get(name)
    return _imported(name) if name in _WHERE else None


def __getattr__(name: str) -> Any:
    """``MATCHERS``: every matcher, by name, made (and kept) on first use."""
    if name == "MATCHERS":
        made = globals()["MATCHERS"] = {matcher: _imported(matcher) for matcher in _WHERE}
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["MATCHERS", "Matcher", "ParamError", "matcher_class"]
