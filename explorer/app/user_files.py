"""The user's own files: the keymap they write, the choices the app remembers, where saves go.

Everything lives in one folder, ``$EXPLORER_CONFIG_DIR`` or the platform's config
folder for ``article-explorer`` (``~/.config/article-explorer`` on Linux).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import platformdirs

ENV_DIR = "EXPLORER_CONFIG_DIR"
KEYMAP_FILE = "keymap.toml"
CHOICES_FILE = "choices.json"


def config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    return Path(override) if override else Path(platformdirs.user_config_dir("article-explorer"))


def keymap_path() -> Path:
    return config_dir() / KEYMAP_FILE


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """Binding id -> keys from the keymap file, and one line per problem found in it.

    The file is TOML, one line a binding: ``"reader.search" = "ctrl+f"``; several
    keys are separated by commas (``"list.down" = "down,j,ctrl+n"``). A missing
    file is no keymap; a bad line is reported and the rest still applies. Ids
    no binding has are checked by the app, once every binding is imported.
    """
    path = path or keymap_path()
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [f"{path}: not read: {exc}"]
    import tomllib  # only when there is a file: every start would pay for it

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: not read: {exc}"]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {binding_id!r} needs keys as a string, like \"ctrl+f\"")
        else:
            keymap[binding_id] = keys.replace(" ", "")
    return keymap, problems


def load_choice(name: str) -> object:
    """A choice remembered from an earlier run, or ``None``."""
    try:
        data = json.loads((config_dir() / CHOICES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get(name) if isinstance(data, dict) else None


def save_choice(name: str, value: object) -> bool:
    """Remember ``value`` for the next run; a read-only folder just means it is not kept."""
    path = config_dir() / CHOICES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[name] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    except OSError:
        return False
    return True


def save_folder() -> Path:
    """Where screenshots and exports go: Downloads if it exists, else here, else the temp folder."""
    for folder in (platformdirs.user_downloads_path(), Path.cwd()):
        if folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    return Path(tempfile.gettempdir())
