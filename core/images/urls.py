"""The protected images' renditions; the host mounts them outside the
language prefixes (``/bilder/``), like documents."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:image_id>/<str:filter_spec>/", views.serve, name="image_serve"),
]
