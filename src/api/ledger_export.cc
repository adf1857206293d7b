#include "api/ledger_export.h"

#include <xlsxwriter.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "domain/ticket_number.h"
#include "domain/work_calendar.h"

namespace hotline::api {

namespace {

std::string LocalTime(UnixSeconds t) {
  if (t == 0) return "";
  const UnixSeconds local = t + WorkCalendar::kUtcOffsetSeconds;
  const UnixSeconds secs = ((local % 86400) + 86400) % 86400;
  const int days = static_cast<int>((local - secs) / 86400);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60));
  return CivilFromDays(days) + " " + hm;
}

const char* StateLabel(TicketState s) {
  switch (s) {
    case TicketState::kTriage: return "待处理";
    case TicketState::kAnsweredDirectly: return "已直办";
    case TicketState::kOutOfScope: return "超出职责";
    case TicketState::kTransferred: return "已紧急转接";
    case TicketState::kMerged: return "已并单";
    case TicketState::kToDispatch: return "待派单";
    case TicketState::kJointReview: return "联席会议";
    case TicketState::kDispatched: return "已派单待签收";
    case TicketState::kInProgress: return "办理中";
    case TicketState::kReplied: return "已答复待审核";
    case TicketState::kToCallback: return "待回访";
    case TicketState::kUnsatisfied: return "不满意待处理";
    case TicketState::kClosed: return "已办结";
  }
  return "";
}

const char* HowLabel(ClearedHow how) {
  switch (how) {
    case ClearedHow::kSatisfied: return "回访满意且已解决";
    case ClearedHow::kClosedWithReason: return "督办结案（记录原因）";
    case ClearedHow::kClosedUnreachable: return "回访联系不上后结案";
    case ClearedHow::kClosed: return "已办结";
  }
  return "";
}

const char* DissatisfactionLabel(Dissatisfaction d) {
  switch (d) {
    case Dissatisfaction::kUnresolved: return "问题未解决";
    case Dissatisfaction::kAttitude: return "工作态度";
    case Dissatisfaction::kOffTopic: return "答非所问";
    case Dissatisfaction::kSlow: return "办理拖延";
    case Dissatisfaction::kNoContact: return "未联系本人";
    case Dissatisfaction::kOther: return "其他";
  }
  return "";
}

std::string Outcome(const Event& callback) {
  std::string out;
  const CommandInput& in = callback.input;
  if (in.satisfaction == Satisfaction::kUnsatisfied) out = "不满意";
  else if (in.satisfaction == Satisfaction::kBasicallySatisfied) out = "基本满意";
  else if (in.satisfaction == Satisfaction::kSatisfied) out = "满意";
  if (in.resolved.has_value()) out += *in.resolved ? "，已解决" : "，未解决";
  return out;
}

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<std::string> LedgerColumns() {
  return {"工单编号", "诉求内容", "承办单位", "单位编码", "不满意回访时间", "回访结果", "不满意原因", "本月不满意次数",
          "当前状态", "是否清零", "清零时间", "清零方式", "结案原因"};
}

std::vector<std::vector<std::string>> LedgerCells(const service::LedgerReport& report,
                                                   const service::ReferenceData& ref) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(report.page.items.size());
  for (const LedgerRow& r : report.page.items) {
    const Ticket& t = r.ticket;
    const Unit* unit = ref.units.Find(t.lead_unit);
    const bool cleared = r.closing.has_value();
    const CommandInput& in = r.unsatisfied.input;
    rows.push_back({TicketNumber(t), t.appeal.content, unit ? unit->name : t.lead_unit, t.lead_unit,
                    LocalTime(r.unsatisfied.at), Outcome(r.unsatisfied),
                    in.dissatisfaction ? DissatisfactionLabel(*in.dissatisfaction) : "",
                    std::to_string(r.unsatisfied_callbacks), StateLabel(t.state), cleared ? "已清零" : "未清零",
                    cleared ? LocalTime(r.closing->at) : "", cleared ? HowLabel(HowCleared(*r.closing)) : "",
                    cleared && r.closing->command == "close" ? r.closing->input.reason : ""});
  }
  return rows;
}

std::string LedgerCsv(const service::LedgerReport& report, const service::ReferenceData& ref) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
    out += "\r\n";
  };
  line(LedgerColumns());
  for (const auto& row : LedgerCells(report, ref)) line(row);
  return out;
}

Result<std::string> LedgerXlsx(const service::LedgerReport& report, const service::ReferenceData& ref) {
  // libxlsxwriter 1.1.4 (Debian 12) writes to a file only: a private temporary one.
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("hotline-ledger-" + std::to_string(::getpid()) + "-" +
                                      std::to_string(counter.fetch_add(1)) + ".xlsx");
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } remove{path};
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Status::Internal("cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "动态清零台账");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  char title[256];
  std::snprintf(title, sizeof title, "%s 动态清零台账：共 %lld 件，已清零 %lld 件，清零率 %.1f%%", report.month.c_str(),
                static_cast<long long>(report.page.total), static_cast<long long>(report.page.cleared),
                report.rate * 100);
  worksheet_write_string(ws, 0, 0, title, bold);
  const auto columns = LedgerColumns();
  for (std::size_t c = 0; c < columns.size(); ++c)
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), columns[c].c_str(), bold);
  lxw_row_t row = 3;
  for (const auto& cells : LedgerCells(report, ref)) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c == 7)
        worksheet_write_number(ws, row, static_cast<lxw_col_t>(c), std::stod(cells[c]), nullptr);
      else
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
    }
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 20, nullptr);
  worksheet_set_column(ws, 1, 1, 40, nullptr);
  worksheet_set_column(ws, 2, 12, 16, nullptr);
  if (workbook_close(wb) != LXW_NO_ERROR) return Status::Internal("cannot write the workbook");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) return Status::Internal("cannot read the workbook back");
  return bytes.str();
}

}  // namespace hotline::api
