"""`invoke deploy` and `invoke rollback`: a built site to a press office's own server or object storage.

settings.py reads the targets; files.py sorts the site's files into upload order and cache
classes; server.py switches releases on a server in one step; storage.py plans an upload to a
bucket; cli.py runs rsync, ssh and rclone and reports.
"""
