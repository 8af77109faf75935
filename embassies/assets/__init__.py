"""The network asset library: upload checks, duplicate detection, sharing and search for images and documents."""
