"""`manage.py site_address HOST:PORT`: where the default site serves, so the absolute URLs the hub gives out work."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from embassies.services import site_address_set


class Command(BaseCommand):
    help = (
        "Set the default site's host and port (e.g. 127.0.0.1:8000 for runserver, embassy.example:443 behind TLS). "
        "Page URLs in the API, feeds, JSON-LD and sitemaps are built from it."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", help="HOST:PORT, or HOST for port 80")

    def handle(self, *args, address: str, **options):
        hostname, _, port = address.rpartition(":") if ":" in address else (address, "", "80")
        if not port.isdigit():
            raise CommandError(f"'{address}' is not HOST:PORT (the port must be a number)")
        try:
            site = site_address_set(hostname=hostname, port=int(port))
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"The default site serves at {site.root_url}/")
