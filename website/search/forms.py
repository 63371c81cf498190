from django import forms

from core.query import PageField

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """The site search's query string: the words (``q``) and the page of results."""

    # A CharField refuses NUL bytes, which no database can search for.
    q = forms.CharField(required=False)
    page = PageField()

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def terms(self):
        """The words to search for; '' when there are none or the query is invalid.

        Double quotes are read as spaces: SQLite's full-text syntax fails on
        an unbalanced one, and neither backend searches phrases from them.
        """
        if not self.is_valid():
            return ""
        return " ".join(self.cleaned_data["q"].replace('"', " ").split())
