// Fuzz target: a request body as the API reads it. ParseBody (any bytes → a JSON
// object or a 400), then every endpoint's request decoder (api/requests) and
// DecodeCommandInput (every ticket command) on the object: errors name a field.
// An intake the decoder accepts must encode as the store writes it
// (EncodeAppeal, dumped) and decode from that encoding to the same value: what
// the API accepts, the store can keep and replay.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/http_helpers.h"
#include "api/requests/accounts.h"
#include "api/requests/kb.h"
#include "api/requests/portal.h"
#include "api/requests/reference.h"
#include "api/requests/tickets.h"
#include "api/requests/triage.h"
#include "demo_data.h"
#include "store/codec.h"

using hotline::fuzz::Check;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > hotline::api::kMaxJsonBody) return 0;  // the server refuses larger bodies
  hotline::api::HttpRequest req;
  req.method = "POST";
  req.path = "/api/v1/tickets";
  req.headers["content-type"] = "application/json";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  auto body = hotline::api::ParseBody(req);
  if (!body.ok()) {
    Check(body.status().field() == "body", "ParseBody error names " + body.status().field());
    return 0;
  }
  Check(body->is_object(), "ParseBody returned a non-object");

  namespace requests = hotline::api::requests;
  auto names_field = [](const hotline::Status& s, const char* decoder) {
    Check(s.ok() || !s.field().empty(), std::string(decoder) + " error names no field");
  };
  names_field(requests::DecodePortalAppeal(*body).status(), "DecodePortalAppeal");
  names_field(requests::DecodePortalEvaluation(*body).status(), "DecodePortalEvaluation");
  names_field(requests::DecodeLogin(*body).status(), "DecodeLogin");
  names_field(requests::DecodePasswordChange(*body).status(), "DecodePasswordChange");
  names_field(requests::DecodeNewUser(*body).status(), "DecodeNewUser");
  names_field(requests::DecodeUserUpdate(*body, "someone").status(), "DecodeUserUpdate");
  names_field(requests::DecodeUnits(*body).status(), "DecodeUnits");
  names_field(requests::DecodeCategories(*body).status(), "DecodeCategories");
  names_field(requests::DecodeCatalog(*body).status(), "DecodeCatalog");
  names_field(requests::DecodeKbCreate(*body).status(), "DecodeKbCreate");
  names_field(requests::DecodeKbUpdate(*body).status(), "DecodeKbUpdate");
  names_field(requests::DecodeTriage(*body).status(), "DecodeTriage");

  if (auto appeal = requests::DecodeIntake(*body); appeal.ok()) {
    Check(appeal->query_code.empty(), "an intake chose its query code");
    const std::string stored = hotline::EncodeAppeal(*appeal).dump();
    auto again = hotline::DecodeAppeal(json::parse(stored));
    Check(again.ok(), "stored appeal does not decode: " + stored);
    Check(hotline::EncodeAppeal(*again).dump() == stored, "appeal changes on a round trip: " + stored);
  } else {
    Check(!appeal.status().field().empty(), "DecodeIntake error names no field");
  }

  if (auto input = hotline::DecodeCommandInput(*body); input.ok()) {
    const std::string stored = hotline::EncodeCommandInput(*input).dump();
    auto again = hotline::DecodeCommandInput(json::parse(stored));
    Check(again.ok(), "stored command input does not decode: " + stored);
    Check(hotline::EncodeCommandInput(*again).dump() == stored, "command input changes on a round trip: " + stored);
  } else {
    Check(!input.status().field().empty(), "DecodeCommandInput error names no field");
  }
  return 0;
}
