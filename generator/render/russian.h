#pragma once

#include <string>

#include "core/date.h"
#include "model/service.h"
#include "model/touchpoint.h"

namespace otklik {

/// Picks the Russian plural form for `n`: one (1, 21), few (2–4, 22–24) or many.
const std::string& RussianPlural(long n, const std::string& one, const std::string& few, const std::string& many);
/// "12 услуг", "1 услуга", "3 услуги".
std::string CountWithNoun(long n, const std::string& one, const std::string& few, const std::string& many);
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
