// Reading training data for the classifier from files.
//
// Labelled data (LoadLabelledFile), by extension:
//  - .jsonl / .json: one JSON object a line with "text" and "category"
//    (or "label"); blank lines are skipped;
//  - otherwise CSV (RFC 4180 quoting, header row) with either a "text" column
//    or "title" and/or "detail" columns (joined by a newline), and the label in
//    the first present of "label1", "label", "category".
// Unlabelled data (LoadUnlabelledFile): the same formats without the label; a
// "reply" column/key (the official reply) becomes the text's context.
// Taxonomy hints (LoadTaxonomyHints): a category tree as CSV, either
//  - "level1,level2,level3" names (as in the Teddy Cup data): one hint per row,
//    text "level2 level3", label level1; or
//  - "code,name,parent,level" (data/taxonomy.csv): one hint per category, text
//    the path of names, label the code.
// Errors name the file, the line and the field. Rows with an empty text are skipped
// with no error; a labelled row with an empty label is an error.
#pragma once

#include <string>
#include <vector>

#include "domain/status.h"
#include "triage/classifier.h"

namespace hotline::triage {

Result<std::vector<LabelledText>> LoadLabelledFile(const std::string& path);
Result<std::vector<UnlabelledText>> LoadUnlabelledFile(const std::string& path);
Result<std::vector<LabelledText>> LoadTaxonomyHints(const std::string& path);

// Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines)
// into records; exposed for tests.
Result<std::vector<std::vector<std::string>>> ParseCsv(const std::string& text);

}  // namespace hotline::triage
