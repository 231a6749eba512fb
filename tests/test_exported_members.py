"""Each block's public names are exactly its ``__all__`` (as httpx checks its own)."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import cultuurhub

PACKAGES = sorted(
    info.name for info in pkgutil.iter_modules(cultuurhub.__path__, "cultuurhub.") if info.ispkg
)


def _public_names(module: ModuleType) -> set[str]:
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, ModuleType)
        and name not in {"annotations"}
    }


@pytest.mark.parametrize("package", PACKAGES)
def test_public_names_equal_all(package: str) -> None:
    module = importlib.import_module(package)
    exported = set(getattr(module, "__all__", []))
    assert exported == _public_names(module)
    for name in exported:
        assert hasattr(module, name), f"{package}.__all__ names {name}, which does not exist"
