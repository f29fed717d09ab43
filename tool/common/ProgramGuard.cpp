//===--- ProgramGuard.cpp -------------------------------------------------===//

#include "ProgramGuard.h"
#include "llvm/Support/Path.h"
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <spawn.h>
#include <string>
#include <unistd.h>

namespace sinkguard {

namespace {

std::atomic<bool> Refusing{false};
/// Written before any thread starts, read-only afterwards.
std::string &allowedProgram() {
  static std::string Allowed;
  return Allowed;
}

bool permitted(const char *Path) {
  if (!Refusing.load())
    return true;
  llvm::StringRef P(Path ? Path : "");
  if (!allowedProgram().empty() && P == allowedProgram())
    return true;
  return llvm::sys::path::filename(P) == "llvm-symbolizer";
}

void reportRefusal(const char *Path) {
  static std::atomic<bool> Reported{false};
  if (Reported.exchange(true))
    return;
  // Async-signal-safe: execve may be called in a forked child.
  const char Head[] = "sinkguard: warning: refused to start program '";
  const char Tail[] = "' (a scan starts no program; see docs/security.md)\n";
  (void)!::write(STDERR_FILENO, Head, sizeof Head - 1);
  if (Path)
    (void)!::write(STDERR_FILENO, Path, std::strlen(Path));
  (void)!::write(STDERR_FILENO, Tail, sizeof Tail - 1);
}

template <typename Fn> Fn *next(const char *Name) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast)
  return reinterpret_cast<Fn *>(dlsym(RTLD_NEXT, Name));
}

/// posix_spawn and posix_spawnp.
using SpawnFn = int(pid_t *, const char *, const posix_spawn_file_actions_t *,
                    const posix_spawnattr_t *, char *const[], char *const[]);

int guardedSpawn(SpawnFn *Real, pid_t *Pid, const char *Path,
                 const posix_spawn_file_actions_t *Actions,
                 const posix_spawnattr_t *Attributes, char *const Argv[],
                 char *const Envp[]) {
  if (!permitted(Path)) {
    reportRefusal(Path);
    return EPERM;
  }
  return Real(Pid, Path, Actions, Attributes, Argv, Envp);
}

} // namespace

void refuseProgramsExcept(llvm::StringRef Allowed) {
  allowedProgram() = Allowed.str();
  Refusing.store(true);
}

void allowAllPrograms() { Refusing.store(false); }

} // namespace sinkguard

// The C library's program starts, as the whole process (LLVM included) sees
// them.
extern "C" {

// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
int posix_spawn(pid_t *Pid, const char *Path,
                const posix_spawn_file_actions_t *Actions,
                const posix_spawnattr_t *Attributes, char *const Argv[],
                char *const Envp[]) {
  static sinkguard::SpawnFn *Real =
      sinkguard::next<sinkguard::SpawnFn>("posix_spawn");
  return sinkguard::guardedSpawn(Real, Pid, Path, Actions, Attributes, Argv,
                                 Envp);
}

// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
int posix_spawnp(pid_t *Pid, const char *File,
                 const posix_spawn_file_actions_t *Actions,
                 const posix_spawnattr_t *Attributes, char *const Argv[],
                 char *const Envp[]) {
  static sinkguard::SpawnFn *Real =
      sinkguard::next<sinkguard::SpawnFn>("posix_spawnp");
  return sinkguard::guardedSpawn(Real, Pid, File, Actions, Attributes, Argv,
                                 Envp);
}

// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp)
int execve(const char *Path, char *const Argv[], char *const Envp[]) {
  using Fn = int(const char *, char *const[], char *const[]);
  if (!sinkguard::permitted(Path)) {
    sinkguard::reportRefusal(Path);
    errno = EPERM;
    return -1;
  }
  static Fn *Real = sinkguard::next<Fn>("execve");
  return Real(Path, Argv, Envp);
}

} // extern "C"
