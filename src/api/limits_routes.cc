// GET /api/v1/limits: every limit the console checks before it sends, read from
// the constants the server enforces, so that clients keep no copies of them.
#include "api/http_helpers.h"
#include "api/rest_api.h"
#include "domain/limits.h"
#include "domain/password_policy.h"

namespace hotline::api {

using nlohmann::json;

void RestApi::AddLimitsRoutes() {
  router_.Add("GET", "/api/v1/limits", Authed(Capability::kReferenceRead, [this](const HttpRequest&, const PathParams&, const Actor&) {
                const Policy& policy = service_.policy();
                const auto& session = service_.accounts().session_options();
                return Json(200, {{"content_max_bytes", kMaxContentBytes},
                                  {"reason_max_bytes", kMaxReasonBytes},
                                  {"caller_name_max_bytes", kMaxCallerNameBytes},
                                  {"caller_phone_max_bytes", kMaxCallerPhoneBytes},
                                  {"address_max_bytes", kMaxAddressBytes},
                                  {"kb_question_max_bytes", kMaxKbQuestionBytes},
                                  {"kb_answer_max_bytes", kMaxKbAnswerBytes},
                                  {"username_max_length", kMaxUsernameLength},
                                  {"username_pattern", "^[A-Za-z0-9._-]+$"},
                                  {"display_name_max_bytes", kMaxDisplayNameBytes},
                                  {"password_min_length", kMinPasswordLength},
                                  {"password_max_length", kMaxPasswordLength},
                                  {"attachment_max_bytes", service::Attachments::kMaxBytes},
                                  {"attachment_name_max_bytes", kMaxFileNameBytes},
                                  {"attachment_types", service::Attachments::AllowedTypes()},
                                  {"co_units_max", kMaxCoUnits},
                                  {"unit_code_max_bytes", kMaxUnitCodeBytes},
                                  {"category_code_max_bytes", kMaxCategoryCodeBytes},
                                  {"reference_name_max_bytes", kMaxReferenceNameBytes},
                                  {"per_page_max", kMaxPerPage},
                                  {"q_max_bytes", kMaxQueryBytes},
                                  {"extension_days_max", policy.max_extension_days},
                                  {"level_max", policy.max_level},
                                  {"callback_attempts_before_close", policy.close_after_unreachable},
                                  {"session_idle_seconds", session.idle_seconds},
                                  {"session_max_seconds", session.max_seconds}});
              }));
}

}  // namespace hotline::api
