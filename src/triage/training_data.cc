#include "triage/training_data.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace hotline::triage {
namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open data file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);  // UTF-8 byte order mark
  return s;
}

bool IsJsonLines(const std::string& path) {
  auto ends = [&](const std::string& ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  return ends(".jsonl") || ends(".json") || ends(".ndjson");
}

// One record of text (and label) per row.
struct Row {
  std::string text, label, context;
};

Result<std::vector<Row>> ReadJsonLines(const std::string& path, bool need_label) {
  HOTLINE_ASSIGN_OR_RETURN(auto text, ReadFile(path));
  std::vector<Row> rows;
  std::istringstream in(text);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + " line " + std::to_string(n);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument("data", where + ": not a JSON object");
    if (!j.contains("text") || !j["text"].is_string())
      return Status::InvalidArgument("text", where + ": \"text\" must be a string");
    Row r{j["text"].get<std::string>(), "", ""};
    if (j.contains("reply") && j["reply"].is_string()) r.context = j["reply"].get<std::string>();
    if (need_label) {
      const char* key = j.contains("category") ? "category" : "label";
      if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
        return Status::InvalidArgument("category", where + ": \"category\" must be a non-empty string");
      r.label = j[key].get<std::string>();
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<std::vector<Row>> ReadCsvRows(const std::string& path, bool need_label) {
  HOTLINE_ASSIGN_OR_RETURN(auto text, ReadFile(path));
  auto records = ParseCsv(text);
  if (!records.ok()) return Status::InvalidArgument("data", path + ": " + records.status().message());
  if (records->empty()) return Status::InvalidArgument("data", path + ": no header row");
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < (*records)[0].size(); ++i) {
    std::string name = (*records)[0][i];
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    col.emplace(name, i);
  }
  auto find = [&](std::initializer_list<const char*> names) -> int {
    for (const char* n : names)
      if (auto it = col.find(n); it != col.end()) return static_cast<int>(it->second);
    return -1;
  };
  const int text_col = find({"text"}), title = find({"title"}), detail = find({"detail"});
  const int label = find({"label1", "label", "category"});
  const int reply = find({"reply"});
  if (text_col < 0 && title < 0 && detail < 0)
    return Status::InvalidArgument("text", path + ": needs a text column, or title and detail columns");
  if (need_label && label < 0) return Status::InvalidArgument("label1", path + ": needs a label1 or category column");
  std::vector<Row> rows;
  for (std::size_t r = 1; r < records->size(); ++r) {
    const auto& rec = (*records)[r];
    auto get = [&](int c) { return c >= 0 && static_cast<std::size_t>(c) < rec.size() ? rec[c] : std::string(); };
    if (rec.size() == 1 && rec[0].empty()) continue;  // blank line
    Row row;
    if (text_col >= 0) {
      row.text = get(text_col);
    } else {
      row.text = get(title);
      const std::string d = get(detail);
      if (!row.text.empty() && !d.empty()) row.text += '\n';
      row.text += d;
    }
    row.context = get(reply);
    if (need_label) {
      row.label = get(label);
      while (!row.label.empty() && (row.label.back() == '\r' || row.label.back() == ' ')) row.label.pop_back();
      if (row.label.empty())
        return Status::InvalidArgument("label1", path + " record " + std::to_string(r + 1) + ": empty label");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<Row>> ReadRows(const std::string& path, bool need_label) {
  return IsJsonLines(path) ? ReadJsonLines(path, need_label) : ReadCsvRows(path, need_label);
}

}  // namespace

Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> rec;
  std::string field;
  bool quoted = false, any = false;
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      quoted = any = true;
    } else if (c == ',') {
      rec.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') field.pop_back();
      rec.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(rec));
      rec.clear();
      any = false;
      ++line;
    } else {
      field += c;
      any = true;
    }
  }
  if (quoted) return Status::InvalidArgument("data", "unterminated quoted field from line " + std::to_string(line));
  if (any || !field.empty()) {
    rec.push_back(std::move(field));
    records.push_back(std::move(rec));
  }
  return records;
}

Result<std::vector<LabelledText>> LoadLabelledFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto rows, ReadRows(path, true));
  std::vector<LabelledText> out;
  for (auto& r : rows)
    if (!r.text.empty()) out.push_back({std::move(r.text), std::move(r.label)});
  if (out.empty()) return Status::InvalidArgument("data", path + ": no labelled texts");
  return out;
}

Result<std::vector<UnlabelledText>> LoadUnlabelledFile(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto rows, ReadRows(path, false));
  std::vector<UnlabelledText> out;
  for (auto& r : rows)
    if (!r.text.empty()) out.emplace_back(std::move(r.text), std::move(r.context));
  return out;
}

Result<std::vector<LabelledText>> LoadTaxonomyHints(const std::string& path) {
  HOTLINE_ASSIGN_OR_RETURN(auto text, ReadFile(path));
  auto records = ParseCsv(text);
  if (!records.ok()) return Status::InvalidArgument("taxonomy", path + ": " + records.status().message());
  if (records->empty()) return Status::InvalidArgument("taxonomy", path + ": no header row");
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < (*records)[0].size(); ++i) col.emplace((*records)[0][i], i);
  auto get = [](const std::vector<std::string>& rec, std::size_t c) { return c < rec.size() ? rec[c] : std::string(); };
  std::vector<LabelledText> out;
  if (col.count("level1") && col.count("level2")) {
    const std::size_t l1 = col["level1"], l2 = col["level2"];
    const std::size_t l3 = col.count("level3") ? col["level3"] : SIZE_MAX;
    for (std::size_t r = 1; r < records->size(); ++r) {
      const auto& rec = (*records)[r];
      std::string t = get(rec, l2);
      if (l3 != SIZE_MAX && !get(rec, l3).empty()) t += " " + get(rec, l3);
      if (!get(rec, l1).empty() && !t.empty()) out.push_back({t, get(rec, l1)});
    }
    return out;
  }
  if (col.count("code") && col.count("name") && col.count("parent")) {
    std::map<std::string, std::pair<std::string, std::string>> cats;  // code → (name, parent)
    for (std::size_t r = 1; r < records->size(); ++r) {
      const auto& rec = (*records)[r];
      cats[get(rec, col["code"])] = {get(rec, col["name"]), get(rec, col["parent"])};
    }
    for (const auto& [code, np] : cats) {
      std::string t = np.first;
      std::string parent = np.second;
      for (int depth = 0; !parent.empty() && depth < 8; ++depth) {
        auto it = cats.find(parent);
        if (it == cats.end()) break;
        t = it->second.first + " " + t;
        parent = it->second.second;
      }
      if (!code.empty() && !t.empty()) out.push_back({t, code});
    }
    return out;
  }
  return Status::InvalidArgument("taxonomy", path + ": needs level1,level2[,level3] or code,name,parent columns");
}

}  // namespace hotline::triage
