"""The presentation of content: the one place that turns pages, bodies, images and documents into the JSON
shapes the API, feeds, webhooks, social payloads and the reference site share. Nothing here knows about DRF."""
