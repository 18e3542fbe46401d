"""Which input method Qt will use, read from an environment the way Qt reads it.

The on-screen keyboard is Qt Virtual Keyboard's input method (``qtvirtualkeyboard``), inside
the kiosk's own window: the kiosk's process draws it and types with it, whatever the
compositor (cage has no input-method protocol and needs none for this). ``ui.keyboard``
chooses it before Qt starts; ``kiosk doctor`` checks that nothing in the kiosk's environment
chooses another. Plain Python: the doctor runs without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping

KEYBOARD_MODULE = "qtvirtualkeyboard"


def requested_input_methods(environ: Mapping[str, str]) -> list[str]:
    """The input methods Qt tries, in order (qtbase ``QPlatformInputContextFactory::requested``
    since Qt 6.7): ``QT_IM_MODULES`` (``;``-separated) wins over ``QT_IM_MODULE``."""
    listed = [name for name in environ.get("QT_IM_MODULES", "").split(";") if name]
    if listed:
        return listed
    single = environ.get("QT_IM_MODULE", "")
    return [single] if single else []


def keyboard_requested(environ: Mapping[str, str]) -> bool:
    """Whether Qt tries the on-screen keyboard at all. (It takes the first module that loads:
    whether the keyboard's did, only the running kiosk knows.)"""
    return any(
        name.split(":", 1)[0].lower() == KEYBOARD_MODULE
        for name in requested_input_methods(environ)
    )


def on_wayland(environ: Mapping[str, str]) -> bool:
    """Whether Qt will start on its Wayland platform (as under the kiosk's unit, in cage)."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith("wayland")
    return bool(environ.get("WAYLAND_DISPLAY")) and environ.get("XDG_SESSION_TYPE") == "wayland"
