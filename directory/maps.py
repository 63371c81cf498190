"""The activity map: whether it is offered, its tile server, and its points.

The map is a supplement to the list, off unless the site owner names a tile
server (``TIA["MAP_TILE_URL"]``): visitors' browsers fetch the tiles from it,
so by default they contact no third party. The directory page's content
security policy then allows that one host's images (``csp_update``), and only
there (``docs/directory.md``).
"""

from urllib.parse import urlsplit

from core.conf import setting


def tile_origin():
    """The tile server's origin for the content security policy, e.g.
    "https://tiles.example.org" ("https://*.tiles.example.org" for a template
    with Leaflet's ``{s}`` subdomains); "" when no usable URL is set, and then
    there is no map."""
    url = (setting("MAP_TILE_URL") or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    host = parts.netloc
    if parts.scheme not in ("https", "http") or not host or "@" in host:
        return ""
    if host.startswith("{s}."):
        host = "*." + host[len("{s}.") :]
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789.-:*")
    if not set(host.lower()) <= allowed:
        return ""
    return f"{parts.scheme}://{host}"


def enabled():
    return bool(tile_origin())


def csp_update():
    """What the directory page adds to the policy: the tile host's images."""
    return {"img-src": [tile_origin()]}


def tile_source():
    """What the page's map element hands to the script."""
    return {
        "url": setting("MAP_TILE_URL").strip(),
        "attribution": setting("MAP_ATTRIBUTION") or "",
    }


def points(activities, url_of, language):
    """One point for each activity that has a place, in the list's order:
    its title in ``language`` (``lang``: the title's language), link,
    municipality and whether the point is only its municipality's centre.
    ``activities`` comes from ``ActivityQuerySet.on_map()``."""
    titles = [activity.text_in(language).title for activity in activities]
    return [
        {
            "title": title.value,
            "lang": title.language,
            "url": url_of(activity),
            "municipality": activity.municipality.name,
            "latitude": float(activity.map_latitude),
            "longitude": float(activity.map_longitude),
            "approximate": activity.map_approximate,
        }
        for activity, title in zip(activities, titles, strict=True)
    ]
