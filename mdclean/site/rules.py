"""The rules of a file whose site has a template: the site-template rule, bound to it."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..catalogue import Rule
from .profile import SiteTemplate

if TYPE_CHECKING:
    from ..matchers.base import Matcher

SITE_TEMPLATE_MATCHER = "site-template"


def uses_site_template(rules: tuple[Rule, ...]) -> bool:
    return any(rule.matcher_name == SITE_TEMPLATE_MATCHER for rule in rules)


def with_site_template(rules: tuple[Rule, ...], template: SiteTemplate) -> tuple[Rule, ...]:
    """The rules, each site-template rule with a matcher that knows the template."""
    return tuple(
        _bound(rule, template) if rule.matcher_name == SITE_TEMPLATE_MATCHER else rule
        for rule in rules
    )


def _bound(rule: Rule, template: SiteTemplate) -> Rule:
    def build() -> Matcher:
        # Imported here: a warm run (every result cached) never loads a matcher.
        from ..matchers.site_template import SiteTemplateMatcher

        matcher = rule.matcher
        if not isinstance(matcher, SiteTemplateMatcher):
            raise TypeError(f"{rule.code}: a {SITE_TEMPLATE_MATCHER} rule with another matcher")
        return matcher.with_template(template)

    return dataclasses.replace(rule, build_matcher=build)
