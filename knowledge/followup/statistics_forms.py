"""The statistics upload's forms: the file and county, and the page's query."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.geography.models import County
from core.query import PageField


class UploadForm(forms.Form):
    """A county and a file of Migrationsverket's figures for it."""

    county = forms.ModelChoiceField(
        County.objects.all(),
        label=_("Län"),
        to_field_name="code",
        empty_label=None,
    )
    file = forms.FileField(label=_("Fil (CSV eller Excel)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "En rad per kommun, månad, målgrupp, boendeform, kön och "
                "åldersgrupp. Skriv ”..” där Migrationsverket maskerat ett värde."
            ),
            reverse("followup:statistics_template"),
            _("Ladda ner en mall (CSV)"),
        )


class StatisticsQueryForm(forms.Form):
    """``?lan=12`` (the county chosen at first) and ``?sida=2`` of the history."""

    lan = forms.ModelChoiceField(
        County.objects.all(), to_field_name="code", required=False
    )
    sida = PageField()

    def county(self):
        return self.cleaned_data.get("lan") if self.is_valid() else None

    def page_number(self):
        self.is_valid()
        return self.cleaned_data.get("sida", "")
