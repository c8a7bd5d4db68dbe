"""Interface labels in French and English, overridable from the configuration.

This is the one home of the plugin's interface text. A label is a text with
`{placeholders}`, or, for a count, its plural forms: a mapping from CLDR plural
categories (`zero`, `one`, `two`, `few`, `many`, `other`) to texts, of which
`other` is required. The form is chosen by Babel from the CLDR rules of the
site's language (`0` and `1` are `one` in French, only `1` in English; Polish
has `one`, `few` and `many`); a category a label doesn't give falls back to
`other`. Adding a language is adding its entry to `DEFAULT_LABELS` (every key,
with the plural categories its CLDR rules use); dates follow the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError

NBSP = "\u00a0"
# CLDR plural categories, in CLDR's order.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

# A label: a text, or plural forms by CLDR category.
Label = str | Mapping[str, str]

DEFAULT_LABELS: dict[str, dict[str, Label]] = {
    "fr": {
        "transcript": "Transcription",
        "transcript_of": f"Transcription{NBSP}: {{speaker}}",
        "expand": "Agrandir",
        "close": "Fermer",
        "play": f"Lire la vidéo{NBSP}: {{title}}",
        "player_title": f"Vidéo{NBSP}: {{title}}",
        "watch_on": "Voir la vidéo « {title} » sur {provider}",
        "play_audio": f"Écouter{NBSP}: {{title}}",
        "player_title_audio": f"Podcast{NBSP}: {{title}}",
        "watch_on_audio": "Écouter « {title} » sur {provider}",
        "play_embed": f"Charger le contenu de {{provider}}{NBSP}: {{title}}",
        "player_title_embed": f"Contenu de {{provider}}{NBSP}: {{title}}",
        "watch_on_embed": "Ouvrir « {title} » sur {provider}",
        "remember": "Toujours charger les contenus de {provider}",
        "play_at": "Lire la vidéo à {time}",
        "watch_at": "Voir la vidéo sur {provider} à {time}",
        "accordion": "Détails",
        "read_transcript": "Lire la transcription",
        "published": "Publié le {date}",
        "video": "Vidéo",
        "nth_video": "{title}, vidéo {n}",
        "tags": "Étiquettes",
        "tags_title": "Étiquettes",
        "tag_title": f"Étiquette{NBSP}: {{tag}}",
        "series": "Série",
        "series_title": "Séries",
        "series_of": f"Série{NBSP}: {{series}}",
        "series_none": "Autres vidéos",
        "position": "Épisode {n} sur {total}",
        "previous": "Épisode précédent",
        "next": "Épisode suivant",
        "episodes": "Tous les épisodes ({total})",
        "episode_count": {"one": "{count} épisode", "other": "{count} épisodes"},
        "post_count": {"one": "{count} publication", "other": "{count} publications"},
        "listing_title": "Publications",
        "page_of": "Page {n} sur {total}",
        "pagination": "Pagination",
        "previous_page": "Page précédente",
        "next_page": "Page suivante",
        "date_range": "du {start} au {end}",
        "nav_posts": "Actualités",
        "nav_tags": "Étiquettes",
        "nav_series": "Séries",
        "nav_archive": "Archives",
        "archive_title": "Archives",
        "archive_of": "Publications de {year}",
        "reading_time": {"one": f"Lecture{NBSP}: {{count}}{NBSP}min", "other": f"Lecture{NBSP}: {{count}}{NBSP}min"},
        "transcript_time": {
            "one": f"Transcription{NBSP}: {{count}}{NBSP}min de lecture",
            "other": f"Transcription{NBSP}: {{count}}{NBSP}min de lecture",
        },
        "video_time": {"one": f"Vidéo{NBSP}: {{count}}{NBSP}min", "other": f"Vidéo{NBSP}: {{count}}{NBSP}min"},
        "draft": "Brouillon",
        "draft_note": "Cette publication n’est visible que dans l’aperçu de mkdocs serve",
        "no_posts": "Aucune publication pour le moment.",
        "by": "Par",
        "pinned": "Épinglé",
        "updated": "Mis à jour le {date}",
        "related": "Voir aussi",
        "author_title": "Publications de {author}",
    },
    "en": {
        "transcript": "Transcript",
        "transcript_of": "Transcript: {speaker}",
        "expand": "Expand",
        "close": "Close",
        "play": "Play the video: {title}",
        "player_title": "Video: {title}",
        "watch_on": "Watch “{title}” on {provider}",
        "play_audio": "Listen: {title}",
        "player_title_audio": "Podcast: {title}",
        "watch_on_audio": "Listen to “{title}” on {provider}",
        "play_embed": "Load the content from {provider}: {title}",
        "player_title_embed": "Content from {provider}: {title}",
        "watch_on_embed": "Open “{title}” on {provider}",
        "remember": "Always load content from {provider}",
        "play_at": "Play the video at {time}",
        "watch_at": "Watch the video on {provider} at {time}",
        "accordion": "Details",
        "read_transcript": "Read the transcript",
        "published": "Published on {date}",
        "video": "Video",
        "nth_video": "{title}, video {n}",
        "tags": "Tags",
        "tags_title": "Tags",
        "tag_title": "Tag: {tag}",
        "series": "Series",
        "series_title": "Series",
        "series_of": "Series: {series}",
        "series_none": "Other videos",
        "position": "Episode {n} of {total}",
        "previous": "Previous episode",
        "next": "Next episode",
        "episodes": "All episodes ({total})",
        "episode_count": {"one": "{count} episode", "other": "{count} episodes"},
        "post_count": {"one": "{count} post", "other": "{count} posts"},
        "listing_title": "Posts",
        "page_of": "Page {n} of {total}",
        "pagination": "Pagination",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "date_range": "{start} to {end}",
        "nav_posts": "Posts",
        "nav_tags": "Tags",
        "nav_series": "Series",
        "nav_archive": "Archive",
        "archive_title": "Archive",
        "archive_of": "Posts from {year}",
        "reading_time": {"one": f"{{count}}{NBSP}min read", "other": f"{{count}}{NBSP}min read"},
        "transcript_time": {
            "one": f"Transcript: {{count}}{NBSP}min read",
            "other": f"Transcript: {{count}}{NBSP}min read",
        },
        "video_time": {"one": f"Video: {{count}}{NBSP}min", "other": f"Video: {{count}}{NBSP}min"},
        "draft": "Draft",
        "draft_note": "This post is only shown in the mkdocs serve preview",
        "no_posts": "No posts yet.",
        "by": "By",
        "pinned": "Pinned",
        "updated": "Updated on {date}",
        "related": "See also",
        "author_title": "Posts by {author}",
    },
}


def language_of(locale: object) -> str:
    """The primary language subtag we have labels for: `fr_CA` gives `fr`, unknown gives `en`."""
    primary = str(locale or "en").replace("-", "_").split("_")[0].lower()
    return primary if primary in DEFAULT_LABELS else "en"


def locale_of(language: object) -> str:
    """The site's language as Babel's CLDR data knows it (`pl`, `pt_BR`), for dates and plural rules.

    Labels fall back to English for a language the plugin has no words for (`language_of`);
    its dates and plural rules need not: a site that gives its words in `labels:` gets the rest right.
    """
    value = str(language or "").replace("-", "_")
    try:
        return str(Locale.parse(value)) if value else language_of(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return language_of(language)


def label_problem(key: str, value: object) -> str | None:
    """Why `value` can't override the label `key`, or None when it can (the same in every language).

    A text can override any label; plural forms (a mapping) only a label that has them.
    """
    defaults = DEFAULT_LABELS["en"]
    if key not in defaults:
        return f"unknown label '{key}'; known labels: {', '.join(sorted(defaults))}"
    default = defaults[key]
    if isinstance(value, str):
        return _placeholder_problem(key, value, default)
    if not isinstance(value, Mapping):
        return f"label '{key}' must be text{_OR_FORMS if isinstance(default, Mapping) else ''}, not {value!r}"
    if not isinstance(default, Mapping):
        return f"label '{key}' has no plural forms: write it as text"
    return _forms_problem(key, value, default)


_OR_FORMS = " or plural forms such as {one: '{count} …', other: '{count} …'}"


def _forms_problem(key: str, forms: Mapping[Any, Any], default: Mapping[str, str]) -> str | None:
    unknown = [str(category) for category in forms if category not in PLURAL_CATEGORIES]
    if unknown:
        return (
            f"label '{key}': unknown plural form {', '.join(repr(name) for name in unknown)};"
            f" plural forms are {', '.join(PLURAL_CATEGORIES)}"
        )
    if "other" not in forms:
        return f"label '{key}' needs the plural form 'other' (used for every count no other form covers)"
    for category, text in forms.items():
        if not isinstance(text, str):
            return f"label '{key}': the plural form '{category}' must be text, not {text!r}"
        problem = _placeholder_problem(key, text, default)
        if problem is not None:
            return problem
    return None


def _placeholder_problem(key: str, value: str, default: Label) -> str | None:
    try:
        value.format_map(_Placeholders(default))
    except (KeyError, IndexError, ValueError) as error:
        return f"label '{key}' uses an unknown or broken placeholder ({error})"
    return None


def resolve_labels(language: str, overrides: Mapping[str, Any]) -> dict[str, Label]:
    """Defaults for `language`, with the site's overrides on top.

    Raises `ValueError` naming the label when an override is unknown or uses
    a placeholder the default doesn't have (the plugin's configuration checks
    this when it loads, with `label_problem`).
    """
    labels = dict(DEFAULT_LABELS[language_of(language)])
    for key, value in overrides.items():
        problem = label_problem(key, value)
        if problem is not None:
            raise ValueError(problem)
        labels[key] = value
    return labels


def plural_category(language: str, count: float) -> str:
    """The CLDR plural category of `count` in `language` (`one`, `few`, `other`…), from Babel's CLDR data."""
    return _plural_rule(language)(abs(count))


def text_of(label: Label, language: str, **values: Any) -> str:
    """A label as text: for plural forms, the one `values['count']` takes in `language`; placeholders filled."""
    if not isinstance(label, str):
        category = plural_category(language, values.get("count", 0))
        label = label.get(category) or label["other"]
    return label.format(**values)


@lru_cache(maxsize=32)
def _plural_rule(language: str) -> Any:
    try:
        return Locale.parse(str(language or "en").replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse("en").plural_form


class _Placeholders(dict[str, str]):
    """Accepts exactly the placeholders that the default label uses (in any of its plural forms)."""

    def __init__(self, default: Label) -> None:
        import string

        texts = [default] if isinstance(default, str) else list(default.values())
        names = {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
        super().__init__({name: "" for name in names})

    def __missing__(self, key: str) -> str:
        raise KeyError(key)
