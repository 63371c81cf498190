"""Slugs that stay unique within a set of rows."""


def unique_slug(base, queryset, reserved=()):
    """``base``, or ``base-2``, ``base-3`` … the first not taken in ``queryset``.

    ``queryset`` holds the rows the slug must differ from (e.g. one forum's
    consultations); ``reserved`` are slugs a neighbouring URL pattern uses.
    """
    slug, number = base, 2
    while slug in reserved or queryset.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
