//===--- Model.cpp --------------------------------------------------------===//

#include "Model.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

using namespace clang;

namespace sinkguard::model {

bool ArgSet::contains(int Arg) const {
  if (llvm::is_contained(Args, Arg))
    return true;
  return VariadicFrom != NoArg && Arg >= VariadicFrom;
}

llvm::SmallVector<int, 4> ArgSet::expand(unsigned NumArgs) const {
  llvm::SmallVector<int, 4> Out(Args.begin(), Args.end());
  if (VariadicFrom != NoArg)
    for (int I = VariadicFrom; I < static_cast<int>(NumArgs); ++I)
      if (!llvm::is_contained(Out, I))
        Out.push_back(I);
  return Out;
}

Rule Rule::sink(llvm::StringRef Fn, ArgSet Args, SinkKind Kind) {
  Rule R{RuleKind::Sink, Fn.str(), std::move(Args), {}};
  R.Sink = Kind;
  return R;
}

Rule Rule::propagator(llvm::StringRef Fn, ArgSet In, ArgSet Out) {
  return Rule{RuleKind::Propagator, Fn.str(), std::move(In), std::move(Out)};
}

Rule Rule::formatter(llvm::StringRef Fn, int Format, ArgSet In, ArgSet Out) {
  Rule R = propagator(Fn, std::move(In), std::move(Out));
  R.FormatArg = Format;
  return R;
}

Rule Rule::appender(llvm::StringRef Fn, ArgSet In, ArgSet Out) {
  Rule R = propagator(Fn, std::move(In), std::move(Out));
  R.Appends = true;
  return R;
}

Rule Rule::sanitizer(llvm::StringRef Fn, ArgSet Out) {
  return Rule{RuleKind::Sanitizer, Fn.str(), {}, std::move(Out)};
}

Rule Rule::source(llvm::StringRef Fn, ArgSet Out, SourceKind Kind) {
  Rule R{RuleKind::Source, Fn.str(), {}, std::move(Out)};
  R.Source = Kind;
  return R;
}

Rule Rule::validator(llvm::StringRef Fn, ArgSet Args) {
  return Rule{RuleKind::Validator, Fn.str(), std::move(Args), {}};
}

Rule Rule::globalSource(llvm::StringRef Var, SourceKind Kind) {
  Rule R = source(Var, {}, Kind);
  R.Global = true;
  return R;
}

Rule Rule::callsBack(llvm::StringRef Fn, int Callback, ArgSet Passed) {
  Rule R{RuleKind::CallsBack, Fn.str(), std::move(Passed), {}};
  R.CallbackArg = Callback;
  return R;
}

Rule Rule::noReturn(llvm::StringRef Fn) {
  return Rule{RuleKind::NoReturn, Fn.str(), {}, {}};
}

Rule Rule::textTest(llvm::StringRef Fn, TextTest Test, ArgSet Args) {
  Rule R{RuleKind::TextTest, Fn.str(), std::move(Args), {}};
  R.Test = Test;
  return R;
}

Rule Rule::sizeOf(llvm::StringRef Fn, int Object) {
  return Rule{RuleKind::SizeOf, Fn.str(), {Object}, {}};
}

Rule Rule::uncheckedIndex(llvm::StringRef Fn) {
  return Rule{RuleKind::UncheckedIndex, Fn.str(), {}, {}};
}

Model::Model(std::vector<Rule> TheRules) : Rules(std::move(TheRules)) {
  index();
}

Model::Model(const std::vector<Rule> &Base, std::vector<Rule> Extra,
             llvm::ArrayRef<std::string> Disabled) {
  for (const Rule &R : Base)
    if (!llvm::is_contained(Disabled, R.Function))
      Rules.push_back(R);
  for (Rule &R : Extra)
    Rules.push_back(std::move(R));
  index();
}

/// The bit of Model::GlobalNameBits for a name of \p Length characters that
/// starts with \p First.
static std::uint64_t nameBit(size_t Length, char First) {
  return std::uint64_t{1} << ((Length * 31 +
                               static_cast<unsigned char>(First)) %
                              64);
}

/// "append" for "std::basic_string::append".
static llvm::StringRef simpleName(llvm::StringRef Qualified) {
  size_t Colons = Qualified.rfind("::");
  return Colons == llvm::StringRef::npos ? Qualified
                                         : Qualified.drop_front(Colons + 2);
}

void Model::index() {
  for (const Rule &R : Rules) {
    if (R.Global) {
      if (!R.Function.empty()) {
        GlobalSources.try_emplace(R.Function, &R);
        GlobalNameBits |= nameBit(R.Function.size(), R.Function.front());
      }
      continue;
    }
    if (!R.isDataFlow()) {
      Facts[simpleName(R.Function)].push_back(&R);
      continue;
    }
    ByName[R.Function].push_back(&R);
    SimpleNames.insert(simpleName(R.Function));
  }
  for (llvm::StringLiteral Shell : builtinShells())
    Shells.insert(Shell);
}

llvm::ArrayRef<const Rule *> Model::rulesFor(llvm::StringRef Name) const {
  auto It = ByName.find(Name);
  if (It == ByName.end())
    return {};
  return It->second;
}

namespace {

bool isTextLike(QualType T) {
  T = T.getCanonicalType().getNonReferenceType();
  if (T->isPointerType() || T->isArrayType())
    return true;
  if (const auto *RD = T->getAsCXXRecordDecl())
    return RD->isInStdNamespace() && (RD->getName() == "basic_string" ||
                                      RD->getName() == "basic_string_view");
  return false;
}

/// Rules for a function declared with
/// __attribute__((annotate("sinkguard::source"))) and friends.
llvm::SmallVector<Rule, 1> annotationRules(const FunctionDecl *FD) {
  llvm::SmallVector<Rule, 1> Out;
  std::string Name = ruleName(FD);
  for (const FunctionDecl *D : FD->redecls()) {
    for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
      llvm::StringRef Tag = A->getAnnotation();
      if (!Tag.consume_front("sinkguard::"))
        continue;
      QualType Ret = FD->getReturnType();
      bool ReturnsValue = !Ret->isVoidType();
      bool ReturnsTruth = Ret->isBooleanType() || Ret->isIntegerType();
      ArgSet Writable, TextParams, AllParams;
      llvm::SmallVector<int, 4> W, T, All;
      for (unsigned I = 0; I < FD->getNumParams(); ++I) {
        QualType PT = FD->getParamDecl(I)->getType();
        All.push_back(static_cast<int>(I));
        if (isTextLike(PT))
          T.push_back(static_cast<int>(I));
        if ((PT->isPointerType() && !PT->getPointeeType().isConstQualified()) ||
            (PT->isReferenceType() &&
             !PT.getNonReferenceType().isConstQualified()))
          W.push_back(static_cast<int>(I));
      }
      auto Set = [](llvm::ArrayRef<int> V) {
        ArgSet S;
        for (int I : V)
          S = S.with(I);
        return S;
      };
      Rule R = Rule::propagator(Name, {}, {});
      if (Tag == "source") {
        R = Rule::source(Name, ReturnsValue ? ArgSet{ReturnValue} : Set(W),
                         SourceKind::Other);
      } else if (Tag == "sink") {
        R = Rule::sink(Name, Set(T), SinkKind::ShellCommand);
      } else if (Tag == "validator" || (Tag == "sanitizer" && ReturnsTruth)) {
        R = Rule::validator(Name, Set(All));
      } else if (Tag == "sanitizer") {
        ArgSet Cleaned = Set(W);
        if (ReturnsValue)
          Cleaned = Cleaned.with(ReturnValue);
        R = Rule::sanitizer(Name, Cleaned);
      } else {
        continue;
      }
      R.Origin = "annotation";
      Out.push_back(std::move(R));
    }
  }
  return Out;
}

} // namespace

