// Size limits of the domain's text fields, in bytes of UTF-8 (a Chinese
// character takes 3). The state machine, the knowledge base and the account
// checks enforce them; GET /api/v1/limits tells clients.
#pragma once

#include <cstddef>

namespace hotline {

inline constexpr std::size_t kMaxContentBytes = 20000;  // an appeal's content, a reply
inline constexpr std::size_t kMaxReasonBytes = 2000;    // the reason of return, extension, close, …
inline constexpr std::size_t kMaxCallerNameBytes = 200;
inline constexpr std::size_t kMaxCallerPhoneBytes = 40;
inline constexpr std::size_t kMaxAddressBytes = 1000;
inline constexpr std::size_t kMaxFileNameBytes = 255;  // an attachment's name
inline constexpr std::size_t kMaxKbQuestionBytes = 1000;
inline constexpr std::size_t kMaxKbAnswerBytes = 20000;
inline constexpr std::size_t kMaxUsernameLength = 64;  // letters, digits, - _ . only
inline constexpr std::size_t kMaxDisplayNameBytes = 100;
inline constexpr std::size_t kMaxCoUnits = 20;  // co-handlers of a catalog rule
inline constexpr std::size_t kMaxParticipants = 30;  // at a joint-review meeting (each a reference name)
inline constexpr std::size_t kMaxUnitCodeBytes = 64;
inline constexpr std::size_t kMaxCategoryCodeBytes = 32;
inline constexpr std::size_t kMaxReferenceNameBytes = 200;  // a unit's or category's name

}  // namespace hotline
