// Audience-enforcing contexts for per-case documents (privacy by
// construction). Every key a per-case template may use is declared once in a
// static DocumentSchema with its data category (from config/fields.xml via
// Config::category_of, or "" for structural keys: labels, layout, config
// text). A ContextBuilder for one audience sets a key only when the audience
// may receive its category; an undeclared key is a programming error. A
// section the audience may not see at all is switched off by a *guard* flag
// (e.g. `show_police_events`), declared with the category it guards and set
// from the schema, never by rendering blanks.
//
// check_template_for_audience() walks a template's tags statically (section
// nesting, partials, guard flags evaluated for the audience) and reports
// every key the audience may not receive, before anything is rendered:
//   templates/plan/plan.mustache:14:9: key 'case.bsn' has data category
//   'identificatie', which audience 'staff' may not receive
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "core/diagnostic.h"
#include "render/template_renderer.h"

namespace casus {

// May this audience receive data of this category? "" (structural) always.
bool audience_may_receive(const Audience& audience, const std::string& category);

struct SchemaEntry {
  std::string category;  // "" = structural
  bool guard = false;    // a flag that is true exactly when `category` may be received
};

// The static key → category table of one document. Paths are dotted; lists
// are transparent ("instruments.legal_basis" is the field of every item of
// the list "instruments"). A path declared without a category that only has
// children is a container.
class DocumentSchema {
 public:
  explicit DocumentSchema(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }
  DocumentSchema& value(const std::string& path, std::string category);
  DocumentSchema& structural(const std::string& path) { return value(path, ""); }
  // A value with the category of a model field: config.category_of(kind, field).
  DocumentSchema& field(const std::string& path, const Config& config, const std::string& kind,
                        const std::string& field);
  DocumentSchema& guard(const std::string& path, std::string category);

  const SchemaEntry* find(const std::string& path) const;
  // Declared, or the prefix of a declared path (a container).
  bool knows(const std::string& path) const;
  const std::map<std::string, SchemaEntry>& entries() const { return entries_; }

 private:
  std::string name_;
  std::map<std::string, SchemaEntry> entries_;
};

// A context under construction for one audience. Objects and lists are made
// with object() and list items with item(); every set() goes through the
// schema. Errors (undeclared keys) are collected and fail build().
class ContextBuilder {
 public:
  ContextBuilder(const DocumentSchema& schema, const Audience& audience);

  class Object {
   public:
    // Is `key` (relative to this object) declared and permitted?
    bool permits(const std::string& key) const;
    // Sets the value when permitted; does nothing when not; an undeclared key is an error.
    void set(const std::string& key, const std::string& value);
    void set(const std::string& key, std::string&& value);  // the same, moving the text in
    // A structural boolean (category ""), e.g. `blank`, `has_assessment`.
    void flag(const std::string& key, bool value);
    // A guard flag: set from the schema; returns whether its category is permitted.
    bool guard(const std::string& key);
    // Child object / list item under `key`; attach it with put() / append().
    Object object(const std::string& key) const;
    void put(const std::string& key, Object child);
    // Appends an item to the list `key` (created empty on first use; set an
    // empty list with empty_list(), with room for `capacity` items when the
    // count is known).
    void append(const std::string& key, Object item);
    void empty_list(const std::string& key, std::size_t capacity = 0);
    // Presence of a list for templates: `key` becomes a list of one empty
    // object when `present`, else empty ({{#x_any}}header{{#x}}…{{/x}}{{/x_any}}).
    // Declared in the schema like any key (usually with the list's category).
    void presence(const std::string& key, bool present);
    const std::string& path() const { return path_; }

   private:
    friend class ContextBuilder;
    Object(ContextBuilder* builder, std::string path) : builder_(builder), path_(std::move(path)) {}
    std::string child_path(const std::string& key) const;
    // Declared? (reports an error when not); permitted?
    bool admit(const std::string& key, bool report);

    ContextBuilder* builder_;
    std::string path_;
    TemplateData data_;
  };

  Object root() { return Object(this, ""); }
  const Audience& audience() const { return *audience_; }
  const DocumentSchema& schema() const { return *schema_; }
  bool permits_category(const std::string& category) const {
    return audience_may_receive(*audience_, category);
  }
  // The finished context; an error naming every undeclared key when any was used.
  Result<TemplateData> build(Object root);

  // Categories of the values actually set (for the OutputRun record), sorted.
  std::vector<std::string> categories_used() const;

 private:
  void error(const std::string& message);
  void used(const std::string& category);

  const DocumentSchema* schema_;
  const Audience* audience_;
  std::vector<std::string> errors_;
  std::map<std::string, bool> used_;
  // Object::admit()'s answers by path (declared; declared and permitted).
  struct Admission {
    bool declared = false;
    bool permitted = false;
  };
  std::unordered_map<std::string, Admission> admissions_;
  std::string path_buffer_;
};

// Static check of one template (and its partials) against a schema for an
// audience: every tag must name a declared key, and every value or
// container key reached must have a category the audience may receive.
// Guard flags are evaluated for the audience, so a guarded section's body
// is checked only when the audience may see it. Diagnostics are errors with
// code "template.audience" (or "template.undeclared", "template.syntax").
std::vector<Diagnostic> check_template_for_audience(const std::filesystem::path& template_path,
                                                    const DocumentSchema& schema,
                                                    const Audience& audience);

}  // namespace casus
