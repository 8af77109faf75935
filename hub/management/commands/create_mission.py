"""manage.py create_mission: create and provision a mission from the command line."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hub.models import MissionKind, Region
from hub.services import ProvisioningError, mission_create


def _pairs(values: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key or not rest:
            raise CommandError(f"{option} expects LANGUAGE=NAME, got {value!r}.")
        pairs[key] = rest
    return pairs


class Command(BaseCommand):
    help = "Create a mission and provision its pages, collection and staff groups."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Permanent identifier, e.g. hanoi")
        parser.add_argument("--name", required=True, help="Official name, e.g. 'Embassy in Hanoi'")
        parser.add_argument("--kind", default=MissionKind.EMBASSY, choices=MissionKind.values)
        parser.add_argument("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. VN")
        parser.add_argument("--city", required=True)
        parser.add_argument("--region", required=True, help="Region slug, e.g. asia-pacific")
        parser.add_argument("--timezone", required=True, help="IANA time zone, e.g. Asia/Ho_Chi_Minh")
        parser.add_argument("--locale", required=True, dest="default_language_code", help="Default locale, e.g. vi")
        parser.add_argument(
            "--extra-locales", default="", help="Comma-separated further locales, e.g. en,fr"
        )
        parser.add_argument(
            "--localised-name", action="append", default=[], metavar="LANG=NAME",
            help="The mission's name in a language; repeat per language.",
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--website", default="")

    def handle(self, *args, **options):
        try:
            region = Region.objects.get(slug=options["region"])
        except Region.DoesNotExist:
            known = ", ".join(Region.objects.values_list("slug", flat=True))
            raise CommandError(f"Unknown region {options['region']!r}; known regions: {known}.") from None
        try:
            mission, report = mission_create(
                slug=options["slug"],
                name=options["name"],
                kind=options["kind"],
                country=options["country"],
                city=options["city"],
                region=region,
                timezone=options["timezone"],
                default_language_code=options["default_language_code"],
                extra_language_codes=[code.strip() for code in options["extra_locales"].split(",") if code.strip()],
                names=_pairs(options["localised_name"], "--localised-name"),
                email=options["email"],
                phone=options["phone"],
                website=options["website"],
            )
        except ValidationError as error:
            lines = [f"  {field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
            raise CommandError("The mission was not created:\n" + "\n".join(lines)) from None
        except ProvisioningError as error:
            raise CommandError(f"The mission was not created: {error}") from None

        self.stdout.write(self.style.SUCCESS(f"Created {mission.name} ({mission.slug})."))
        for line in report.created:
            self.stdout.write(f"  + {line}")
