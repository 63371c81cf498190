from django.core.management.base import BaseCommand
from django.db import transaction

from core.geography.models import County, Municipality, SubRegion
from core.geography.reference import load_centres, load_reference, load_subregions


class Command(BaseCommand):
    help = (
        "Load counties, municipalities, their centres and the shipped "
        "sub-regions (idempotent)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        counties, municipalities = load_reference(County, Municipality)
        created = load_subregions(County, SubRegion, Municipality)
        centres = load_centres(Municipality)
        self.stdout.write(
            f"{counties} counties, {municipalities} municipalities, "
            f"{created} sub-regions created, {centres} centres set."
        )
