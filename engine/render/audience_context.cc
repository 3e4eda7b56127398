#include "render/audience_context.h"

#include <algorithm>
#include <set>

#include "core/file_io.h"
#include "render/markup_parser.h"

namespace casus {

namespace km = kainjow::mustache;

namespace {

// kainjow's data copies what set() and push_back() are given, deeply, and its
// move constructor is not noexcept, so a std::vector of it copies every item
// when it grows. A context of thousands of rows is therefore built by moving
// into the object (operator[]) and into the list (below) instead.

// `data[key] = value`, moving `value` in (kainjow's set() copies it).
void put_moved(TemplateData& data, const std::string& key, TemplateData value) {
  data[key] = std::move(value);
}

// A string value holding `text` (the string constructor copies it).
TemplateData string_data(std::string text) {
  TemplateData value(TemplateData::type::string);
  const_cast<std::string&>(value.string_value()) = std::move(text);  // owned by `value`, not const
  return value;
}

// Appends `item` to the list `list` by moving; when the list is full it grows
// by moving its items into a larger one, so none is ever copied.
void push_back_moved(TemplateData& list, TemplateData item) {
  auto& items = const_cast<std::vector<TemplateData>&>(list.list_value());  // owned by `list`, not const
  if (items.size() == items.capacity()) {
    std::vector<TemplateData> grown;
    grown.reserve(std::max<std::size_t>(8, items.capacity() * 2));
    for (TemplateData& existing : items) grown.emplace_back(std::move(existing));
    items.swap(grown);
  }
  items.emplace_back(std::move(item));
}

}  // namespace

bool audience_may_receive(const Audience& audience, const std::string& category) {
  return category.empty() || audience.categories.count(category) > 0;
}

// ---- DocumentSchema ----------------------------------------------------------

DocumentSchema& DocumentSchema::value(const std::string& path, std::string category) {
  entries_[path] = SchemaEntry{std::move(category), false};
  return *this;
}

DocumentSchema& DocumentSchema::field(const std::string& path, const Config& config,
                                      const std::string& kind, const std::string& field) {
  std::string category = config.category_of(kind, field);
  // An unclassified field is treated as the most restricted: no audience
  // holds the category "unclassified", so it is never set.
  if (category.empty()) category = "unclassified:" + kind + "." + field;
  return value(path, std::move(category));
}

DocumentSchema& DocumentSchema::guard(const std::string& path, std::string category) {
  entries_[path] = SchemaEntry{std::move(category), true};
  return *this;
}

const SchemaEntry* DocumentSchema::find(const std::string& path) const {
  auto it = entries_.find(path);
  return it == entries_.end() ? nullptr : &it->second;
}

bool DocumentSchema::knows(const std::string& path) const {
  if (entries_.count(path)) return true;
  const std::string prefix = path + ".";
  auto it = entries_.lower_bound(prefix);
  return it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

// ---- ContextBuilder ----------------------------------------------------------

ContextBuilder::ContextBuilder(const DocumentSchema& schema, const Audience& audience)
    : schema_(&schema), audience_(&audience) {}

void ContextBuilder::error(const std::string& message) {
  if (std::find(errors_.begin(), errors_.end(), message) == errors_.end()) errors_.push_back(message);
}

void ContextBuilder::used(const std::string& category) {
  if (!category.empty()) used_[category] = true;
}

std::vector<std::string> ContextBuilder::categories_used() const {
  std::vector<std::string> out;
  for (const auto& [category, _] : used_) out.push_back(category);
  return out;
}

Result<TemplateData> ContextBuilder::build(Object root) {
  if (!errors_.empty()) {
    std::string message = "context for document '" + schema_->name() + "': ";
    for (std::size_t i = 0; i < errors_.size(); ++i) message += (i ? "; " : "") + errors_[i];
    return Status::error(message);
  }
  return std::move(root.data_);
}

std::string ContextBuilder::Object::child_path(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

bool ContextBuilder::Object::admit(const std::string& key, bool report) {
  // Every row of a list asks the same questions: the answer per path is
  // looked up once (the path is built in a reused buffer).
  std::string& path = builder_->path_buffer_;
  path.assign(path_);
  if (!path.empty()) path += '.';
  path += key;
  auto known = builder_->admissions_.find(path);
  if (known == builder_->admissions_.end()) {
    Admission admission;
    if (const SchemaEntry* entry = builder_->schema_->find(path)) {
      admission.declared = true;
      admission.permitted = builder_->permits_category(entry->category);
      if (admission.permitted) builder_->used(entry->category);
    } else {
      admission.declared = admission.permitted = builder_->schema_->knows(path);  // a plain container
    }
    known = builder_->admissions_.emplace(path, admission).first;
  }
  if (!known->second.declared && report) builder_->error("key '" + path + "' is not declared in the schema");
  return known->second.permitted;
}

bool ContextBuilder::Object::permits(const std::string& key) const {
  const std::string path = child_path(key);
  const SchemaEntry* entry = builder_->schema_->find(path);
  if (!entry) return builder_->schema_->knows(path);
  return builder_->permits_category(entry->category);
}

void ContextBuilder::Object::set(const std::string& key, const std::string& value) {
  if (admit(key, true)) put_moved(data_, key, string_data(value));
}

void ContextBuilder::Object::set(const std::string& key, std::string&& value) {
  if (admit(key, true)) put_moved(data_, key, string_data(std::move(value)));
}

void ContextBuilder::Object::flag(const std::string& key, bool value) {
  const std::string path = child_path(key);
  const SchemaEntry* entry = builder_->schema_->find(path);
  if (!entry || entry->guard || !entry->category.empty()) {
    builder_->error("key '" + path + "' is not declared as a structural flag");
    return;
  }
  put_moved(data_, key, TemplateData(value));
}

bool ContextBuilder::Object::guard(const std::string& key) {
  const std::string path = child_path(key);
  const SchemaEntry* entry = builder_->schema_->find(path);
  if (!entry || !entry->guard) {
    builder_->error("key '" + path + "' is not declared as a guard flag");
    return false;
  }
  const bool allowed = builder_->permits_category(entry->category);
  put_moved(data_, key, TemplateData(allowed));
  return allowed;
}

ContextBuilder::Object ContextBuilder::Object::object(const std::string& key) const {
  return Object(builder_, child_path(key));
}

void ContextBuilder::Object::put(const std::string& key, Object child) {
  if (admit(key, true)) put_moved(data_, key, std::move(child.data_));
}

void ContextBuilder::Object::append(const std::string& key, Object item) {
  if (!admit(key, true)) return;
  if (TemplateData* list = const_cast<TemplateData*>(data_.get(key)); list && list->is_list()) {
    push_back_moved(*list, std::move(item.data_));
    return;
  }
  TemplateData list{TemplateData::type::list};
  push_back_moved(list, std::move(item.data_));
  put_moved(data_, key, std::move(list));
}

void ContextBuilder::Object::empty_list(const std::string& key, std::size_t capacity) {
  if (!admit(key, true)) return;
  TemplateData list{TemplateData::type::list};
  const_cast<std::vector<TemplateData>&>(list.list_value()).reserve(capacity);  // owned by `list`
  put_moved(data_, key, std::move(list));
}

void ContextBuilder::Object::presence(const std::string& key, bool present) {
  if (!admit(key, true)) return;
  TemplateData list{TemplateData::type::list};
  if (present) push_back_moved(list, TemplateData{TemplateData::type::object});
  put_moved(data_, key, std::move(list));
}

// ---- the static check --------------------------------------------------------

namespace {

using Component = km::component<std::string>;

struct ParsedSource {
  std::string display;
  std::string text;
  Component root;
};

class StaticChecker {
 public:
  StaticChecker(const DocumentSchema& schema, const Audience& audience, std::filesystem::path folder,
                std::string display_folder)
      : schema_(schema), audience_(audience), folder_(std::move(folder)),
        display_folder_(std::move(display_folder)) {}

  std::vector<Diagnostic> diagnostics;

  std::shared_ptr<ParsedSource> parse(std::string text, std::string display) {
    auto source = std::make_shared<ParsedSource>();
    source->display = std::move(display);
    source->text = std::move(text);
    km::context<std::string> ctx;
    km::context_internal<std::string> internal{ctx};
    std::string error;
    km::parser<std::string> parser{source->text, internal, source->root, error};
    if (!error.empty()) {
      Diagnostic d;
      d.code = "template.syntax";
      d.location.file = source->display;
      d.message = error;
      diagnostics.push_back(d);
      return nullptr;
    }
    return source;
  }

  void walk(const ParsedSource& source, const Component& comp, std::vector<std::string>& stack, int depth) {
    for (const Component& child : comp.children) {
      const auto& tag = child.tag;
      switch (tag.type) {
        case km::tag_type::variable:
        case km::tag_type::unescaped_variable: {
          resolve_and_check(source, child, tag.name, stack);
          break;
        }
        case km::tag_type::section_begin:
        case km::tag_type::section_begin_inverted: {
          const bool inverted = tag.type == km::tag_type::section_begin_inverted;
          auto path = resolve_and_check(source, child, tag.name, stack);
          if (!path) break;  // reported; its body would only repeat the error
          const SchemaEntry* entry = schema_.find(*path);
          if (entry && entry->guard) {
            const bool on = audience_may_receive(audience_, entry->category);
            if (on == inverted) break;  // this body never renders for the audience
            walk(source, child, stack, depth);
          } else if (inverted) {
            walk(source, child, stack, depth);
          } else {
            stack.push_back(*path);
            walk(source, child, stack, depth);
            stack.pop_back();
          }
          break;
        }
        case km::tag_type::partial: {
          if (depth > 32) break;
          auto partial = load_partial(source, child);
          if (partial) walk(*partial, partial->root, stack, depth + 1);
          break;
        }
        default:
          break;
      }
    }
  }

 private:
  void report(const ParsedSource& source, std::size_t offset, const std::string& code,
              const std::string& message) {
    const LineColumn lc = line_column_at(source.text, offset);
    const std::string key = source.display + ":" + std::to_string(offset) + message;
    if (!seen_.insert(key).second) return;
    Diagnostic d;
    d.code = code;
    d.location = {source.display, lc.line, lc.column};
    d.message = message;
    diagnostics.push_back(d);
  }

  // The schema path a tag names, searching the section stack from the inside out.
  std::optional<std::string> resolve(const std::string& name, const std::vector<std::string>& stack) const {
    if (name == ".") return stack.empty() ? std::nullopt : std::optional<std::string>(stack.back());
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      const std::string candidate = it->empty() ? name : *it + "." + name;
      if (schema_.knows(candidate)) return candidate;
    }
    return std::nullopt;
  }

  std::optional<std::string> resolve_and_check(const ParsedSource& source, const Component& comp,
                                               const std::string& name, const std::vector<std::string>& stack) {
    auto path = resolve(name, stack);
    if (!path) {
      report(source, comp.position, "template.undeclared",
             "key '" + name + "' is not declared in the schema of document '" + schema_.name() + "'");
      return std::nullopt;
    }
    // The key itself and every declared container above it must be permitted.
    std::string prefix;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = path->find('.', start);
      prefix = path->substr(0, dot);
      const SchemaEntry* entry = schema_.find(prefix);
      if (entry && !entry->guard && !audience_may_receive(audience_, entry->category)) {
        report(source, comp.position, "template.audience",
               "key '" + prefix + "' has data category '" + entry->category + "', which audience '" +
                   audience_.code + "' may not receive");
        return std::nullopt;
      }
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    return path;
  }

  std::shared_ptr<ParsedSource> load_partial(const ParsedSource& from, const Component& comp) {
    const std::string& name = comp.tag.name;
    auto it = partials_.find(name);
    if (it != partials_.end()) return it->second;
    std::shared_ptr<ParsedSource> parsed;
    if (name.find("..") == std::string::npos && !folder_.empty()) {
      auto text = read_file(folder_ / (name + ".mustache"));
      const std::string display =
          display_folder_.empty() ? name + ".mustache" : display_folder_ + "/" + name + ".mustache";
      if (text) parsed = parse(std::move(text.value()), display);
    }
    if (!parsed) report(from, comp.position, "template.partial", "partial '" + name + "' not found");
    partials_[name] = parsed;
    return parsed;
  }

  const DocumentSchema& schema_;
  const Audience& audience_;
  std::filesystem::path folder_;
  std::string display_folder_;
  std::map<std::string, std::shared_ptr<ParsedSource>> partials_;
  std::set<std::string> seen_;
};

}  // namespace

std::vector<Diagnostic> check_template_for_audience(const std::filesystem::path& template_path,
                                                    const DocumentSchema& schema,
                                                    const Audience& audience) {
  StaticChecker checker(schema, audience, template_path.parent_path(),
                        template_path.parent_path().generic_string());
  auto text = read_file(template_path);
  if (!text) {
    Diagnostic d;
    d.code = "template.read";
    d.location.file = template_path.generic_string();
    d.message = text.message();
    return {d};
  }
  auto root = checker.parse(std::move(text.value()), template_path.generic_string());
  if (root) {
    std::vector<std::string> stack{""};
    checker.walk(*root, root->root, stack, 0);
  }
  return checker.diagnostics;
}

}  // namespace casus
