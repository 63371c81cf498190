"""An article shows every block an editor may use."""

import datetime
import json

from django.utils import timezone

from core.geography.models import County, Municipality
from forum.models import Visibility
from knowledge.factories import ArticleFactory
from knowledge.followup.factories_report import figures
from knowledge.followup.models import (
    Accommodation,
    AgeBand,
    Category,
    FollowUpSettings,
    Sex,
)


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


def chart_article(public_index, place):
    return ArticleFactory(
        parent=public_index,
        body=json.dumps(
            [
                {
                    "type": "followup_chart",
                    "value": {"place": place, "breakdown": "sex"},
                }
            ]
        ),
    )


def test_a_chart_from_the_follow_up_shows_the_newest_month_masked(client, public_index):
    skane = County.objects.get(code="12")
    month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    lomma, malmo = Municipality.objects.filter(name__in=["Lomma", "Malmö"])
    # Three women in Lomma and no men: the chart's bars are totals of the
    # county, so a 3 would show only if the masking were left out.
    counts = {lomma.pk: {Sex.WOMEN: 3, Sex.MEN: 0}, malmo.pk: {Sex.WOMEN: 40}}
    figures(
        [lomma, malmo],
        [month],
        count=lambda m, _month, cell: (
            counts[m.pk].get(cell[2], 0)
            if cell[0] == Category.ASYLUM_SEEKERS
            and cell[1] == Accommodation.OWN
            and cell[3] == AgeBand.FROM_25
            else 0
        ),
        fictional=True,
    )
    page = chart_article(public_index, "county:12")
    html = client.get(page.url).content.decode()
    assert "<svg" in html and "Skåne" in html
    assert "fiktiva siffror" in html
    assert "43" in html  # women in all: shown, as the total is not small
    # Men: 0, shown; the county's women (43) shown; nothing from 1 to 5.
    assert ">3<" not in html

    FollowUpSettings.objects.create(county=skane, summary_visibility=Visibility.SAMRAD)
    html = client.get(page.url).content.decode()
    assert "<svg" not in html
    assert "visas för dem som får se lägesbilden" in html


def test_a_chart_of_a_place_that_is_gone_says_so_instead_of_failing(
    client, public_index
):
    page = chart_article(public_index, "subregion:999999")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "visas för dem som får se lägesbilden" in response.content.decode()
