"""What the plugins share; not a plugin. `errors` is how a plugin stops a build, `settings` how it
checks its settings at start-up, `pelican_api` every use of Pelican's private parts, in one place."""
