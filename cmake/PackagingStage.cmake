# Run by CPack (CPACK_PRE_BUILD_SCRIPTS, cmake/Packaging.cmake) after it has
# installed sinkguard into its staging tree and before it makes the .deb:
# adds what a Debian package needs besides the installed files, and works
# out the package's dependencies.
#
#  - the binaries lose the RUNPATH the build gives them
#    (/usr/lib/llvm-22/lib): Debian's libclang-cpp22 and libllvm22 put the
#    libraries in the system's library directory, and lintian rejects a
#    custom search path;
#  - man pages for sinkguard, sinkguard-tidy and sinkguard-clangd, made by
#    help2man from the staged binaries' own --help (and --version for
#    sinkguard; the other two print LLVM's version, so their pages take the
#    package's);
#  - the copyright file and the changelog (packaging/), compressed as Debian
#    wants: changelog.gz, the name lintian asks for in a native package (the
#    version has no Debian revision: it is what `sinkguard --version`
#    prints);
#  - Depends: dpkg-shlibdeps over the staged ELF files, plus clang-tidy-22.
#    (CPack's own CPACK_DEBIAN_PACKAGE_SHLIBDEPS would do the same but also
#    add ldconfig calls to postinst/postrm, because the plugin is a shared
#    object under /usr/lib; it is a plugin in a private directory, not a
#    library for the dynamic linker.) Variables set here are seen by CPack's
#    DEB generator, which runs after this script.

# Only the .deb (cpack -G DEB) needs this; other generators get the install.
if(NOT CPACK_GENERATOR STREQUAL "DEB")
  return()
endif()

set(prefix "${CPACK_TEMPORARY_INSTALL_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}")
set(bindir "${prefix}/${CPACK_SINKGUARD_BINDIR}")
set(docdir "${prefix}/${CPACK_SINKGUARD_DOCDIR}")
set(man1dir "${prefix}/${CPACK_SINKGUARD_MANDIR}/man1")
set(source "${CPACK_SINKGUARD_SOURCE_DIR}")
set(work "${CPACK_TOPLEVEL_DIRECTORY}/sinkguard-stage")
set(version "${CPACK_PACKAGE_VERSION}")
set(major "${CPACK_SINKGUARD_LLVM_MAJOR}")

function(require_program var name package)
  find_program(${var} ${name})
  if(NOT ${var})
    message(FATAL_ERROR
      "sinkguard package: ${name} not found; install the Debian package "
      "${package} (scripts/install-deps.sh installs it).")
  endif()
endfunction()
require_program(SINKGUARD_HELP2MAN help2man help2man)
require_program(SINKGUARD_GZIP gzip gzip)
require_program(SINKGUARD_SHLIBDEPS dpkg-shlibdeps dpkg-dev)

# run(<what> COMMAND ...): runs the command, fails the packaging with its
# output when it fails; its standard output ends up in run_output.
function(run what)
  execute_process(${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "sinkguard package: ${what} failed (${rc}):\n${out}${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

# gzip -9n: no name, no time stamp, as lintian wants.
function(gzip_into input output)
  run("gzip ${input}" COMMAND "${SINKGUARD_GZIP}" -9nc "${input}"
      OUTPUT_FILE "${output}")
  file(CHMOD "${output}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
endfunction()

file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}" "${man1dir}")

set(hosts sinkguard sinkguard-tidy sinkguard-clangd)
set(elf_files)
foreach(host IN LISTS hosts)
  if(NOT EXISTS "${bindir}/${host}")
    message(FATAL_ERROR "sinkguard package: ${bindir}/${host} was not installed")
  endif()
  file(RPATH_REMOVE FILE "${bindir}/${host}")
  list(APPEND elf_files "${bindir}/${host}")
endforeach()
file(GLOB plugins "${prefix}/${CPACK_SINKGUARD_LIBDIR}/sinkguard/*.so")
list(APPEND elf_files ${plugins})

# Man pages. help2man runs the staged binaries, which now find their
# libraries where the installed package will.
file(WRITE "${work}/see-also.h2m" "[SEE ALSO]
.BR sinkguard (1),
.BR sinkguard-tidy (1),
.BR sinkguard-clangd (1),
.BR clang-tidy-${major} (1),
.BR clangd-${major} (1).
.PP
The checks, the model file, CI and editor setup are documented in
.I /usr/share/doc/sinkguard/
(README.md, index.md, ci.md, ide.md, model.md).
")
set(name_sinkguard
    "find untrusted input reaching shells, indexes and allocations in C and C++")
set(name_sinkguard-tidy "clang-tidy ${major} with the sinkguard checks built in")
set(name_sinkguard-clangd
    "clangd ${major} with the sinkguard checks built in, for editors")
# help2man reads GNU-style option lists ("  --opt  text"); LLVM's --help
# writes "  --opt   - text", which it does not take for an option. The
# binaries run through a wrapper of their name that turns the "- " of those
# lines into spaces, keeping the columns (continuation lines line up).
file(MAKE_DIRECTORY "${work}/wrap")
foreach(host IN LISTS hosts)
  file(WRITE "${work}/wrap/${host}" "#!/bin/bash
set -o pipefail
'${bindir}/${host}' \"$@\" | sed -E 's/^( {1,10}-([^ ]| [^ ])*)( {2,})- /\\1\\3  /'
")
  file(CHMOD "${work}/wrap/${host}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
endforeach()
foreach(host IN LISTS hosts)
  set(version_option)
  if(NOT host STREQUAL "sinkguard")
    set(version_option "--version-string=${version}")
  endif()
  run("help2man ${host}"
      COMMAND "${SINKGUARD_HELP2MAN}" --no-info --section=1
              "--name=${name_${host}}" "--source=sinkguard ${version}"
              "--manual=sinkguard" "--include=${work}/see-also.h2m"
              ${version_option} "--output=${work}/${host}.1"
              "${work}/wrap/${host}")
  gzip_into("${work}/${host}.1" "${man1dir}/${host}.1.gz")
endforeach()

# The copyright file and the changelog, whose newest entry must be this
# version.
file(STRINGS "${source}/packaging/changelog" first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^sinkguard \\(([^)]+)\\) ")
  message(FATAL_ERROR "sinkguard package: packaging/changelog does not start with an entry: ${first_line}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL version)
  message(FATAL_ERROR
    "sinkguard package: the newest entry of packaging/changelog is for "
    "${CMAKE_MATCH_1}, the package is ${version}: add an entry for ${version}.")
endif()
file(MAKE_DIRECTORY "${docdir}")
file(COPY "${source}/packaging/copyright" DESTINATION "${docdir}"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
gzip_into("${source}/packaging/changelog" "${docdir}/changelog.gz")

# Depends. dpkg-shlibdeps wants a debian/control in its working directory,
# which must not be in the staging tree (it would be packaged).
file(MAKE_DIRECTORY "${work}/shlibdeps/debian")
file(WRITE "${work}/shlibdeps/debian/control" "")
run("dpkg-shlibdeps"
    COMMAND "${SINKGUARD_SHLIBDEPS}" -O ${elf_files}
    WORKING_DIRECTORY "${work}/shlibdeps")
string(STRIP "${run_output}" shlibs)
if(NOT shlibs MATCHES "^shlibs:Depends=(.+)$")
  message(FATAL_ERROR "sinkguard package: unexpected dpkg-shlibdeps output: ${shlibs}")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${CMAKE_MATCH_1}, clang-tidy-${major}")
message(STATUS "sinkguard package: Depends: ${CPACK_DEBIAN_PACKAGE_DEPENDS}")
file(REMOVE_RECURSE "${work}")
