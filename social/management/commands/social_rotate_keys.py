"""Re-encrypt every stored social token with the first key of HUB_SOCIAL_TOKEN_KEYS (after adding a new key)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from social.services import rotate_token_keys


class Command(BaseCommand):
    help = "Re-encrypt every connected account's tokens with the first key of HUB_SOCIAL_TOKEN_KEYS."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rotate_token_keys()
        self.stdout.write(f"Re-encrypted the tokens of {count} connection(s).")
