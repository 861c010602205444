#include "core/fingerprint.h"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack
#include <xxhash.h>

#include <elf.h>
#include <link.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "core/file_system.h"

namespace otklik {

std::string Fingerprint::Hex() const {
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(high),
                static_cast<unsigned long long>(low));
  return text;
}

std::optional<Fingerprint> Fingerprint::FromHex(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  Fingerprint result;
  for (size_t i = 0; i < 32; ++i) {
    const char c = hex[i];
    uint64_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<uint64_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint64_t>(c - 'a' + 10);
    } else {
      return std::nullopt;
    }
    uint64_t& half = i < 16 ? result.high : result.low;
    half = (half << 4) | digit;
  }
  return result;
}

Fingerprint FingerprintOf(std::string_view bytes, const Fingerprint& seed) {
  // The seed's two halves fold into XXH3's 64-bit seed and a prefix of the input.
  XXH3_state_t state;
  XXH3_128bits_reset_withSeed(&state, seed.high ^ (seed.low * 0x9E3779B97F4A7C15ULL));
  XXH3_128bits_update(&state, &seed, sizeof seed);
  XXH3_128bits_update(&state, bytes.data(), bytes.size());
  const XXH128_hash_t hash = XXH3_128bits_digest(&state);
  return {hash.high64, hash.low64};
}

Fingerprint FolderFingerprint(const FileSystem& fs, const std::string& dir, const Fingerprint& seed) {
  Fingerprint fingerprint = FingerprintOf(dir, seed);
  for (const std::string& file : fs.ListFiles(dir)) {
    fingerprint = FingerprintOf(file, fingerprint);
    const Result<std::string> bytes = fs.ReadFile(JoinPath(dir, file));
    // An unreadable file: its name again, from a seed no readable file's bytes start from.
    fingerprint = bytes.ok() ? FingerprintOf(bytes.value(), fingerprint)
                             : FingerprintOf(file, Fingerprint{~fingerprint.high, fingerprint.low});
  }
  return fingerprint;
}

namespace {

// The GNU build ID of the program (the linker's hash of its whole output,
// in a note the loader maps): empty when it was linked without one.
std::string BuildId() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        auto* out = static_cast<std::string*>(data);
        for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& header = info->dlpi_phdr[i];
          if (header.p_type != PT_NOTE) continue;
          const char* note = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
          const char* end = note + header.p_memsz;
          while (note + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) nhdr;
            std::memcpy(&nhdr, note, sizeof nhdr);
            const char* name = note + sizeof nhdr;
            const char* desc = name + ((nhdr.n_namesz + 3) & ~3u);
            if (nhdr.n_type == NT_GNU_BUILD_ID && nhdr.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              out->assign(desc, nhdr.n_descsz);
              return 1;
            }
            note = desc + ((nhdr.n_descsz + 3) & ~3u);
          }
        }
        return 1;  // the program itself is the first object: stop there
      },
      &id);
  return id;
}

}  // namespace

const Fingerprint& ProgramFingerprint() {
  static const Fingerprint program = [] {
    if (const std::string id = BuildId(); !id.empty()) return FingerprintOf(id);
    // No build ID: the program's whole file.
    std::ifstream in("/proc/self/exe", std::ios::binary);
    if (!in) return Fingerprint{};
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return FingerprintOf(bytes);
  }();
  return program;
}

}  // namespace otklik
