"""Calendar feed addresses, as the pages offer them to calendar apps."""


def webcal(url):
    """The same address for calendar apps that subscribe on a webcal:// link."""
    return "webcal://" + url.split("://", 1)[1]


def subscription(url):
    """``{"url": …, "webcal": …}``: the https address and its webcal:// twin."""
    return {"url": url, "webcal": webcal(url)}
