#include "render/template_renderer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <vector>

#include "core/file_io.h"
#include "core/text_encoding.h"
#include "render/markup_parser.h"

namespace casus {

namespace {

// Templates are staff-edited text files: UTF-8 and of modest size. Anything
// else is refused before parsing, with one located message.
Status refuse_hostile_template(const std::string& text, const std::string& display, DiagnosticSink& sink) {
  Diagnostic d;
  d.code = "template.read";
  d.location.file = display;
  if (text.size() > kMaxTemplateBytes) {
    d.message = "template is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxTemplateBytes) +
                " bytes are allowed";
  } else if (const std::size_t bad = first_invalid_utf8(text); bad < text.size()) {
    d.location.line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    d.message = std::string("not valid UTF-8 (byte ") + byte + "); templates must be saved as UTF-8";
  } else {
    return Status::ok();
  }
  sink.report(d);
  return Status::error(d.to_string());
}

}  // namespace

namespace km = kainjow::mustache;
using Component = km::component<std::string>;

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

struct MustacheTemplate::Source {
  std::string display;  // as errors name it
  std::string text;
  Component root;
};

namespace {

using Sources = std::map<std::string, std::shared_ptr<MustacheTemplate::Source>>;
const std::string kRootKey = "\x01root";

void report(DiagnosticSink& sink, const std::string& file, std::string_view text, std::size_t offset,
            const std::string& code, const std::string& message, std::optional<std::string>& first) {
  const LineColumn lc = line_column_at(text, offset);
  Diagnostic d;
  d.code = code;
  d.location = {file, lc.line, lc.column};
  d.message = message;
  if (!first) first = d.to_string();
  sink.report(d);
}

// kainjow reports 'Unclosed section "a" at 12'; split off the byte offset.
std::pair<std::string, std::size_t> split_offset(const std::string& message) {
  const std::size_t at = message.rfind(" at ");
  if (at != std::string::npos && at + 4 < message.size()) {
    std::size_t offset = 0;
    bool digits = true;
    for (std::size_t i = at + 4; i < message.size(); ++i) {
      if (message[i] < '0' || message[i] > '9') { digits = false; break; }
      offset = offset * 10 + static_cast<std::size_t>(message[i] - '0');
    }
    if (digits) return {message.substr(0, at), offset};
  }
  return {message, 0};
}

bool valid_partial_name(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-' || c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

std::shared_ptr<MustacheTemplate::Source> parse_source(std::string text, std::string display, DiagnosticSink& sink,
                                                       std::optional<std::string>& first) {
  auto source = std::make_shared<MustacheTemplate::Source>();
  source->display = std::move(display);
  source->text = std::move(text);
  km::context<std::string> ctx;
  km::context_internal<std::string> internal{ctx};
  std::string error;
  km::parser<std::string> parser{source->text, internal, source->root, error};
  if (!error.empty()) {
    auto [message, offset] = split_offset(error);
    report(sink, source->display, source->text, offset, "template.syntax", message, first);
    return nullptr;
  }
  return source;
}

void collect_partials(const Component& comp, std::vector<const Component*>& out) {
  for (const Component& child : comp.children) {
    if (child.tag.type == km::tag_type::partial) out.push_back(&child);
    collect_partials(child, out);
  }
}

// Loads every partial reachable from `source` into `sources`.
void load_partials(const MustacheTemplate::Source& source, const std::filesystem::path& folder,
                   const std::string& display_folder, Sources& sources, DiagnosticSink& sink,
                   std::optional<std::string>& first) {
  std::vector<const Component*> tags;
  collect_partials(source.root, tags);
  for (const Component* tag : tags) {
    const std::string& name = tag->tag.name;
    if (sources.count(name)) continue;
    if (!valid_partial_name(name)) {
      report(sink, source.display, source.text, tag->position, "template.partial",
             "partial name '" + name + "' is not a plain file name", first);
      sources[name] = nullptr;
      continue;
    }
    if (folder.empty()) {
      report(sink, source.display, source.text, tag->position, "template.partial",
             "partial '" + name + "' cannot be loaded: the template has no folder", first);
      sources[name] = nullptr;
      continue;
    }
    const std::filesystem::path path = folder / (name + ".mustache");
    const std::string display = display_folder.empty() ? name + ".mustache" : display_folder + "/" + name + ".mustache";
    Result<std::string> text = read_file(path);
    if (!text) {
      report(sink, source.display, source.text, tag->position, "template.partial",
             "partial '" + name + "' not found (looked for " + display + ")", first);
      sources[name] = nullptr;
      continue;
    }
    if (Status refused = refuse_hostile_template(*text, display, sink); !refused) {
      if (!first) first = refused.message();
      sources[name] = nullptr;
      continue;
    }
    auto parsed = parse_source(std::move(text.value()), display, sink, first);
    sources[name] = parsed;
    if (parsed) load_partials(*parsed, folder, display_folder, sources, sink, first);
  }
}

// ---- the checking pass ----------------------------------------------------
class Checker {
 public:
  Checker(const Sources& sources, DiagnosticSink& sink) : sources_(sources), sink_(sink) {}

  void check(const MustacheTemplate::Source& source, std::vector<const TemplateData*>& stack, int depth) {
    if (depth > 32) {
      error(source, 0, "template.partial", "partials nest more than 32 deep (recursive partial?)");
      return;
    }
    walk(source, source.root, stack, depth);
  }

  std::optional<std::string> first;

 private:
  static const TemplateData* resolve(const std::string& name, const std::vector<const TemplateData*>& stack) {
    if (name == ".") return stack.back();
    if (name.find('.') == std::string::npos) {
      for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        if (const TemplateData* v = (*it)->get(name)) return v;
      return nullptr;
    }
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      const std::size_t dot = name.find('.', start);
      parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
      const TemplateData* v = *it;
      for (const std::string& p : parts) {
        v = v->get(p);
        if (!v) break;
      }
      if (v) return v;
    }
    return nullptr;
  }

  static const char* kind_of(const TemplateData& v) {
    if (v.is_list()) return "a list";
    if (v.is_object()) return "an object";
    if (v.is_bool()) return "true/false";
    if (v.is_partial()) return "a partial";
    return "not text";
  }

  void error(const MustacheTemplate::Source& source, std::size_t offset, const std::string& code,
             const std::string& message) {
    const std::string key = source.display + '\n' + std::to_string(offset) + '\n' + message;
    if (!seen_.insert(key).second) return;  // once per tag, not once per list item
    report(sink_, source.display, source.text, offset, code, message, first);
  }

  void walk(const MustacheTemplate::Source& source, const Component& comp,
            std::vector<const TemplateData*>& stack, int depth) {
    for (const Component& child : comp.children) {
      const auto& tag = child.tag;
      switch (tag.type) {
        case km::tag_type::variable:
        case km::tag_type::unescaped_variable: {
          if (tag.name.empty()) {
            error(source, child.position, "template.empty_tag", "empty tag {{}}");
            break;
          }
          const TemplateData* v = resolve(tag.name, stack);
          if (!v) {
            error(source, child.position, "template.missing_key", "key '" + tag.name + "' is not in the context");
          } else if (!v->is_string() && !v->is_lambda()) {
            error(source, child.position, "template.not_text",
                  "key '" + tag.name + "' is " + kind_of(*v) + ", not text; use a section {{#" + tag.name + "}}");
          }
          break;
        }
        case km::tag_type::section_begin: {
          const TemplateData* v = resolve(tag.name, stack);
          if (!v) {
            error(source, child.position, "template.missing_key",
                  "section key '" + tag.name + "' is not in the context");
          } else if (v->is_lambda() || v->is_lambda2() || v->is_false() || v->is_empty_list()) {
            // body not rendered as template text against this context
          } else if (v->is_list()) {
            for (const TemplateData& item : v->list_value()) {
              stack.push_back(&item);
              walk(source, child, stack, depth);
              stack.pop_back();
            }
          } else {
            stack.push_back(v);
            walk(source, child, stack, depth);
            stack.pop_back();
          }
          break;
        }
        case km::tag_type::section_begin_inverted: {
          const TemplateData* v = resolve(tag.name, stack);
          if (!v) {
            error(source, child.position, "template.missing_key",
                  "section key '" + tag.name + "' is not in the context");
          } else if (v->is_false() || v->is_empty_list()) {
            stack.push_back(v);
            walk(source, child, stack, depth);
            stack.pop_back();
          }
          break;
        }
        case km::tag_type::partial: {
          auto it = sources_.find(tag.name);
          if (it != sources_.end() && it->second) check(*it->second, stack, depth + 1);
          break;
        }
        default:
          break;
      }
    }
  }

  const Sources& sources_;
  DiagnosticSink& sink_;
  std::set<std::string> seen_;
};

// Render context: the data stack from kainjow, partials from the loaded files.
class PartialContext : public km::basic_context<std::string> {
 public:
  PartialContext(const TemplateData* data, const Sources& sources) : inner_(data) {
    for (const auto& [name, source] : sources)
      if (source && name != kRootKey) partials_.emplace(name, TemplateData(source->text));
  }
  void push(const TemplateData* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }
  const TemplateData* get(const std::string& name) const override { return inner_.get(name); }
  const TemplateData* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  km::context<std::string> inner_;
  std::map<std::string, TemplateData> partials_;
};

}  // namespace

Result<MustacheTemplate> MustacheTemplate::from_text(std::string text, std::string display_name,
                                                     const std::filesystem::path& partials_folder,
                                                     DiagnosticSink& sink) {
  std::optional<std::string> first;
  auto root = parse_source(std::move(text), std::move(display_name), sink, first);
  if (!root) return Status::error(*first);
  auto sources = std::make_shared<Sources>();
  (*sources)[kRootKey] = root;
  std::string display_folder = std::filesystem::path(root->display).parent_path().generic_string();
  load_partials(*root, partials_folder, display_folder, *sources, sink, first);
  if (first) return Status::error(*first);
  MustacheTemplate t;
  t.sources_ = sources;
  t.root_ = root->display;
  return t;
}

Result<MustacheTemplate> MustacheTemplate::load(const std::filesystem::path& path, DiagnosticSink& sink) {
  Result<std::string> text = read_file(path);
  if (!text) {
    Diagnostic d;
    d.code = "template.read";
    d.location.file = path.generic_string();
    d.message = text.message();
    sink.report(d);
    return text.status();
  }
  if (Status refused = refuse_hostile_template(*text, path.generic_string(), sink); !refused) return refused;
  return from_text(std::move(text.value()), path.generic_string(), path.parent_path(), sink);
}

const std::string& MustacheTemplate::name() const { return root_; }

Status MustacheTemplate::check(const TemplateData& context, DiagnosticSink& sink) const {
  Checker checker(*sources_, sink);
  std::vector<const TemplateData*> stack{&context};
  checker.check(*sources_->at(kRootKey), stack, 0);
  if (checker.first) return Status::error(*checker.first);
  return Status::ok();
}

Result<std::string> MustacheTemplate::render(const TemplateData& context, DiagnosticSink& sink) const {
  if (Status s = check(context, sink); !s) return s;
  const Source& root = *sources_->at(kRootKey);
  km::mustache tmpl{root.text};
  tmpl.set_custom_escape(xml_escape);
  PartialContext ctx(&context, *sources_);
  std::ostringstream out;
  tmpl.render(ctx, out);
  if (!tmpl.is_valid()) {
    Diagnostic d;
    d.code = "template.render";
    d.location.file = root.display;
    d.message = tmpl.error_message();
    sink.report(d);
    return Status::error(d.to_string());
  }
  return out.str();
}

Result<Document> render_document(const std::filesystem::path& template_path, const TemplateData& context,
                                 DiagnosticSink& sink) {
  Result<MustacheTemplate> tmpl = MustacheTemplate::load(template_path, sink);
  if (!tmpl) return tmpl.status();
  Result<std::string> markup = tmpl->render(context, sink);
  if (!markup) return markup.status();
  return parse_markup(markup.value(), template_path.generic_string() + " (rendered)", sink);
}

}  // namespace casus
