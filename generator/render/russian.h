#pragma once

#include <string>

#include "core/date.h"
#include "core/plural.h"
#include "model/service.h"
#include "model/touchpoint.h"

namespace otklik {

/// "22 ноября 2026 г."
std::string RussianDate(const Date& date);

/// «Государственная услуга», «Мера социальной поддержки», …
std::string ServiceKindLabel(ServiceKind kind);
/// Plural heading for an index section: «Государственные услуги», …
std::string ServiceKindHeading(ServiceKind kind);
/// «Официальный сайт», «Портал Госуслуг», «МФЦ», …
std::string TouchpointKindLabel(const std::string& kind);
/// «Через интернет и по телефону» (online) / «Лично и по почте» (offline)
std::string ChannelLabel(Channel channel);

}  // namespace otklik
