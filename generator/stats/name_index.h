#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace otklik {

/// A few dozen names, each with a value, looked up far more often than they
/// change: survey ids, and the fields and option ids of a survey revision,
/// which every stored answer is looked up in. One flat table probed linearly,
/// so a lookup costs a hash of the name and usually one comparison, with no
/// division and no pointer chasing.
template <typename Value>
class NameIndex {
 public:
  /// Adds `name` with `value`, or replaces its value.
  void Set(std::string_view name, Value value) {
    const size_t at = IndexOf(name);
    if (at != kNone) {
      entries_[at].value = value;
      return;
    }
    entries_.push_back({std::string(name), Hash(name), value});
    if (entries_.size() * 2 > table_.size()) {
      Rehash();
    } else {
      Place(entries_.size() - 1);
    }
  }

  /// The value of `name`, or nullptr.
  const Value* Find(std::string_view name) const {
    const size_t at = IndexOf(name);
    return at == kNone ? nullptr : &entries_[at].value;
  }

 private:
  struct Entry {
    std::string name;
    uint64_t hash;
    Value value;
  };

  static constexpr size_t kNone = static_cast<size_t>(-1);

  // The entry of `name`, or kNone.
  size_t IndexOf(std::string_view name) const {
    if (table_.empty()) return kNone;
    const uint64_t hash = Hash(name);
    const size_t mask = table_.size() - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      if (table_[slot] == 0) return kNone;
      const Entry& entry = entries_[table_[slot] - 1];
      if (entry.hash == hash && entry.name == name) return table_[slot] - 1;
    }
  }

  // Whole words, never byte by byte: the last word of a name overlaps the one
  // before it, and a short name is read as two overlapping halves (or, under
  // four bytes, its first, middle and last byte).
  static uint64_t Hash(std::string_view name) {
    const char* bytes = name.data();
    const size_t size = name.size();
    uint64_t hash = Mix(0, size);
    if (size >= 8) {
      for (size_t i = 0; i + 8 < size; i += 8) hash = Mix(hash, Load<uint64_t>(bytes + i));
      return Mix(hash, Load<uint64_t>(bytes + size - 8));
    }
    if (size >= 4) return Mix(hash, uint64_t{Load<uint32_t>(bytes)} << 32 | Load<uint32_t>(bytes + size - 4));
    if (size == 0) return hash;
    const auto byte = [&](size_t i) { return uint64_t{static_cast<uint8_t>(bytes[i])}; };
    return Mix(hash, byte(0) << 16 | byte(size / 2) << 8 | byte(size - 1));
  }

  static uint64_t Mix(uint64_t hash, uint64_t word) {
    hash = (hash ^ word) * 0x9e3779b97f4a7c15;
    return hash ^ (hash >> 32);
  }

  template <typename Word>
  static Word Load(const char* bytes) {
    Word word;
    std::memcpy(&word, bytes, sizeof word);
    return word;
  }

  // Puts entry `index` in the first free slot from its hash on.
  void Place(size_t index) {
    const size_t mask = table_.size() - 1;
    size_t slot = entries_[index].hash & mask;
    while (table_[slot] != 0) slot = (slot + 1) & mask;
    table_[slot] = static_cast<uint32_t>(index + 1);
  }

  // Keeps the table at most half full.
  void Rehash() {
    table_.assign(table_.empty() ? 16 : table_.size() * 2, 0);
    for (size_t i = 0; i < entries_.size(); ++i) Place(i);
  }

  std::vector<Entry> entries_;
  std::vector<uint32_t> table_;  ///< Entry index + 1 per slot; 0: empty. A power of two in size.
};

}  // namespace otklik
