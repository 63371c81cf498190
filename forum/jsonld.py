"""schema.org JSON-LD of the public coordinators page: each coordinator a
Person to contact about their sub-region."""

from django.urls import reverse

from core.seo import absolute


def coordinators_data(coordinators, *, name):
    """An ItemList of Persons, one per coordinator (all of them are public:
    the page lists them for everyone to reach)."""
    url = absolute(reverse("coordinators"))
    people = []
    for number, coordinator in enumerate(coordinators, start=1):
        point = {
            "@type": "ContactPoint",
            "email": coordinator.email,
            "areaServed": coordinator.subregion.name,
        }
        if coordinator.phone:
            point["telephone"] = coordinator.phone
        people.append(
            {
                "@type": "ListItem",
                "position": number,
                "item": {
                    "@type": "Person",
                    "name": coordinator.name,
                    "jobTitle": str(coordinator._meta.verbose_name),
                    "worksFor": {
                        "@type": "Organization",
                        "name": coordinator.organisation.name,
                    },
                    "contactPoint": point,
                },
            }
        )
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "@id": url,
        "url": url,
        "name": name,
        "itemListElement": people,
    }
