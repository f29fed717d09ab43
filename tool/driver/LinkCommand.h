//===--- LinkCommand.h - sinkguard link -------------------------*- C++ -*-===//
//
// Rebuilds the report of a whole program from the summary stores (Store.h)
// that its scans left, e.g. one per CI shard: every manifest of every store
// names the units of one scan; their entries are read (a unit named twice
// is taken once), put in the order a scan puts them, linked, and assembled
// exactly as a scan assembles its own units (Assembly.h), so the report of
// `link` over the shards of a scan is the report of the scan.
//
// The entries hold clang-tidy's diagnostics as byte offsets: the sources
// must be where the scans read them.
//
//===----------------------------------------------------------------------===//

#ifndef SINKGUARD_TOOL_DRIVER_LINKCOMMAND_H
#define SINKGUARD_TOOL_DRIVER_LINKCOMMAND_H

#include "Options.h"

namespace sinkguard::driver {

/// Exit codes: those of a scan; 2 when no store can be read; 3 also when a
/// store, a shard or an entry is missing or cannot be read.
int runLink(const LinkOptions &Options);

} // namespace sinkguard::driver

#endif
