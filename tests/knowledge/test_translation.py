"""Knowledge pages are translated like the guidance pages (wagtail-localize);
who sees a page is the Swedish page's, in every language."""

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from forum.models import Level, Visibility
from knowledge.factories import NeedsAnalysisFactory
from website.home.locales import translate_page


def test_a_needs_analysis_is_translated_with_its_recommendations(
    client, forum_index, forum, member
):
    page = NeedsAnalysisFactory(
        parent=forum_index,
        title="Kartläggning av språkstöd",
        forum=forum,
        visibility=Visibility.DIALOG,
        tags=["språkstöd"],
        recommendations=[
            {"text": "Dela ledare mellan delregionerna.", "status": "planned"}
        ],
    )
    source, _created = TranslationSource.update_or_create_from_instance(page)
    texts = {
        segment.string.data: f"EN {segment.string.data}"
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string"
        )
    }
    assert "Dela ledare mellan delregionerna." in texts
    english = translate_page(page, Locale.objects.get(language_code="en"), texts)
    assert english.alias_of_id is None
    assert english.visibility == Visibility.DIALOG
    assert english.forum == forum
    client.force_login(member(Level.SAMRAD))
    assert client.get(english.url).status_code == 404
    client.force_login(member(Level.DIALOG))
    content = client.get(english.url).content.decode()
    assert "EN Kartläggning av språkstöd" in content
    assert "EN Dela ledare mellan delregionerna." in content
