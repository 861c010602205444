#pragma once

#include <string>

#include "core/diagnostic.h"
#include "core/progress.h"
#include "model/site.h"
#include "stats/results.h"

namespace otklik {

/// Reads every stored response below `responses_dir` (the receiver's
/// segments and imports) once, on `threads` threads, and counts it per
/// survey and quarter and per service × touchpoint × quarter. Each response
/// is read with the revision it answered; its skip logic decides the bases.
/// Lines that cannot be read, responses to unknown surveys or revisions and
/// dates that are not days are skipped and reported to `warnings`; they
/// never stop a build.
Results Aggregate(const Site& site, const std::string& responses_dir, unsigned threads, Diagnostics* warnings,
                  Progress& progress = NoProgress());

}  // namespace otklik
