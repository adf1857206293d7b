// Free text people type — an appeal's content, the caller's name and phone, the
// address, a command's reason or reply — may hold any character but NUL and the
// other C0 control characters; tab, line feed and carriage return are allowed.
// Control characters would end up in documents, exports and other people's screens.
#pragma once

#include <string_view>

#include "domain/status.h"

namespace hotline {

// InvalidArgument naming `field` when `value` holds a forbidden control character.
Status CheckFreeText(std::string_view value, std::string_view field);

}  // namespace hotline
