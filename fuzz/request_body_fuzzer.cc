// Fuzz target: a request body as the API reads it. ParseBody (any bytes → a JSON
// object or a 400), then DecodeAppeal (POST /tickets) and DecodeCommandInput
// (every ticket command) on the object. Whatever decodes must encode again
// (EncodeAppeal / EncodeCommandInput, dumped as the store writes them) and
// decode from that encoding to the same value: what the API accepts, the
// store can keep and replay.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/http_helpers.h"
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

  if (auto appeal = hotline::DecodeAppeal(*body); appeal.ok()) {
    const std::string stored = hotline::EncodeAppeal(*appeal).dump();
    auto again = hotline::DecodeAppeal(json::parse(stored));
    Check(again.ok(), "stored appeal does not decode: " + stored);
    Check(hotline::EncodeAppeal(*again).dump() == stored, "appeal changes on a round trip: " + stored);
  } else {
    Check(!appeal.status().field().empty(), "DecodeAppeal error names no field");
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
