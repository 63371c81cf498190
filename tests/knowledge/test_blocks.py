"""An article shows every block an editor may use."""

import json

from knowledge.factories import ArticleFactory


def test_an_article_shows_headings_tables_quotes_and_callouts(client, public_index):
    page = ArticleFactory(
        parent=public_index,
        body=json.dumps(
            [
                {"type": "heading", "value": {"text": "Steg för steg"}},
                {"type": "paragraph", "value": "<p>Spara biljetten.</p>"},
                {
                    "type": "table",
                    "value": {
                        "data": [["Från", "Till"], ["Höör", "Lund"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Godkända resor",
                    },
                },
                {
                    "type": "quote",
                    "value": {"text": "Grannen tog med mig.", "source": "Deltagare"},
                },
                {
                    "type": "callout",
                    "value": {
                        "heading": "Tips",
                        "text": "<p>Skriv att det är gratis.</p>",
                    },
                },
            ]
        ),
    )
    content = client.get(page.url).content.decode()
    assert "<h2>Steg för steg</h2>" in content
    assert '<th scope="col">Från</th>' in content
    assert "<td>Lund</td>" in content
    assert "<caption>Godkända resor</caption>" in content
    assert "Grannen tog med mig." in content
    assert "Skriv att det är gratis." in content
