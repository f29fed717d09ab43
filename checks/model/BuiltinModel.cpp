//===--- BuiltinModel.cpp - Rules for libc, POSIX and the C++ library -----===//
//
// The built-in table. Each row is one function; comments say why a row is
// there or why a function is deliberately absent.
//
//===----------------------------------------------------------------------===//

#include "Model.h"

namespace sinkguard::model {

static std::vector<Rule> builtinRules() {
  const int Ret = ReturnValue;
  const int This = ThisObject;
  const SinkKind Shell = SinkKind::ShellCommand;
  return {
      // --- Sinks: a shell interprets the argument as a command line. ---
      Rule::sink("system", {0}, Shell),
      Rule::sink("std::system", {0}, Shell),
      Rule::sink("popen", {0}, Shell),

      // --- C strings: copies. The destination takes the source's text. ---
      Rule::propagator("strcpy", {1}, {0, Ret}),
      Rule::propagator("stpcpy", {1}, {0, Ret}),
      Rule::propagator("strncpy", {1}, {0, Ret}),
      Rule::propagator("stpncpy", {1}, {0, Ret}),
      Rule::propagator("memcpy", {1}, {0, Ret}),
      Rule::propagator("memmove", {1}, {0, Ret}),
      Rule::propagator("strdup", {0}, {Ret}),
      Rule::propagator("strndup", {0}, {Ret}),

      // --- C strings: concatenation keeps the old contents. ---
      Rule::appender("strcat", {1}, {0, Ret}),
      Rule::appender("strncat", {1}, {0, Ret}),

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

      // --- std::basic_string. Copies and accessors pass text through;
      // operator+, +=, append and insert concatenate. ---
      Rule::propagator("std::basic_string::basic_string",
                       ArgSet::variadicFrom(0), {This}),
      Rule::propagator("std::basic_string::operator=", {0}, {This, Ret}),
      Rule::propagator("std::basic_string::assign", ArgSet::variadicFrom(0),
                       {This, Ret}),
      Rule::propagator("std::basic_string::c_str", {This}, {Ret}),
      Rule::propagator("std::basic_string::data", {This}, {Ret}),
      Rule::propagator("std::basic_string::substr", {This}, {Ret}),
      Rule::appender("std::basic_string::append", ArgSet::variadicFrom(0),
                     {This, Ret}),
      Rule::appender("std::basic_string::operator+=", {0}, {This, Ret}),
      Rule::appender("std::basic_string::insert", ArgSet::variadicFrom(1),
                     {This, Ret}),
      Rule::appender("std::basic_string::push_back", {0}, {This}),
      Rule::appender("std::operator+", {0, 1}, {Ret}),

      // --- Numbers rendered as text: digits and a sign cannot inject. ---
      Rule::sanitizer("std::to_string", {Ret}),
      Rule::sanitizer("std::to_wstring", {Ret}),
  };
}

const Model &Model::builtin() {
  static const Model M(builtinRules());
  return M;
}

} // namespace sinkguard::model
