#include "core/status.h"

#include <cstring>

namespace otklik {

std::string ErrnoText(int error_number) {
  char buffer[256];
  // GNU strerror_r returns the message pointer, which may not be `buffer`.
  return strerror_r(error_number, buffer, sizeof buffer);
}

}  // namespace otklik
