"""The HSDS API's URLs; the host mounts them at ``api/hsds/``, outside the
language prefix (a machine endpoint: other systems keep its URLs)."""

from django.urls import path

from . import hsds_views

app_name = "hsds"

urlpatterns = [
    path("", hsds_views.root, name="root"),
    path("services", hsds_views.service_list, name="service_list"),
    path("services/<str:id>", hsds_views.service_detail, name="service_detail"),
    path("organizations", hsds_views.organization_list, name="organization_list"),
    path(
        "organizations/<str:id>",
        hsds_views.organization_detail,
        name="organization_detail",
    ),
    path(
        "service_at_locations",
        hsds_views.service_at_location_list,
        name="service_at_location_list",
    ),
    path(
        "service_at_locations/<str:id>",
        hsds_views.service_at_location_detail,
        name="service_at_location_detail",
    ),
    path("taxonomies", hsds_views.taxonomy_list, name="taxonomy_list"),
    path("taxonomies/<str:id>", hsds_views.taxonomy_detail, name="taxonomy_detail"),
    path("taxonomy_terms", hsds_views.taxonomy_term_list, name="taxonomy_term_list"),
    path(
        "taxonomy_terms/<str:id>",
        hsds_views.taxonomy_term_detail,
        name="taxonomy_term_detail",
    ),
]
