"""Expressions, comments, logic and other Nunjucks tags: handlers/nunjucks.py."""

from __future__ import annotations

from shortcode_snippets import listed, run


def test_a_front_matter_variable_is_interpolated_as_text_url_or_attribute() -> None:
    result = run("Par {{ author.name }}.", variables={"author": {"name": "<Léa>"}})
    assert result.markdown == "Par &#60;Léa&#62;."  # no Markdown or HTML can come of it
    assert listed(result) == [("interpolation", "author.name", "converted")]
    values = {"image": "a b.png", "alt": '"x"'}
    assert run("![i]({{ image }})", variables=values).markdown == "![i](a%20b.png)"
    assert run('<img alt="{{ alt }}">', variables=values).markdown == '<img alt="&quot;x&quot;">'


def test_an_expression_that_cant_be_evaluated_is_left_out_with_a_warning() -> None:
    result = run("{{ a | upper }}")
    assert result.markdown == "<!-- &#123;&#123; a | upper &#125;&#125; -->"
    assert ["can't be evaluated" in p.message for p in result.problems] == [True]
    assert listed(result) == [("interpolation", "a | upper", "unsupported")]


def test_a_nunjucks_comment_leaves_nothing() -> None:
    result = run("A {# pour l'équipe #}B")
    assert result.markdown == "A B"
    assert listed(result) == [("comment", "", "converted")]


def test_a_logic_block_is_reported_once_and_its_content_kept() -> None:
    result = run("{% if a %}\nOui.\n{% else %}\nNon.\n{% endif %}")
    assert "\nOui.\n" in result.markdown and "\nNon.\n" in result.markdown
    assert ["Nunjucks block '{% if a %}' … '{% endif %}'" in p.message for p in result.problems] == [True]
    assert [status for _, _, status in listed(result)] == ["unsupported"] * 3


def test_a_tag_without_its_end_and_any_other_tag_get_their_own_advice() -> None:
    messages = [p.message for p in run('{% for x in y %}\n\n{% include "a.njk" %}').problems]
    assert "has no {% endfor %}" in messages[0]
    assert messages[1].endswith("copy the included content into the page")


def test_with_keep_templates_everything_is_left_for_the_engine_after_us() -> None:
    text = '{{ a | upper }} {# note #} {% include "a.njk" %} `{{ code }}`'
    result = run(text, keep_templates=True)
    assert result.markdown == text.replace("`{{ code }}`", "{% raw %}`{{ code }}`{% endraw %}")
    assert result.problems == []
    assert [status for _, _, status in listed(result)] == ["kept"] * 3  # code is not listed


def test_a_raw_block_prints_its_content_as_written() -> None:
    result = run("{% raw %}{{ x }}{% endraw %}")
    assert result.markdown == "&#123;&#123; x &#125;&#125;"
    assert result.problems == []


def test_an_unclosed_code_fence_is_reported_at_its_line_and_not_listed() -> None:
    result = run('Texte.\n\n```\n{% youtube "dQw4w9WgXcQ" %}\n')
    assert result.markdown == 'Texte.\n\n```\n{% youtube "dQw4w9WgXcQ" %}\n'
    assert [(p.line, "fence is never closed" in p.message) for p in result.problems] == [(3, True)]
    assert listed(result) == []
