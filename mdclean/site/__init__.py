"""Site profiles: what a site repeats on its pages (its template), learned from all its files.

``blocks`` cuts a text into blocks and folds them to digests, ``profile`` counts the
digests over a site and keeps those that recur, ``roots`` says which site a file
belongs to, ``learning`` ties them to a run (with a cache) and hands each file's
Config its site's template.
"""
