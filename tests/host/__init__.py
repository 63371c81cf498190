"""A bare Wagtail site that installs the platform's apps as plugins (no ``website``).

``tests/test_plugin_host.py`` migrates it in a database of its own and requests
its pages in another process; docs/plugins.md describes the same wiring.
"""
