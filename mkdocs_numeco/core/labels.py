"""Interface labels in French and English, overridable from the configuration."""

from __future__ import annotations

NBSP = "\u00a0"

DEFAULT_LABELS: dict[str, dict[str, str]] = {
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
        "position": "Épisode {n} sur {total}",
        "previous": "Épisode précédent",
        "next": "Épisode suivant",
        "episodes": "Tous les épisodes ({total})",
        "episode_count": "{count} épisodes",
        "post_count": "{count} publications",
        "listing_title": "Publications",
        "page_of": "Page {n} sur {total}",
        "pagination": "Pagination",
        "previous_page": "Page précédente",
        "next_page": "Page suivante",
        "date_range": "du {start} au {end}",
        "no_posts": "Aucune publication pour le moment.",
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
        "position": "Episode {n} of {total}",
        "previous": "Previous episode",
        "next": "Next episode",
        "episodes": "All episodes ({total})",
        "episode_count": "{count} episodes",
        "post_count": "{count} posts",
        "listing_title": "Posts",
        "page_of": "Page {n} of {total}",
        "pagination": "Pagination",
        "previous_page": "Previous page",
        "next_page": "Next page",
        "date_range": "{start} to {end}",
        "no_posts": "No posts yet.",
    },
}


def language_of(locale: object) -> str:
    """The primary language subtag we have labels for: `fr_CA` gives `fr`, unknown gives `en`."""
    primary = str(locale or "en").replace("-", "_").split("_")[0].lower()
    return primary if primary in DEFAULT_LABELS else "en"


def label_problem(key: str, value: str) -> str | None:
    """Why `value` can't override the label `key`, or None when it can (the same in every language)."""
    defaults = DEFAULT_LABELS["en"]
    if key not in defaults:
        return f"unknown label '{key}'; known labels: {', '.join(sorted(defaults))}"
    try:
        value.format_map(_Placeholders(defaults[key]))
    except (KeyError, IndexError, ValueError) as error:
        return f"label '{key}' uses an unknown or broken placeholder ({error})"
    return None


def resolve_labels(language: str, overrides: dict[str, str]) -> dict[str, str]:
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


class _Placeholders(dict[str, str]):
    """Accepts exactly the placeholders that the default label uses."""

    def __init__(self, default: str) -> None:
        import string

        names = {name for _, name, _, _ in string.Formatter().parse(default) if name}
        super().__init__({name: "" for name in names})

    def __missing__(self, key: str) -> str:
        raise KeyError(key)
