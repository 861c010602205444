#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace otklik {

/// A 128-bit hash (XXH3, from Debian's libxxhash) of bytes that decide an
/// output: equal fingerprints stand for equal inputs. Not a cryptographic
/// hash: it guards against accidents (a changed page, template or program),
/// not against someone who forges inputs.
struct Fingerprint {
  uint64_t high = 0;
  uint64_t low = 0;

  /// 32 lowercase hex digits.
  std::string Hex() const;
  /// The fingerprint `Hex` wrote, or nothing for any other text.
  static std::optional<Fingerprint> FromHex(std::string_view hex);
  bool operator==(const Fingerprint&) const = default;
};

/// The fingerprint of `bytes`, starting from `seed` (chains fingerprints).
Fingerprint FingerprintOf(std::string_view bytes, const Fingerprint& seed = {});

class FileSystem;

/// The fingerprint of every file below `dir` (as FileSystem::ListFiles
/// lists them): each file's path and bytes, in order, from `seed`. What a
/// build read from a folder is reused while this stays the same.
Fingerprint FolderFingerprint(const FileSystem& fs, const std::string& dir, const Fingerprint& seed = {});

/// The fingerprint of the running program: of its GNU build ID (the
/// linker's hash of the whole program, which Debian's toolchain always
/// writes), or else of its file (/proc/self/exe). Output that depends on how
/// this build of Otklik renders is keyed by it, so a new program never
/// trusts what an old one wrote. All zero when neither can be read.
const Fingerprint& ProgramFingerprint();

}  // namespace otklik
