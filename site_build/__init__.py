"""The site generator: MkDocs integration, calculator forms, runtime bundling and content checks.

Run it as ``python -m site_build build|serve``. Nothing here is needed in the reader's browser;
the browser gets the ``calculators`` wheel, the Pyodide runtime and the small ES modules in
``site_build/assets/``.
"""
