"""`ccw pull`: read the vendors' APIs and land every response body through the file loader.

Each response body is written, as received, to a file under the landing folder (by default
`landing/<source_system>/<run id>/`) and loaded by the same code as `ccw load`: content hashes
skip what landed before, the manifest lists every file, and bodies that are not the vendor's shape
are rejected by name. A pull is therefore auditable (the files stay), replayable (`ccw load` the
folder), and pulling overlapping data again never duplicates a record.
"""
