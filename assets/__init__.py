"""Data files shipped with the kiosk (styles, icons, translations, demo catalog, logo).

``assets`` is a package only so its files can be found through importlib.resources, both in a
source checkout and when installed.
"""

from __future__ import annotations

import pathlib
from importlib import resources


def asset_path(*parts: str) -> pathlib.Path:
    """The path of a file under ``assets/``, e.g. ``asset_path("catalog", "demo-services.json")``.

    Assets are installed as plain files (never zipped), so the traversable is a real path.
    """
    resource = resources.files(__name__).joinpath(*parts)
    return pathlib.Path(str(resource))
