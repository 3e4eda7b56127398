// The frame every per-case document context shares (plan of action, meeting
// agenda): its fixed words as a label table ({key, nl, en} rows, structural
// keys `l.<key>`), the `meta` block the writers print on every page, and the
// refusal of an audience that may receive no case data. A document declares
// these in its DocumentSchema with declare_frame() and fills them through
// its ContextBuilder with put_labels() and put_meta().
#pragma once

#include <span>
#include <string>

#include "config/config.h"
#include "core/date.h"
#include "core/language.h"
#include "core/status.h"
#include "render/audience_context.h"
#include "render/document.h"

namespace casus {

// One fixed word of a template, in both languages.
struct LabelText {
  const char* key;
  const char* nl;
  const char* en;
};

// The text of `label` in `language`.
inline const char* label_in(const LabelText& label, Language language) {
  return language == Language::en ? label.en : label.nl;
}

// Declares `meta.*` (title, subtitle, audience, marking, data_as_of,
// generated_at, created, language, author) and `l.<key>` for every label as
// structural keys.
void declare_frame(DocumentSchema& schema, std::span<const LabelText> labels);

// Sets the object `l`: every label's text in `language`.
void put_labels(ContextBuilder::Object& root, std::span<const LabelText> labels, Language language);

struct FrameMeta {
  std::string title;
  std::string subtitle;
  std::string marking;  // empty: the audience's own marking
  Language language = Language::nl;
  Date data_as_of;
  DateTime generated_at;
};

// Sets the object `meta` from `audience` (name and marking in the language),
// the long dates and the municipality as author.
void put_meta(ContextBuilder::Object& root, const Config& config, const Audience& audience, const FrameMeta& meta);

// Sets the object `meta` from a document's meta: {title, subtitle, audience,
// marking, data_as_of, generated_at, created, language, author}.
void put_document_meta(ContextBuilder::Object& root, const DocumentMeta& meta);

// An error for an aggregates-only audience or one without any case data
// category: per-case documents are never for them.
Status refuse_non_case_audience(const Audience& audience);

}  // namespace casus
