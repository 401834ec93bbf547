"""Builds the `shenzhen` wheel (metadata in pyproject.toml).

The package's Python files come from bindings/python/shenzhen; its extension
_shenzhen_c is built by the project's own CMake build (target shenzhen_python)
with SHZ_PYTHON_STATIC, which links libshenzhen in statically and gives the
module no RPATH, so that the wheel stands alone. The wheel carries the
`shenzhen` command too (target shenzhen_cli, with SHZ_COMMAND_STATIC), as a
script that pip installs into the environment's bin/, where `python -m
shenzhen` finds it. Environment:
  CMAKE                        the cmake to run (default: cmake on PATH)
  CMAKE_BUILD_PARALLEL_LEVEL   build jobs (default 2)
  SHZ_CMAKE_ARGS               more -D options for the configure step
"""

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The build_scripts that setup() runs: setuptools' own where it has one, else distutils'.
try:
    from setuptools.command.build_scripts import build_scripts
except ImportError:
    from distutils.command.build_scripts import build_scripts

HERE = os.path.dirname(os.path.abspath(__file__))
# Kept apart from the usual CMake build directory, `build/`.
BUILD_BASE = "build-wheel"
# Where build_ext leaves the command for build_scripts, which runs after it.
COMMAND = os.path.join(BUILD_BASE, "command", "shenzhen")


def project_version() -> str:
    """The one version number of the project: project(VERSION) in CMakeLists.txt."""
    with open(os.path.join(HERE, "CMakeLists.txt"), encoding="utf-8") as f:
        found = re.search(r"project\(\s*libshenzhen\s+VERSION\s+([0-9]+(?:\.[0-9]+)*)", f.read())
    if not found:
        raise RuntimeError("no project(libshenzhen VERSION …) in CMakeLists.txt")
    return found.group(1)


class CMakeBuild(build_ext):
    """Builds _shenzhen_c with CMake instead of compiling sources itself."""

    def build_extension(self, ext: Extension) -> None:
        cmake = os.environ.get("CMAKE", "cmake")
        build_dir = os.path.abspath(os.path.join(self.build_temp, "cmake"))
        configure = [
            cmake, "-S", HERE, "-B", build_dir,
            "-DCMAKE_BUILD_TYPE=Release",
            "-DBUILD_TESTING=OFF",
            "-DSHZ_WERROR=OFF",  # a newer compiler's new warning must not stop an install
            "-DSHZ_LUA=OFF",
            "-DSHZ_PYTHON_STATIC=ON",
            "-DSHZ_COMMAND_STATIC=ON",
            f"-DPython_EXECUTABLE={sys.executable}",
            *shlex.split(os.environ.get("SHZ_CMAKE_ARGS", "")),
        ]
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(configure, check=True)
        subprocess.run([cmake, "--build", build_dir, "--target", "shenzhen_python", "shenzhen_cli",
                        "-j", jobs], check=True)
        os.makedirs(os.path.dirname(os.path.join(HERE, COMMAND)), exist_ok=True)
        shutil.copy2(os.path.join(build_dir, "shenzhen"), os.path.join(HERE, COMMAND))
        package = os.path.join(build_dir, "bindings", "python", "shenzhen")
        built = glob.glob(os.path.join(package, "_shenzhen_c.*"))
        built = [path for path in built if not path.endswith(".pyi")]
        if len(built) != 1:
            raise RuntimeError(f"expected one built _shenzhen_c module, found {built}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)


class CopyCommand(build_scripts):
    """Copies the command as it is: it is an executable, not a Python script to adapt."""

    def run(self) -> None:
        self.mkpath(self.build_dir)
        for script in self.scripts:
            target = os.path.join(self.build_dir, os.path.basename(script))
            self.copy_file(script, target)
            os.chmod(target, 0o755)


os.makedirs(os.path.join(HERE, BUILD_BASE), exist_ok=True)
setup(
    version=project_version(),
    packages=["shenzhen"],
    package_dir={"shenzhen": "bindings/python/shenzhen"},
    package_data={"shenzhen": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("shenzhen._shenzhen_c", sources=[])],
    scripts=[COMMAND],
    cmdclass={"build_ext": CMakeBuild, "build_scripts": CopyCommand},
    options={"build": {"build_base": BUILD_BASE}, "egg_info": {"egg_base": BUILD_BASE}},
)
