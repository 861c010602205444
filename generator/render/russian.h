#pragma once

#include <string>

#include "core/date.h"
#include "core/period.h"
#include "core/plural.h"
#include "model/messages.h"
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

/// «Государственная услуга», «Мера поддержки», …: words of any agency (its
/// own are in content), from the catalogue's labels.service_kind.<kind name>.
std::string ServiceKindLabel(const Messages& messages, ServiceKind kind);
/// Plural heading for an index section, «Государственные услуги», …:
/// labels.service_kind_heading.<kind name>.
std::string ServiceKindHeading(const Messages& messages, ServiceKind kind);
/// «Официальный сайт», «Портал госуслуг», «МФЦ», …: labels.touchpoint_kind.<kind>;
/// a kind the catalogue has no label for is shown as it is.
std::string TouchpointKindLabel(const Messages& messages, const std::string& kind);
/// «Через интернет и по телефону» (online) / «Лично и по почте» (offline):
/// labels.channel.<channel name>.
std::string ChannelLabel(const Messages& messages, Channel channel);

}  // namespace otklik
