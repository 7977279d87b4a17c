"""The matchers rules can name, in one ordered registry (as markdown-it lists its rules)."""

from __future__ import annotations

from .ad_label import AdLabelMatcher
from .affiliate_block import AffiliateBlockMatcher
from .author_box import AuthorBoxMatcher
from .base import Matcher, ParamError
from .dead_links import RepeatedTargetLinksMatcher
from .duplicate_links import DuplicateLinksMatcher
from .filter_list import FilterListMatcher
from .front_matter_block import FrontMatterPrefixMatcher, FrontMatterUnterminatedMatcher
from .front_matter_format import FrontMatterFormatMatcher, FrontMatterTomlMatcher
from .front_matter_keys import (
    FrontMatterDateMatcher,
    FrontMatterDuplicateKeyMatcher,
    FrontMatterLinkListMatcher,
    FrontMatterRequiredKeyMatcher,
)
from .front_matter_yaml import FrontMatterYamlMatcher
from .html_element import HtmlElementMatcher
from .labelled_line import LabelledLineMatcher
from .labelled_list import LabelledListMatcher
from .link_farm import LinkFarmSectionMatcher
from .link_target_row import LinkTargetRowMatcher
from .misdirected_toc import MisdirectedTocMatcher
from .navigation_section import NavigationSectionMatcher
from .phrase_block import PhraseBlockMatcher
from .platform_chrome import PlatformChromeMatcher
from .post_navigation_row import PostNavigationRowMatcher
from .recommended_links import RecommendedLinksMatcher
from .repeated_run import RepeatedRunMatcher
from .script_links import ScriptLinkRowMatcher
from .signoff_box import SignoffBoxMatcher
from .site_menu import TrailingSiteMenuMatcher
from .site_template import SiteTemplateMatcher
from .template_tag import TemplateTagMatcher
from .tracking_pixel import TrackingPixelMatcher
from .trailing_links import TrailingLinkBlockMatcher
from .unused_suppression import UnusedSuppressionMatcher
from .widget_element import WidgetElementMatcher

MATCHERS: dict[str, type[Matcher]] = {
    matcher.name: matcher
    for matcher in (
        HtmlElementMatcher,
        LabelledListMatcher,
        LabelledLineMatcher,
        PhraseBlockMatcher,
        PlatformChromeMatcher,
        SignoffBoxMatcher,
        DuplicateLinksMatcher,
        LinkFarmSectionMatcher,
        TrailingLinkBlockMatcher,
        RepeatedRunMatcher,
        TrailingSiteMenuMatcher,
        MisdirectedTocMatcher,
        PostNavigationRowMatcher,
        AuthorBoxMatcher,
        RecommendedLinksMatcher,
        NavigationSectionMatcher,
        RepeatedTargetLinksMatcher,
        LinkTargetRowMatcher,
        WidgetElementMatcher,
        ScriptLinkRowMatcher,
        TemplateTagMatcher,
        TrackingPixelMatcher,
        AffiliateBlockMatcher,
        AdLabelMatcher,
        FilterListMatcher,
        UnusedSuppressionMatcher,
        SiteTemplateMatcher,
        FrontMatterYamlMatcher,
        FrontMatterUnterminatedMatcher,
        FrontMatterPrefixMatcher,
        FrontMatterDuplicateKeyMatcher,
        FrontMatterDateMatcher,
        FrontMatterRequiredKeyMatcher,
        FrontMatterTomlMatcher,
        FrontMatterFormatMatcher,
        FrontMatterLinkListMatcher,
    )
}

__all__ = ["MATCHERS", "Matcher", "ParamError"]