llvm::ArrayRef<const Rule *>
Model::rulesFor(const clang::FunctionDecl *FD) const {
  if (!FD)
    return {};
  auto Known = Lookups.find(FD);
  if (Known != Lookups.end())
    return Known->second;
  llvm::ArrayRef<const Rule *> Found = lookUp(FD);
  Lookups[FD] = Found;
  return Found;
}

llvm::ArrayRef<const Rule *>
Model::lookUp(const clang::FunctionDecl *FD) const {
  if (FD->hasAttr<AnnotateAttr>() ||
      llvm::any_of(FD->redecls(), [](const FunctionDecl *D) {
        return D->hasAttr<AnnotateAttr>();
      })) {
    const FunctionDecl *Key = FD->getCanonicalDecl();
    auto It = AnnotationIndex.find(Key);
    if (It == AnnotationIndex.end()) {
      auto Made =
          std::make_unique<llvm::SmallVector<Rule, 1>>(annotationRules(FD));
      llvm::SmallVector<const Rule *, 1> Ptrs;
      for (const Rule &R : *Made)
        Ptrs.push_back(&R);
      AnnotationRules[Key] = std::move(Made);
      It = AnnotationIndex.insert({Key, std::move(Ptrs)}).first;
    }
    if (!It->second.empty())
      return It->second;
  }
  // Most calls are to functions no rule names; rule them out without
  // building the qualified name.
  DeclarationName Name = FD->getDeclName();
  if (const IdentifierInfo *II = Name.getAsIdentifierInfo()) {
    if (!SimpleNames.contains(II->getName()))
      return {};
  } else if (!SimpleNames.contains(Name.getAsString())) {
    return {};
  }
  return rulesFor(ruleName(FD));
}

