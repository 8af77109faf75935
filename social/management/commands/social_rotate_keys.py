"""Re-encrypt every stored social token with the first key of HUB_SOCIAL_TOKEN_KEYS (after adding a new key)."""

from django.core.management.base import BaseCommand, CommandError

from social.services import UnreadableToken, rotate_token_keys


class Command(BaseCommand):
    help = "Re-encrypt every connected account's tokens with the first key of HUB_SOCIAL_TOKEN_KEYS."

    def handle(self, *args, **options):
        try:
            count = rotate_token_keys()  # one transaction of its own: all rewritten, or none
        except UnreadableToken as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Re-encrypted the tokens of {count} connection(s).")
