# The SWIG extension: the C API as flat functions (see shenzhen.i). Its names
# follow include/shenzhen.h; the package's public API is typed in __init__.pyi.
from typing import Any

def __getattr__(name: str) -> Any: ...
