// The texts of a document tree that every writer must reproduce, in order.
#pragma once

#include <string>
#include <vector>

#include "render/document.h"

namespace casus::testing {

inline std::vector<std::string> ordered_texts(const Document& doc) {
  using namespace casus::doc;
  std::vector<std::string> out;
  for (const Block& b : doc.blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) out.push_back(h->text);
    else if (const auto* p = std::get_if<Paragraph>(&b)) out.push_back(plain_text(p->runs));
    else if (const auto* l = std::get_if<ListBlock>(&b))
      for (const auto& item : l->items) out.push_back(plain_text(item));
    else if (const auto* t = std::get_if<Table>(&b)) {
      if (!t->caption.empty()) out.push_back(t->caption);
      for (const auto& row : t->rows)
        for (const auto& cell : row.cells)
          if (!cell.runs.empty()) out.push_back(plain_text(cell.runs));
    } else if (const auto* c = std::get_if<Chart>(&b)) out.push_back(c->title);
    else if (const auto* s = std::get_if<SignatureBlock>(&b))
      for (const auto& signer : s->signers) out.push_back(signer.role);
    else if (const auto* f = std::get_if<FormField>(&b)) out.push_back(f->label);
  }
  return out;
}

}  // namespace casus::testing
