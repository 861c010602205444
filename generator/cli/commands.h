#pragma once

// What each `otklik` command prints and returns. main.cc only parses flags
// and calls these; the work itself is done in site/ and store/.

#include <functional>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/progress.h"
#include "site/build.h"
#include "site/check.h"
#include "site/region.h"
#include "site/content.h"

namespace otklik::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitContentError = 1;
inline constexpr int kExitUsage = 2;

/// The days a command works on: today, read once by main, and the day it
/// pretends it is (--as-of; by default today).
struct Days {
  Date as_of;
  Date today;
};

/// The content `request` names, or nullopt after printing its errors and
/// «<failed>: сначала исправьте материалы.» ("Импорт не выполнен").
std::optional<Content> LoadContentOrSay(const FileSystem& fs, const ContentRequest& request,
                                        const std::string& failed);

// Flags of `otklik receive`; each overrides the config file when given.
struct ReceiveFlags {
  std::string config;
  std::string content;
  std::string data;
  std::string listen;
  std::string instance;
  std::string internal_url;
  std::string audience;
  std::string access_log;
};

// Flags of `otklik import appeals`.
struct AppealImportFlags {
  std::string content = "content";
  std::string mapping;
  std::string file;
  bool skip_invalid = false;
};

// Flags of `otklik import decisions`.
struct DecisionImportFlags {
  std::string content = "content";
  std::string file;
  bool dry_run = false;
};

int RunBuild(BuildOptions options, bool quiet, Progress& progress);
int RunRegionBuild(const RegionBuildOptions& options, bool quiet);
int RunReceive(const ReceiveFlags& flags, std::function<Date()> today);
int RunCheck(const CheckOptions& options, bool json);
/// `otklik check --region`: region.yaml, the region's pages and theme, then
/// each agency's check under its id; the worst exit status of them.
int RunRegionCheck(const std::string& region_file, const CheckOptions& options);
/// `otklik new page|agency NAME --region region.yaml`.
int RunRegionNew(const std::string& region_file, const std::string& kind, const std::string& name, bool quiet);
int RunReportFreeze(const std::string& content_dir, const std::string& key, const Days& days);
int RunImportAppeals(const AppealImportFlags& flags, const Days& days, bool quiet, Progress& progress);
int RunImportDecisions(const DecisionImportFlags& flags, const Days& days, bool quiet);
int RunExportDecisions(const std::string& content_dir, const std::string& out, const Days& days, bool quiet);
int RunNew(const std::string& content_dir, const std::string& kind, const std::string& name, const Days& days,
           bool quiet);

}  // namespace otklik::cli
