"""Search over the network asset library: images and documents, engine or database."""