const Rule *Model::factFrom(llvm::ArrayRef<const Rule *> Candidates,
                            const FunctionDecl *FD, RuleKind Kind) const {
  std::optional<std::string> Qualified;
  for (const Rule *R : Candidates) {
    if (R->Kind != Kind)
      continue;
    if (R->AnyClass) {
      if (isa<CXXMethodDecl>(FD))
        return R;
      continue;
    }
    if (!Qualified)
      Qualified = ruleName(FD);
    if (*Qualified == R->Function)
      return R;
  }
  return nullptr;
}

const Rule *Model::fact(const FunctionDecl *FD, RuleKind Kind) const {
  if (!FD)
    return nullptr;
  DeclarationName Name = FD->getDeclName();
  auto It = Name.getAsIdentifierInfo()
                ? Facts.find(Name.getAsIdentifierInfo()->getName())
                : Facts.find(Name.getAsString());
  if (It == Facts.end())
    return nullptr;
  return factFrom(It->second, FD, Kind);
}

const Rule *Model::fact(llvm::StringRef QualifiedName, RuleKind Kind) const {
  auto It = Facts.find(simpleName(QualifiedName));
  if (It == Facts.end())
    return nullptr;
  for (const Rule *R : It->second)
    if (R->Kind == Kind && !R->AnyClass && R->Function == QualifiedName)
      return R;
  return nullptr;
}

const Rule *Model::globalSource(const ValueDecl *VD) const {
  const auto *Var = dyn_cast_or_null<VarDecl>(VD);
  const IdentifierInfo *II = Var ? Var->getIdentifier() : nullptr;
  // Length and first character: they rule out nearly every variable,
  // cheaply; the lookup is out of line so that this path stays short.
  if (!II || !(GlobalNameBits & nameBit(II->getLength(), *II->getNameStart())))
    return nullptr;
  return globalSourceNamed(Var, II->getName());
}

const Rule *Model::globalSourceNamed(const VarDecl *Var,
                                     llvm::StringRef Name) const {
  auto It = GlobalSources.find(Name);
  if (It == GlobalSources.end() || Var->hasLocalStorage())
    return nullptr;
  return It->second;
}

bool Model::isShell(llvm::StringRef Program) const {
  llvm::StringRef Base = Program.rsplit('/').second;
  if (Base.empty())
    Base = Program;
  return Shells.contains(Base);
}

std::vector<std::string> Model::sinkNames(SinkKind Kind) const {
  std::vector<std::string> Names;
  for (const Rule &R : Rules)
    if (R.Kind == RuleKind::Sink && R.Sink == Kind &&
        !llvm::is_contained(Names, R.Function))
      Names.push_back(R.Function);
  return Names;
}

std::string ruleName(const NamedDecl *FD) {
  // Build "ns::Class::name" from the enclosing contexts, skipping inline
  // namespaces and template arguments, so that libstdc++'s std::__cxx11 and
  // libc++'s std::__1 both read as std.
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  std::string Name = FD->getDeclName().getAsString();
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      // `typedef struct { ... } ctx_t;`: the typedef names the record.
      const TypedefNameDecl *Typedef = RD->getTypedefNameForAnonDecl();
      Parts.push_back(RD->getName().empty() && Typedef ? Typedef->getName()
                                                       : RD->getName());
    } else if (isa<LinkageSpecDecl>(DC)) {
      continue;
    } else if (!isa<TranslationUnitDecl>(DC)) {
      break;
    }
  }
  std::string Out;
  for (llvm::StringRef P : llvm::reverse(Parts)) {
    Out += P;
    Out += "::";
  }
  return Out + Name;
}

} // namespace sinkguard::model
