"""Pressroom's Pelican plugins, one package per concern (listed in pelicanconf.py as `plugins.<name>`);
`plugins.core` holds what they share and is not a plugin itself."""
