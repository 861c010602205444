#pragma once

#include <string>

#include "core/date.h"
#include "core/period.h"
#include "core/plural.h"
#include "model/service.h"
#include "model/touchpoint.h"

namespace otklik {

/// "22 ноября 2026 г."
std::string RussianDate(const Date& date);

/// «в III квартале 2026 г.», «во II квартале 2026 г.», «в 1-м полугодии 2026 г.», «в 2026 году».
std::string PeriodIn(const Period& period);
/// «III кв. 2026» for chart axes and tables.
std::string PeriodShort(const Period& period);
/// 4.123 → «4,1»: one decimal with a comma.
std::string Decimal(double value);

/// «Государственная услуга», «Мера поддержки», …: words of any agency; its own are in content.
std::string ServiceKindLabel(ServiceKind kind);
/// Plural heading for an index section: «Государственные услуги», …
std::string ServiceKindHeading(ServiceKind kind);
/// «Официальный сайт», «Портал Госуслуг», «МФЦ», …
std::string TouchpointKindLabel(const std::string& kind);
/// «Через интернет и по телефону» (online) / «Лично и по почте» (offline)
std::string ChannelLabel(Channel channel);

}  // namespace otklik
