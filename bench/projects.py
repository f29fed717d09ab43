#!/usr/bin/env python3
"""The real C and C++ projects of the benchmarks (bench/compare.py, bench/snapshot.py,
bench/bench.py): each is fetched at run time from Debian's archive (`apt-get
download` of a `*-source` package) or the npm registry (`npm pack` of a
package that carries C sources), unpacked into a cache directory (never
committed) and given a compilation database there. `<name>_input(cache)`
returns the directory of that database; a second call reuses what the first
unpacked and generated. A download or set-up that fails raises
RuntimeError with what failed.

  sqlite   SQLite's amalgamation (npm better-sqlite3): one unit;
  bluez    BlueZ (Debian bluez-source): libbluetooth, src/shared and btmon,
           the files that parse without glib, D-Bus or ell headers;
  ovs      Open vSwitch (Debian openvswitch-source): lib (with lib/lldp),
           ofproto, ovsdb, utilities and vswitchd as a Linux build without
           DPDK, AF_XDP, OpenSSL or unbound compiles them, with a
           hand-written config.h (OVS_CONFIG_H) and the headers the build
           generates (sed and the tree's own Python scripts); ten programs
           (ovs-vswitchd, ovsdb-server, ovsdb-client, ovsdb-tool, ovs-vsctl,
           ovs-ofctl, ovs-dpctl, ovs-appctl, ovs-testcontroller, nlmon);
  expat    Expat 2.2.1 (npm node-expat 2.4.1, deps/libexpat, with its
           expat_config.h): the library and the programs xmlwf, the two
           examples, the test runner and the benchmark (not runtestspp.cpp,
           which includes runtests.c again as C++);
  hiredis  hiredis 0.12 (npm hiredis 0.5.0, deps/hiredis): the library,
           examples/example.c and test.c (the other examples need libevent,
           libev, glib, libuv or Redis's ae), compiled -std=c99 as its
           Makefile compiles the library.
  leveldb  LevelDB 1.20 (npm leveldown 6.1.1, deps/leveldb/leveldb-1.20):
           C++; every .cc but the tests, benchmarks, helpers and the
           Windows port, as a POSIX build (-DLEVELDB_PLATFORM_POSIX).
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tarfile

LLVM = "/usr/lib/llvm-22/bin"
CLANG = os.path.join(LLVM, "clang")


def write_db(dbdir, entries):
    os.makedirs(dbdir, exist_ok=True)
    with open(os.path.join(dbdir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


def fetch(cmd, cwd, what, env=None):
    tool = shutil.which(cmd[0])
    if not tool:
        raise RuntimeError("%s not found (needed for %s)" % (cmd[0], what))
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=600,
                       env=env)
    if r.returncode != 0:
        raise RuntimeError("`%s` failed: %s" % (" ".join(cmd),
                                                r.stdout.strip()[-300:]))
    return r.stdout


def extract(tar, dest, members=None):
    """Unpacks a downloaded tarball, refusing members that would land
    outside dest where Python can check that (tarfile's data filter)."""
    with tarfile.open(tar) as t:
        if members is not None:
            members = [m for m in t.getmembers() if members(m.name)]
        if hasattr(tarfile, "data_filter"):
            t.extractall(dest, members=members, filter="data")
        else:
            t.extractall(dest, members=members)


def npm_package(top, spec, prefix, what):
    """Unpacks the files under `prefix` (e.g. "package/deps/x/") of the npm
    package `spec` ("name" or "name@version") into top, once."""
    if os.path.isdir(os.path.join(top, prefix)):
        return
    os.makedirs(top, exist_ok=True)
    name = spec.rsplit("@", 1)[0] if spec.rfind("@") > 0 else spec
    pattern = os.path.join(top, name + "-*.tgz")
    if not glob.glob(pattern):
        fetch(["npm", "pack", spec, "--loglevel=error"], top, what)
    tgz = glob.glob(pattern)
    if not tgz:
        raise RuntimeError("npm pack gave no %s-*.tgz" % name)
    extract(tgz[0], top, lambda n: n.startswith(prefix))
    if not os.path.isdir(os.path.join(top, prefix)):
        raise RuntimeError("%s has no %s" % (tgz[0], prefix))


def debian_source(top, package, tarballs, srcdir, what):
    """Unpacks the tarball (glob `tarballs`, relative to the package's
    files) of the Debian package `package` into top/src, once; returns
    top/src/srcdir, the directory the tarball must hold."""
    srcroot = os.path.join(top, "src", srcdir)
    if os.path.isdir(srcroot):
        return srcroot
    os.makedirs(top, exist_ok=True)
    if not glob.glob(os.path.join(top, package + "_*.deb")):
        fetch(["apt-get", "download", package], top, what)
    deb = glob.glob(os.path.join(top, package + "_*.deb"))
    if not deb:
        raise RuntimeError("apt-get download gave no %s_*.deb" % package)
    fetch(["dpkg-deb", "-x", deb[0], os.path.join(top, "deb")], top, what)
    tars = glob.glob(os.path.join(top, "deb", tarballs))
    if not tars:
        raise RuntimeError("%s has no /%s" % (package, tarballs))
    os.makedirs(os.path.join(top, "src"), exist_ok=True)
    extract(tars[0], os.path.join(top, "src"))
    if not os.path.isdir(srcroot):
        raise RuntimeError("%s has no %s/ directory" % (tars[0], srcdir))
    return srcroot


def parsing_files(top, srcroot, candidates, flags, clang):
    """The files of `candidates` (relative to srcroot) that clang parses
    with `flags`, found once and kept in top/parses.txt."""
    listing = os.path.join(top, "parses.txt")
    if not os.path.exists(listing):
        files = []
        for rel in candidates:
            r = subprocess.run([clang, "-fsyntax-only", "-w"] + flags + [rel],
                               cwd=srcroot, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            if r.returncode == 0:
                files.append(rel)
        with open(listing, "w") as f:
            f.write("".join(x + "\n" for x in files))
    files = open(listing).read().split()
    if not files:
        raise RuntimeError("no file of %s parses" % srcroot)
    return files


def units_db(db, srcroot, files, flags):
    write_db(db, [{"directory": srcroot, "file": f,
                   "arguments": ["c++" if f.endswith((".cpp", ".cc"))
                                 else "cc"] +
                                flags + ["-c", f, "-o", f + ".o"]}
                  for f in files])
    return db


# --- SQLite --------------------------------------------------------------

def sqlite_input(cache):
    """SQLite's amalgamation, from the npm package better-sqlite3."""
    top = os.path.join(cache, "sqlite")
    src = os.path.join(top, "package", "deps", "sqlite3", "sqlite3.c")
    if not os.path.exists(src):
        npm_package(top, "better-sqlite3", "package/deps/sqlite3/",
                    "the SQLite amalgamation")
        if not os.path.exists(src):
            raise RuntimeError("better-sqlite3 has no deps/sqlite3/sqlite3.c")
    srcdir = os.path.dirname(src)
    db = os.path.join(top, "build")
    write_db(db, [{"directory": srcdir, "file": "sqlite3.c",
                   "arguments": ["cc", "-c", "sqlite3.c", "-o",
                                 "sqlite3.o"]}])
    return db


# --- BlueZ ---------------------------------------------------------------

BLUEZ_DIRS = ("lib", "src/shared", "monitor")
BLUEZ_FLAGS = ["-DHAVE_CONFIG_H", "-I.", "-Ilib"]


def bluez_input(cache, clang=CLANG):
    """BlueZ from the Debian package bluez-source: the .c files of
    BLUEZ_DIRS that parse with the package's config.h and no glib, D-Bus or
    ell headers."""
    top = os.path.join(cache, "bluez")
    srcroot = debian_source(top, "bluez-source", "usr/src/bluez.tar.*",
                            "bluez-source", "the BlueZ sources")
    candidates = [os.path.relpath(f, srcroot) for d in BLUEZ_DIRS
                  for f in sorted(glob.glob(os.path.join(srcroot, d,
                                                         "*.c")))]
    files = parsing_files(top, srcroot, candidates, BLUEZ_FLAGS, clang)
    return units_db(os.path.join(top, "build"), srcroot, files, BLUEZ_FLAGS)


# --- Open vSwitch --------------------------------------------------------

OVS_DIRS = ("lib", "lib/lldp", "ofproto", "ovsdb", "utilities", "vswitchd")
OVS_FLAGS = ["-I.", "-Iinclude", "-Ilib"]
# Files of OVS_DIRS that parse but that a Linux build without DPDK, AF_XDP,
# OpenSSL or AVX512 does not compile (lib/automake.mk): Windows-only
# replacements, the stubs of what Linux has, the no-AIO fallback, the
# OpenSSL and AVX512 sources. The other left-out files do not parse
# (Windows, BSD, DPDK, AF_XDP, unbound headers).
OVS_NOT_BUILT = {
    "lib/getopt_long.c", "lib/strsep.c", "lib/route-table-stub.c",
    "lib/if-notifier-stub.c", "lib/async-append-null.c", "lib/dhparams.c",
    "lib/dpif-netdev-avx512.c", "lib/dpif-netdev-extract-avx512.c",
    "lib/dpif-netdev-lookup-avx512-gather.c", "lib/odp-execute-avx512.c",
}
# What configure would find on Debian 12 for the build above (it defines
# _GNU_SOURCE too, as AC_USE_SYSTEM_EXTENSIONS does).
OVS_CONFIG_H = """\
/* Written by bench/projects.py: a Linux/glibc build of Open vSwitch without
   DPDK, AF_XDP, OpenSSL, libcap-ng or unbound. */
#define PACKAGE "openvswitch"
#define PACKAGE_NAME "openvswitch"
#define PACKAGE_TARNAME "openvswitch"
#define PACKAGE_VERSION "3.1.0"
#define PACKAGE_STRING "openvswitch 3.1.0"
#define PACKAGE_BUGREPORT "bugs@openvswitch.org"
#define VERSION "3.1.0"
#define STDC_HEADERS 1
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#define HAVE_STDATOMIC_H 1
#define HAVE_THREAD_LOCAL 1
#define HAVE___THREAD 1
#define HAVE_NETLINK 1
#define HAVE_NLA_BITFIELD32 1
#define HAVE_CLOCK_GETTIME 1
#define HAVE_STRNLEN 1
#define HAVE_STRUCT_TIMESPEC 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_LINUX_TYPES_H 1
#define HAVE_LINUX_IF_ETHER_H 1
#define HAVE_MNTENT_H 1
#define HAVE_GETMNTENT_R 1
#define HAVE_STATVFS 1
#define HAVE_SYS_STATVFS_H 1
#define HAVE_POSIX_MEMALIGN 1
#define HAVE_GLIBC_PTHREAD_SETNAME_NP 1
#define HAVE_PTHREAD_SPIN_LOCK 1
#define HAVE_SENDMMSG 1
#define HAVE_STRUCT_MMSGHDR_MSG_LEN 1
#define HAVE_STRUCT_STAT_ST_MTIM_TV_NSEC 1
#define HAVE_STRUCT_SOCKADDR_IN6_SIN6_SCOPE_ID 1
#define HAVE_DECL_STRERROR_R 1
#define HAVE_STRERROR_R 1
#define STRERROR_R_CHAR_P 1
#define HAVE_MLOCKALL 1
#define HAVE_GETLOADAVG 1
#define HAVE_PRAGMA_MESSAGE 1
"""


def ovs_generate(srcroot):
    """Writes config.h and the headers OVS's build generates (as an
    in-tree build does), each once, through a temporary file so that a
    failed step leaves nothing half-written."""
    env = dict(os.environ, PYTHONPATH=os.path.join(srcroot, "python"))
    py = sys.executable
    idlc = [py, "ovsdb/ovsdb-idlc.in"]
    steps = [
        ("include/odp-netlink.h",
         ["sed", "-f", "build-aux/extract-odp-netlink-h",
          "include/linux/openvswitch.h"]),
        ("include/odp-netlink-macros.h",
         ["sh", "-f", "build-aux/extract-odp-netlink-macros-h",
          "include/odp-netlink.h"]),
        ("lib/meta-flow.inc", [py, "build-aux/extract-ofp-fields",
                               "meta-flow",
                               "include/openvswitch/meta-flow.h"]),
        ("lib/nx-match.inc", [py, "build-aux/extract-ofp-fields", "nx-match",
                              "include/openvswitch/meta-flow.h"]),
        ("lib/ofp-actions.inc1", [py, "build-aux/extract-ofp-actions",
                                  "prototypes", "lib/ofp-actions.c"]),
        ("lib/ofp-actions.inc2", [py, "build-aux/extract-ofp-actions",
                                  "definitions", "lib/ofp-actions.c"]),
        ("lib/ofp-errors.inc", [py, "build-aux/extract-ofp-errors",
                                "include/openvswitch/ofp-errors.h",
                                "include/openflow/openflow-common.h"]),
        ("lib/ofp-msgs.inc", [py, "build-aux/extract-ofp-msgs",
                              "include/openvswitch/ofp-msgs.h",
                              "lib/ofp-msgs.inc"]),
        ("ovsdb/_server.ovsschema.inc",
         [py, "build-aux/text2c", "<ovsdb/_server.ovsschema"]),
        ("lib/vswitch-idl.ovsidl", idlc + ["annotate",
                                           "vswitchd/vswitch.ovsschema",
                                           "lib/vswitch-idl.ann"]),
        ("lib/vswitch-idl.h", idlc + ["c-idl-header",
                                      "lib/vswitch-idl.ovsidl"]),
        ("lib/ovsdb-server-idl.ovsidl", idlc + ["annotate",
                                                "ovsdb/_server.ovsschema",
                                                "lib/ovsdb-server-idl.ann"]),
        ("lib/ovsdb-server-idl.h", idlc + ["c-idl-header",
                                           "lib/ovsdb-server-idl.ovsidl"]),
    ]
    config = os.path.join(srcroot, "config.h")
    if not os.path.exists(config):
        with open(config + ".tmp", "w") as f:
            f.write(OVS_CONFIG_H)
        os.replace(config + ".tmp", config)
    for out, cmd in steps:
        path = os.path.join(srcroot, out)
        if os.path.exists(path):
            continue
        stdin = None
        if cmd[-1].startswith("<"):   # text2c reads standard input
            stdin = open(os.path.join(srcroot, cmd[-1][1:])).read()
            cmd = cmd[:-1]
        r = subprocess.run(cmd, cwd=srcroot, input=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, env=env)
        if r.returncode != 0:
            raise RuntimeError("generating %s failed: %s" % (
                out, r.stderr.strip()[-300:]))
        with open(path + ".tmp", "w") as f:
            f.write(r.stdout)
        os.replace(path + ".tmp", path)


def ovs_input(cache, clang=CLANG):
    """Open vSwitch from the Debian package openvswitch-source (see the
    module's docstring for the files)."""
    top = os.path.join(cache, "ovs")
    srcroot = debian_source(top, "openvswitch-source",
                            "usr/src/openvswitch/openvswitch.tar.*",
                            "openvswitch", "the Open vSwitch sources")
    ovs_generate(srcroot)
    candidates = [os.path.relpath(f, srcroot) for d in OVS_DIRS
                  for f in sorted(glob.glob(os.path.join(srcroot, d, "*.c")))]
    candidates = [f for f in candidates if f not in OVS_NOT_BUILT]
    files = parsing_files(top, srcroot, candidates, OVS_FLAGS, clang)
    return units_db(os.path.join(top, "build"), srcroot, files, OVS_FLAGS)


# --- npm packages with C sources ---------------------------------------

EXPAT_FILES = (
    "lib/xmlparse.c", "lib/xmltok.c", "lib/xmlrole.c",
    "xmlwf/xmlwf.c", "xmlwf/xmlfile.c", "xmlwf/codepage.c",
    "xmlwf/unixfilemap.c",
    "examples/elements.c", "examples/outline.c",
    "tests/runtests.c", "tests/chardata.c", "tests/minicheck.c",
    "tests/memcheck.c", "tests/benchmark/benchmark.c",
)
HIREDIS_FILES = ("net.c", "hiredis.c", "sds.c", "async.c", "read.c",
                 "examples/example.c", "test.c")


def npm_c_input(cache, name, spec, subdir, files, flags):
    """The units `files` of the C sources under package/`subdir` of the npm
    package `spec`, compiled with `flags` in that directory."""
    top = os.path.join(cache, name)
    prefix = "package/%s/" % subdir
    npm_package(top, spec, prefix, "the %s sources" % name)
    srcroot = os.path.join(top, prefix)
    missing = [f for f in files if not os.path.exists(os.path.join(srcroot,
                                                                   f))]
    if missing:
        raise RuntimeError("%s has no %s" % (spec, ", ".join(missing)))
    return units_db(os.path.join(top, "build"), os.path.normpath(srcroot),
                    list(files), flags)


def expat_input(cache):
    """Expat 2.2.1 from the npm package node-expat 2.4.1."""
    return npm_c_input(cache, "expat", "node-expat@2.4.1", "deps/libexpat",
                       EXPAT_FILES, ["-DHAVE_EXPAT_CONFIG_H", "-I.", "-Ilib"])


def hiredis_input(cache):
    """hiredis 0.12 from the npm package hiredis 0.5.0."""
    return npm_c_input(cache, "hiredis", "hiredis@0.5.0", "deps/hiredis",
                       HIREDIS_FILES, ["-std=c99", "-I."])


def leveldb_input(cache):
    """LevelDB 1.20 (C++) from the npm package leveldown 6.1.1."""
    top = os.path.join(cache, "leveldb")
    prefix = "package/deps/leveldb/leveldb-1.20/"
    npm_package(top, "leveldown@6.1.1", prefix, "the LevelDB sources")
    srcroot = os.path.normpath(os.path.join(top, prefix))
    files = sorted(
        os.path.relpath(f, srcroot)
        for f in glob.glob(os.path.join(srcroot, "**", "*.cc"), recursive=True)
        if not any(skip in os.path.relpath(f, srcroot)
                   for skip in ("test", "bench", "helpers", "win")))
    if not files:
        raise RuntimeError("leveldown@6.1.1 has no LevelDB sources")
    return units_db(os.path.join(top, "build"), srcroot, files,
                    ["-std=c++11", "-DLEVELDB_PLATFORM_POSIX", "-DOS_LINUX",
                     "-I.", "-Iinclude"])


# (name, label, make(cache) -> compile-database directory), in the order the
# benchmarks run them.
REAL = [
    ("sqlite", "SQLite amalgamation (better-sqlite3)", sqlite_input),
    ("bluez", "BlueZ 5.66 lib, src/shared, monitor", bluez_input),
    ("ovs", "Open vSwitch 3.1 lib, ofproto, ovsdb, utilities, vswitchd",
     ovs_input),
    ("expat", "Expat 2.2.1 lib, xmlwf, examples, tests (node-expat)",
     expat_input),
    ("hiredis", "hiredis 0.12 library, example, test (npm hiredis)",
     hiredis_input),
    ("leveldb", "LevelDB 1.20, C++ (npm leveldown)", leveldb_input),
]
