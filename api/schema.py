"""OpenAPI schema hooks: the published schema documents the hub's own API, /api/v1/, only."""


def only_hub_api_v1(endpoints):
    """drf-spectacular preprocessing hook: drop the admin's and Wagtail's internal DRF endpoints."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
