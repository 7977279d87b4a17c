"""Front matter: where the block is (``block``), how it loads (``yamlload``, ``simple``), and how a
broken one is repaired (``repair``). Import the module you need: the package itself imports
nothing, so reading the date settings does not load the Markdown parser."""
