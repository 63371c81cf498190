"""The bottom floor: what every room of the platform builds on.

Helpers (``sanitizer``, ``attachments``, ``slugs``, ``recurrence``,
``query``) and the reference apps beneath the rooms: ``core.geography``
(counties, sub-regions, municipalities), ``core.users`` (the people who sign
in), ``core.images`` and ``core.documents`` (Wagtail's media, with our access
rule). Nothing here imports a room or the host site.
"""
