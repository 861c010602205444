#pragma once

// `otklik import responses` and `otklik export responses`: what the
// commands print and return. main.cc parses their flags.

#include <string>

#include "cli/commands.h"
#include "core/progress.h"

namespace otklik::cli {

// Flags of `otklik import responses`.
struct ImportFlags {
  std::string content = "content";
  std::string data = "data";
  std::string survey;
  std::string source;
  std::string mapping;
  std::string file;
  int revision = 0;
  bool skip_invalid = false;
};

// Flags of `otklik export responses`.
struct ExportResponsesFlags {
  std::string content = "content";
  std::string data = "data";
  std::string survey;
  std::string from;
  std::string to;
  std::string out;
  std::string codebook;
  bool with_text = false;
};

int RunImportResponses(const ImportFlags& flags, const Days& days, bool quiet, Progress& progress);
int RunExportResponses(const ExportResponsesFlags& flags, const Days& days, bool quiet);

}  // namespace otklik::cli
