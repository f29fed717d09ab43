# The Debian package of sinkguard, made by CPack's DEB generator:
# scripts/package.sh runs `cpack -G DEB` over the build directory and prints
# the path of sinkguard_<version>_<arch>.deb.
#
# The package installs under /usr what `cmake --install` installs (the four
# hosts, the plugin in /usr/lib/sinkguard, the docs in
# /usr/share/doc/sinkguard) and, added to CPack's staging tree by
# cmake/PackagingStage.cmake, what Debian asks of a package: the copyright
# file and changelog.gz in the docs directory and man pages generated with
# help2man from the staged binaries' own --help.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "sinkguard")
set(CPACK_PACKAGE_VENDOR "sinkguard developers")
# The version `sinkguard --version` prints (tool/report: SINKGUARD_VERSION).
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# A placeholder contact that belongs to no person and no host: the .invalid
# top-level domain never resolves (RFC 6761), and lintian accepts the form
# (a host with a dot).
set(CPACK_PACKAGE_CONTACT "sinkguard developers <sinkguard@sinkguard.invalid>")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${SINKGUARD_REPOSITORY_URL}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "security checker for C and C++ built on Clang")
# CPack puts the summary on the Description line and indents these lines;
# "." marks an empty line of the long description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"sinkguard finds where untrusted input can reach a shell, an index or an
allocation in C and C++ code: shell commands built from non-constant parts
and handed to system or popen (CWE-78), data from argv, getenv, standard
input, files and sockets flowing into command execution (CWE-78, CWE-88),
and integers read from untrusted input used as an index, an allocation size,
a copy length or a loop bound without a range check (CWE-129, CWE-789,
CWE-606), across files too.
.
This package holds the four hosts of the checks: the sinkguard driver for CI
(compile_commands.json in; text, JSON, SARIF or GitLab Code Quality out),
sinkguard-tidy (clang-tidy with the checks built in), sinkguard-clangd
(clangd with the checks built in, for editors) and a plugin for Debian's
clang-tidy 22 in /usr/lib/sinkguard.")

execute_process(COMMAND dpkg --print-architecture
  OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  # Not a Debian system: the package cannot be made here (package.sh says
  # so), but the configuration still succeeds.
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "unknown")
endif()
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")

# Depends: cmake/PackagingStage.cmake runs dpkg-shlibdeps (dpkg-dev) over
# the staged binaries, which maps the libraries they link to their packages,
# with versions: libclang-cpp22 and libllvm22 for every host, gRPC,
# protobuf, abseil, OpenSSL... for sinkguard-clangd, the C and C++ runtimes.
# It adds what dpkg-shlibdeps cannot see: clang-tidy-22, the host the plugin
# is loaded into, which also brings libclang-common-22-dev, the package of
# clang 22's resource directory (<stddef.h> and the other compiler headers,
# /usr/lib/llvm-22/lib/clang/22) that every host parses with
# (tool/common/ResourceDir.cpp). No -dev package is named in Depends.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
# The binaries and the plugin are stripped in the package.
set(CPACK_STRIP_FILES ON)

# Directories CPack creates in the staging tree: 0755, as lintian expects.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE
    GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# What the staging script needs (CPack passes every CPACK_ variable on).
set(CPACK_PRE_BUILD_SCRIPTS "${PROJECT_SOURCE_DIR}/cmake/PackagingStage.cmake")
set(CPACK_SINKGUARD_SOURCE_DIR "${PROJECT_SOURCE_DIR}")
set(CPACK_SINKGUARD_DOCDIR "${CMAKE_INSTALL_DOCDIR}")
set(CPACK_SINKGUARD_BINDIR "${CMAKE_INSTALL_BINDIR}")
set(CPACK_SINKGUARD_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
set(CPACK_SINKGUARD_MANDIR "${CMAKE_INSTALL_MANDIR}")
set(CPACK_SINKGUARD_LLVM_MAJOR "${LLVM_VERSION_MAJOR}")

include(CPack)
