//===--- BuiltinModel.cpp - Rules for libc, POSIX and the C++ library -----===//
//
// The built-in table. Each row is one function; comments say why a row is
// there, and the end of the file lists functions deliberately left out.
//
//===----------------------------------------------------------------------===//

#include "Model.h"

namespace sinkguard::model {

static Rule validWhenZero(Rule R) {
  R.ValidWhenZero = true;
  return R;
}

// The built-in table: one row per line, long by nature.
// NOLINTNEXTLINE(readability-function-size)
static std::vector<Rule> makeBuiltinRules() {
  const int Ret = ReturnValue;
  const int This = ThisObject;
  const SinkKind Shell = SinkKind::ShellCommand;
  const SinkKind Size = SinkKind::Size;
  const SinkKind Conv = SinkKind::Conversion;
  const SourceKind Env = SourceKind::Environment;
  const SourceKind Stdin = SourceKind::Stdin;
  const SourceKind File = SourceKind::File;
  const SourceKind Net = SourceKind::Network;
  return {
      // --- Sources. main's argv and envp are sources too (in the engine,
      // not here: they are parameters, not calls). ---
      // getopt leaves the argument of an option in this global.
      Rule::globalSource("optarg", SourceKind::CommandLine),
      Rule::source("getenv", {Ret}, Env),
      Rule::source("secure_getenv", {Ret}, Env),
      Rule::source("std::getenv", {Ret}, Env),
      Rule::source("gets", {0, Ret}, Stdin),
      // A byte or EOF: the range checks know the result is -1 to 255.
      Rule::source("getchar", {Ret}, Stdin).ranging(-1, 255),
      // The FILE* may be a pipe, socket or file: classed as File.
      Rule::source("fgets", {0, Ret}, File),
      Rule::source("fgetc", {Ret}, File).ranging(-1, 255),
      Rule::source("getc", {Ret}, File).ranging(-1, 255),
      Rule::source("fread", {0}, File).counting(0),
      // getline(&line, &n, f) writes through its first argument.
      Rule::source("getline", {0}, File).counting(0),
      Rule::source("getdelim", {0}, File).counting(0),
      Rule::source("read", {1}, File).counting(1),
      Rule::source("pread", {1}, File).counting(1),
      Rule::source("recv", {1}, Net).counting(1),
      Rule::source("recvfrom", {1}, Net).counting(1),
      // recvmsg fills the buffers of the iovecs its msghdr points to (and
      // the peer's address and control data); readv those of its iovecs.
      Rule::source("recvmsg", {1}, Net).fillingPointees(),
      Rule::source("readv", {1}, File).fillingPointees(),
      // TLS and OpenSSL's I/O abstraction: a count of what they stored,
      // or at most 0 on failure. A BIO is a socket, a TLS stream or a
      // memory buffer of one, most often: classed as Network.
      Rule::source("SSL_read", {1}, Net).counting(1),
      Rule::source("SSL_peek", {1}, Net).counting(1),
      Rule::source("BIO_read", {1}, Net).counting(1),
      Rule::source("BIO_gets", {1}, Net).counting(1),
      // Negative error codes other than -1 on failure: a count once a
      // negative result is excluded, as read's.
      Rule::source("gnutls_record_recv", {1}, Net).counting(1),
      // BSD's fgetln returns a pointer to the line (not NUL-terminated).
      Rule::source("fgetln", {Ret}, File),
      // Both read the terminal, as a user types it.
      Rule::source("getpass", {Ret}, Stdin),
      Rule::source("readline", {Ret}, Stdin),
      // scanf-family: every output argument.
      Rule::source("scanf", ArgSet::variadicFrom(1), Stdin),
      Rule::source("fscanf", ArgSet::variadicFrom(2), File),
      // Any istream: std::cin, files, sockets wrapped in streams. The
      // member operator>> (numbers) and the free one (strings, chars).
      Rule::source("std::basic_istream::operator>>", {0}, Stdin)
          .returning(This),
      Rule::source("std::operator>>", {1}, Stdin).returning(0),
      Rule::source("std::getline", {1}, Stdin).returning(0),
      Rule::source("std::basic_istream::getline", {0}, Stdin).returning(This),
      Rule::source("std::basic_istream::read", {0}, Stdin).returning(This),

      // --- Sinks: a shell interprets the argument as a command line. ---
      Rule::sink("system", {0}, Shell),
      Rule::sink("std::system", {0}, Shell),
      Rule::sink("popen", {0}, Shell),
      // wordexp performs command substitution unless WRDE_NOCMD is given.
      Rule::sink("wordexp", {0}, Shell),
      // exec*: a shell started with -c gets a command line; any other
      // program gets arguments (argument injection) and a program path.
      Rule::sink("execl", {0, 1}, SinkKind::ExecList),
      Rule::sink("execlp", {0, 1}, SinkKind::ExecList),
      Rule::sink("execle", {0, 1}, SinkKind::ExecList),
      Rule::sink("execv", {0, 1}, SinkKind::ExecVector),
      Rule::sink("execvp", {0, 1}, SinkKind::ExecVector),
      Rule::sink("execvpe", {0, 1}, SinkKind::ExecVector),
      Rule::sink("execve", {0, 1}, SinkKind::ExecVector),
      Rule::sink("posix_spawn", {1, 4}, SinkKind::ExecVector),
      Rule::sink("posix_spawnp", {1, 4}, SinkKind::ExecVector),

      // --- Sinks of the range checks: sizes of allocations, lengths of
      // copies and reads (bounded by the buffer they write, when known). ---
      Rule::sink("malloc", {0}, Size),
      Rule::sink("calloc", {0, 1}, Size),
      Rule::sink("realloc", {1}, Size),
      Rule::sink("reallocarray", {1, 2}, Size),
      Rule::sink("aligned_alloc", {1}, Size),
      Rule::sink("alloca", {0}, Size),
      Rule::sink("__builtin_alloca", {0}, Size),
      Rule::sink("memcpy", {2}, Size).bounding(0),
      Rule::sink("memmove", {2}, Size).bounding(0),
      Rule::sink("memset", {2}, Size).bounding(0),
      Rule::sink("strncpy", {2}, Size).bounding(0),
      // strncat's length counts what is appended, not the buffer.
      Rule::sink("strncat", {2}, Size),
      Rule::sink("read", {2}, Size).bounding(1),
      Rule::sink("pread", {2}, Size).bounding(1),
      Rule::sink("recv", {2}, Size).bounding(1),
      Rule::sink("recvfrom", {2}, Size).bounding(1),
      Rule::sink("SSL_read", {2}, Size).bounding(1),
      Rule::sink("SSL_peek", {2}, Size).bounding(1),
      Rule::sink("BIO_read", {2}, Size).bounding(1),
      Rule::sink("BIO_gets", {2}, Size).bounding(1),
      Rule::sink("gnutls_record_recv", {2}, Size).bounding(1),
      // fread's size times count: each bounded on its own; the count by
      // the buffer's size in elements.
      Rule::sink("fread", {1, 2}, Size).bounding(0),
      Rule::sink("fgets", {1}, Size).bounding(0),
      Rule::sink("snprintf", {1}, Size).bounding(0),
      Rule::sink("vsnprintf", {1}, Size).bounding(0),

      // Containers sized by a count: as much memory as an allocation.
      Rule::sink("std::vector::resize", {0}, Size),
      Rule::sink("std::vector::reserve", {0}, Size),
      Rule::sink("std::basic_string::resize", {0}, Size),
      Rule::sink("std::basic_string::reserve", {0}, Size),

      // --- Sinks of the conversion check: text made a number. ---
      Rule::sink("atoi", {0}, Conv),
      Rule::sink("atol", {0}, Conv),
      Rule::sink("atoll", {0}, Conv),
      Rule::sink("strtol", {0}, Conv),
      Rule::sink("strtoul", {0}, Conv),
      Rule::sink("strtoll", {0}, Conv),
      Rule::sink("strtoull", {0}, Conv),
      Rule::sink("strtoimax", {0}, Conv),
      Rule::sink("strtoumax", {0}, Conv),
      // Floating point: atof as atoi (no failure to report), strtod and
      // friends as strtol (errno and the end pointer).
      Rule::sink("atof", {0}, Conv),
      Rule::sink("strtod", {0}, Conv),
      Rule::sink("strtof", {0}, Conv),
      Rule::sink("strtold", {0}, Conv),
      Rule::sink("sscanf", {0}, Conv),

      // --- C strings: copies. The destination takes the source's text. ---
      Rule::propagator("strcpy", {1}, {0}).returning(0),
      Rule::propagator("stpcpy", {1}, {0}),
      Rule::propagator("strncpy", {1}, {0}).returning(0),
      Rule::propagator("stpncpy", {1}, {0}),
      Rule::propagator("strlcpy", {1}, {0}),
      Rule::propagator("memcpy", {1}, {0}).returning(0),
      Rule::propagator("memmove", {1}, {0}).returning(0),
      Rule::propagator("strdup", {0}, {Ret}),
      Rule::propagator("strndup", {0}, {Ret}),
      // Pointers into their argument.
      Rule::propagator("strchr", {0}, {Ret}),
      Rule::propagator("strrchr", {0}, {Ret}),
      Rule::propagator("strstr", {0}, {Ret}),
      Rule::propagator("strpbrk", {0}, {Ret}),
      // strtok(NULL, d) goes on in the text of the last call; strtok_r
      // keeps its place in *saveptr.
      Rule::propagator("strtok", {0}, {Ret}).continuing(),
      Rule::propagator("strtok_r", {0, 2}, {Ret}),
      Rule::propagator("strtok_r", {0}, {2}),
      Rule::propagator("strsep", {0}, {Ret}),
      Rule::propagator("basename", {0}, {Ret}),
      Rule::propagator("dirname", {0}, {Ret}),
      // Conversions keep the taint: a number read from input is still
      // untrusted (the range checks need it); the command checks do not
      // let numbers inject (see the formatters below and std::to_string).
      Rule::propagator("atoi", {0}, {Ret}),
      Rule::propagator("atol", {0}, {Ret}),
      Rule::propagator("atoll", {0}, {Ret}),
      Rule::propagator("strtol", {0}, {Ret}),
      Rule::propagator("strtoul", {0}, {Ret}),
      Rule::propagator("strtoll", {0}, {Ret}),
      Rule::propagator("strtoull", {0}, {Ret}),
      Rule::propagator("sscanf", {0}, ArgSet::variadicFrom(2)),
      Rule::propagator("strtoimax", {0}, {Ret}),
      Rule::propagator("strtoumax", {0}, {Ret}),
      Rule::propagator("std::stoi", {0}, {Ret}),
      Rule::propagator("std::stol", {0}, {Ret}),
      Rule::propagator("std::stoul", {0}, {Ret}),
      Rule::propagator("std::stoll", {0}, {Ret}),
      Rule::propagator("std::stoull", {0}, {Ret}),
      // from_chars(first, last, value): the number lands in value.
      Rule::propagator("std::from_chars", {0}, {2}),
      // Byte-order conversions of a number read from a file or socket keep
      // it untrusted: the range checks follow it into indexes and sizes.
      Rule::propagator("ntohl", {0}, {Ret}),
      Rule::propagator("ntohs", {0}, {Ret}),
      Rule::propagator("be16toh", {0}, {Ret}),
      Rule::propagator("be32toh", {0}, {Ret}),
      Rule::propagator("be64toh", {0}, {Ret}),
      Rule::propagator("le16toh", {0}, {Ret}),
      Rule::propagator("le32toh", {0}, {Ret}),
      Rule::propagator("le64toh", {0}, {Ret}),
      // The result is one of the arguments; the range checks read the
      // bound it sets.
      Rule::propagator("std::min", {0, 1}, {Ret}).picking(Pick::Min),
      Rule::propagator("std::max", {0, 1}, {Ret}).picking(Pick::Max),
      Rule::propagator("std::clamp", {0, 1, 2}, {Ret}).picking(Pick::Clamp),

      // --- C strings: concatenation keeps the old contents. ---
      Rule::appender("strcat", {1}, {0}).returning(0),
      Rule::appender("strncat", {1}, {0}).returning(0),
      Rule::appender("strlcat", {1}, {0}),

      // --- printf-style formatting: which variadic arguments carry text is
      // decided by the conversions of the format (a %d cannot inject). ---
      Rule::formatter("sprintf", 1, ArgSet::variadicFrom(2), {0}),
      Rule::formatter("snprintf", 2, ArgSet::variadicFrom(3), {0}),
      // The va_list of the v* variants cannot be inspected: the arguments
      // count as unknown text whenever the format has a text conversion.
      Rule::formatter("vsprintf", 1, {2}, {0}),
      Rule::formatter("vsnprintf", 2, {3}, {0}),
      Rule::formatter("asprintf", 1, ArgSet::variadicFrom(2), {0}),
      Rule::formatter("vasprintf", 1, {2}, {0}),

      // --- std::basic_string and std::string_view. Copies and accessors
      // pass text through; operator+, +=, append and insert concatenate. ---
      Rule::propagator("std::basic_string::basic_string",
                       ArgSet::variadicFrom(0), {This}),
      Rule::propagator("std::basic_string_view::basic_string_view",
                       ArgSet::variadicFrom(0), {This}),
      Rule::propagator("std::basic_string::operator=", {0}, {This})
          .returning(This),
      Rule::propagator("std::basic_string::assign", ArgSet::variadicFrom(0),
                       {This})
          .returning(This),
      Rule::propagator("std::basic_string::c_str", {This}, {Ret})
          .returning(This),
      Rule::propagator("std::basic_string::data", {This}, {Ret})
          .returning(This),
      Rule::propagator("std::basic_string_view::data", {This}, {Ret}),
      Rule::propagator("std::basic_string::substr", {This}, {Ret}),
      Rule::propagator("std::basic_string_view::substr", {This}, {Ret}),
      Rule::propagator("std::basic_string::operator[]", {This}, {Ret})
          .returning(This),
      Rule::propagator("std::basic_string::at", {This}, {Ret}).returning(This),
      Rule::propagator("std::basic_string::operator basic_string_view", {This},
                       {Ret}),
      Rule::appender("std::basic_string::append", ArgSet::variadicFrom(0),
                     {This})
          .returning(This),
      Rule::appender("std::basic_string::operator+=", {0}, {This})
          .returning(This),
      Rule::appender("std::basic_string::insert", ArgSet::variadicFrom(1),
                     {This})
          .returning(This),
      Rule::appender("std::basic_string::push_back", {0}, {This}),
      // replace(pos, count, text): the text goes in (the numbers carry none).
      Rule::appender("std::basic_string::replace", ArgSet::variadicFrom(2),
                     {This})
          .returning(This),
      Rule::appender("std::operator+", {0, 1}, {Ret}),

      // --- Streams: text written into a string stream comes out of str().
      Rule::appender("std::operator<<", {1}, {0}).returning(0),
      Rule::appender("std::basic_ostream::operator<<", {0}, {This})
          .returning(This),
      Rule::propagator("std::basic_ostringstream::str", {This}, {Ret}),
      Rule::propagator("std::basic_stringstream::str", {This}, {Ret}),
      Rule::propagator("std::basic_istringstream::basic_istringstream", {0},
                       {This}),
      Rule::propagator("std::basic_stringstream::basic_stringstream", {0},
                       {This}),
      Rule::formatter("std::format", 0, ArgSet::variadicFrom(1), {Ret})
          .withBraces(),

      // --- Containers: one cell holds every element. ---
      Rule::appender("std::vector::push_back", {0}, {This}),
      Rule::appender("std::vector::emplace_back", ArgSet::variadicFrom(0),
                     {This}),
      Rule::appender("std::vector::insert", ArgSet::variadicFrom(1), {This}),
      Rule::propagator("std::vector::operator[]", {This}, {Ret})
          .returning(This),
      Rule::propagator("std::vector::at", {This}, {Ret}).returning(This),
      Rule::propagator("std::vector::front", {This}, {Ret}).returning(This),
      Rule::propagator("std::vector::back", {This}, {Ret}).returning(This),
      Rule::propagator("std::vector::data", {This}, {Ret}).returning(This),
      Rule::appender("std::deque::push_back", {0}, {This}),
      Rule::appender("std::deque::push_front", {0}, {This}),
      Rule::propagator("std::deque::operator[]", {This}, {Ret}).returning(This),
      Rule::propagator("std::deque::front", {This}, {Ret}).returning(This),
      Rule::propagator("std::deque::back", {This}, {Ret}).returning(This),
      Rule::appender("std::list::push_back", {0}, {This}),
      Rule::appender("std::list::push_front", {0}, {This}),
      Rule::propagator("std::list::front", {This}, {Ret}).returning(This),
      Rule::propagator("std::list::back", {This}, {Ret}).returning(This),
      Rule::propagator("std::array::operator[]", {This}, {Ret}).returning(This),
      Rule::propagator("std::array::at", {This}, {Ret}).returning(This),
      Rule::propagator("std::map::operator[]", {This}, {Ret}).returning(This),
      Rule::propagator("std::map::at", {This}, {Ret}).returning(This),
      Rule::propagator("std::unordered_map::operator[]", {This}, {Ret})
          .returning(This),
      Rule::propagator("std::unordered_map::at", {This}, {Ret}).returning(This),
      Rule::appender("std::map::insert", {0}, {This}),
      Rule::appender("std::unordered_map::insert", {0}, {This}),
      Rule::appender("std::map::emplace", ArgSet::variadicFrom(0), {This}),
      Rule::appender("std::unordered_map::emplace", ArgSet::variadicFrom(0),
                     {This}),
      // Iterators designate their container's single cell.
      Rule::propagator("std::vector::begin", {This}, {Ret}).returning(This),
      Rule::propagator("std::vector::end", {This}, {Ret}).returning(This),
      Rule::propagator("std::map::find", {This}, {Ret}).returning(This),
      Rule::propagator("std::unordered_map::find", {This}, {Ret})
          .returning(This),

      // --- Sanitizers: numbers rendered as text cannot inject. ---
      Rule::sanitizer("std::to_string", {Ret}),
      Rule::sanitizer("std::to_wstring", {Ret}),
      // GLib's quoting function returns a single-quoted shell word.
      Rule::sanitizer("g_shell_quote", {Ret}),

      // --- Validators: a successful match against an allow-list pattern.
      // regexec returns 0 on a match; the engine reads `== 0` and `!`. A
      // pattern regcomp compiled from a literal must be anchored (`^...$`,
      // without REG_NEWLINE): otherwise a part of the text matched.
      validWhenZero(Rule::validator("regexec", {1})
                        .withPattern(Rule::PatternNeed::NotUnanchored)),
      // std::regex_match matches the whole text; regex_search only with a
      // pattern anchored at both ends (and not multiline).
      Rule::validator("std::regex_match", {0}),
      Rule::validator("std::regex_search", {0})
          .withPattern(Rule::PatternNeed::Anchored),
      // An address in numeric form only (1 on success).
      Rule::validator("inet_pton", {1}),
      // getaddrinfo returns 0 for a host in numeric form only when its
      // hints ask for AI_NUMERICHOST (otherwise any name resolves).
      validWhenZero(Rule::validator("getaddrinfo", {0})
                        .withFlag(2, "ai_flags", "AI_NUMERICHOST")),
      // Membership in a fixed allow-list: `allowed.count(s)`,
      // `allowed.contains(s)`, `allowed.find(s) != allowed.end()`, on a
      // const set or map.
      Rule::validator("std::set::count", {0}).onFixedObject(),
      Rule::validator("std::set::contains", {0}).onFixedObject(),
      Rule::validator("std::set::find", {0}).onFixedObject(),
      Rule::validator("std::unordered_set::count", {0}).onFixedObject(),
      Rule::validator("std::unordered_set::contains", {0}).onFixedObject(),
      Rule::validator("std::unordered_set::find", {0}).onFixedObject(),
      Rule::validator("std::map::count", {0}).onFixedObject(),
      Rule::validator("std::map::contains", {0}).onFixedObject(),
      Rule::validator("std::map::find", {0}).onFixedObject(),
      Rule::validator("std::unordered_map::count", {0}).onFixedObject(),
      Rule::validator("std::unordered_map::contains", {0}).onFixedObject(),
      Rule::validator("std::unordered_map::find", {0}).onFixedObject(),

      // --- Library functions that call a function the program passes,
      // with data it passes: the callee is that function. ---
      Rule::callsBack("pthread_create", 2, {3}),
      Rule::callsBack("thrd_create", 1, {2}),
      Rule::callsBack("qsort", 3, {0, 0}),
      Rule::callsBack("qsort_r", 3, {0, 0, 4}),
      Rule::callsBack("bsearch", 4, {0, 1}),
      Rule::callsBack("g_thread_new", 1, {2}),
      Rule::callsBack("g_idle_add", 0, {1}),
      Rule::callsBack("g_timeout_add", 1, {2}),
      // C++ calls the callable it is given (a function or a lambda) with
      // the arguments after it (std::async's launch policy skipped).
      Rule::callsBack("std::thread::thread", 0, ArgSet::variadicFrom(1)),
      Rule::callsBack("std::jthread::jthread", 0, ArgSet::variadicFrom(1)),
      Rule::callsBack("std::async", 0, ArgSet::variadicFrom(1)),
      Rule::callsBack("std::invoke", 0, ArgSet::variadicFrom(1)),

      // --- Tests on text, whose meaning the engine reads from the
      // comparison around the call. ---
      // strcmp(s, "literal") == 0: s is that literal.
      Rule::textTest("strcmp", TextTest::Equal, {0, 1}),
      Rule::textTest("strcasecmp", TextTest::Equal, {0, 1}),
      // strspn(s, SET) == strlen(s), or s[strspn(s, SET)] == '\0': every
      // character of s is in SET (a literal with nothing a shell reads).
      Rule::textTest("strspn", TextTest::SpanOfSet, {0}).inSet(1),
      Rule::textTest("strlen", TextTest::Length, {0}),
      // s.find_first_not_of(SET) == npos: every character of s is in SET.
      // Any string class's, as the std ones spell it.
      Rule::textTest("find_first_not_of", TextTest::FindNotInSet, {This})
          .inSet(0)
          .inAnyClass(),
      // Character classes that admit only letters and digits: a loop that
      // leaves the function (or strchr(SET, c) == NULL) on a character
      // that fails one validates the string. In C, glibc makes them macros
      // of the same names.
      Rule::textTest("isalnum", TextTest::AllowClass, {0}),
      Rule::textTest("isalpha", TextTest::AllowClass, {0}),
      Rule::textTest("isdigit", TextTest::AllowClass, {0}),
      Rule::textTest("isxdigit", TextTest::AllowClass, {0}),
      Rule::textTest("isupper", TextTest::AllowClass, {0}),
      Rule::textTest("islower", TextTest::AllowClass, {0}),
      Rule::textTest("iswalnum", TextTest::AllowClass, {0}),
      Rule::textTest("iswalpha", TextTest::AllowClass, {0}),
      Rule::textTest("iswdigit", TextTest::AllowClass, {0}),
      Rule::textTest("strchr", TextTest::FindInSet, {1}).inSet(0),

      // --- Calls that do not return: a branch that makes one leaves the
      // function (needed where a header does not say noreturn). ---
      Rule::noReturn("exit"),
      Rule::noReturn("_exit"),
      Rule::noReturn("_Exit"),
      Rule::noReturn("quick_exit"),
      Rule::noReturn("abort"),
      Rule::noReturn("err"),
      Rule::noReturn("errx"),

      // --- Containers, for the range checks. ---
      // Sizes: an index compared with one is bounded by that object. Any
      // class's size() and length(), whoever wrote the container.
      Rule::sizeOf("size", This).inAnyClass(),
      Rule::sizeOf("length", This).inAnyClass(),
      Rule::sizeOf("std::size", 0),
      // operator[] without a bounds check: indexes judged as an array's.
      Rule::uncheckedIndex("std::vector::operator[]"),
      Rule::uncheckedIndex("std::array::operator[]"),
      Rule::uncheckedIndex("std::deque::operator[]"),
      Rule::uncheckedIndex("std::basic_string::operator[]"),
      Rule::uncheckedIndex("std::basic_string_view::operator[]"),
      Rule::uncheckedIndex("std::span::operator[]"),
      // Made with a count of elements: as much memory as `new T[n]`.
      Rule::sink("std::vector::vector", {0}, Size),
      Rule::sink("std::deque::deque", {0}, Size),
      Rule::sink("std::list::list", {0}, Size),
      Rule::sink("std::forward_list::forward_list", {0}, Size),
      Rule::sink("std::basic_string::basic_string", {0}, Size),
  };
  // Deliberately absent:
  // - data-flow rules for strlen, strcmp and friends: they read text but
  //   produce no text; a length is tainted through the buffer it measures
  //   only for the range checks, which look at it there. (Their TextTest
  //   rows above say what a comparison of the result vouches for.)
  // - printf/fprintf/puts: output, not a sink for command injection.
  // - propagators for atof, strtod, strtof and strtold: the range checks
  //   read no bound from a comparison of a floating-point number, so a
  //   double checked before it sizes or indexes would still be reported.
  //   Their conversion sinks above need only the text.
  // - strncmp: a prefix comparison does not vouch for the rest of the text,
  //   so it is no Equal test, unlike strcmp == 0.
}

llvm::ArrayRef<llvm::StringLiteral> builtinShells() {
  // execl("/bin/sh", "sh", "-c", cmd): the argument after -c is a command
  // line. busybox runs its sh applet so too.
  static constexpr llvm::StringLiteral Shells[] = {
      "sh",  "bash", "dash", "zsh",  "ksh",
      "ash", "mksh", "csh",  "tcsh", "busybox"};
  return Shells;
}

const std::vector<Rule> &Model::builtinRules() {
  static const std::vector<Rule> Rules = makeBuiltinRules();
  return Rules;
}

const Model &Model::builtin() {
  static const Model M(builtinRules());
  return M;
}

} // namespace sinkguard::model
