"""What ``components/pagination.html`` reads: one page-link component for every list."""


def page_url(number):
    """The link to page ``number`` of the list being shown (``?sida=N``)."""
    return f"?sida={number}"


def pagination(page, url=page_url, numbered=False):
    """Context for ``components/pagination.html`` about ``page`` (a Django Page).

    ``url(number)`` gives the link to a page (the view keeps its filters in
    it). ``numbered`` adds links to the pages near this one and at both ends
    (long threads); without it the component says "Page N of M".
    """
    context = {
        "paginator": page.paginator,
        "page_obj": page,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }
    if numbered:
        ellipsis = page.paginator.ELLIPSIS
        context["page_links"] = [
            {
                "number": number,
                "current": number == page.number,
                "url": "" if number in (page.number, ellipsis) else url(number),
            }
            for number in page.paginator.get_elided_page_range(
                page.number, on_each_side=2, on_ends=1
            )
        ]
    return context
