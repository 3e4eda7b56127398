// The case list as a document (the PDF form of the casuslijst): its static
// schema (every key of templates/caselist/caselist.mustache with its data
// category), the context built through ContextBuilder for the pseudonymised
// staff audience, and the rendering into one document tree. The rows go
// through the template in chunks, one thread per core; each chunk's context
// and markup are dropped as soon as it is parsed, and its parsed tree once
// its rows are moved into the one table of the document, so a list of 100k
// cases holds its rows about once, in the trees.
// No name, bsn, birth date or case id is ever in the context; the schema
// declares the identifying keys with their categories so that a template
// asking for them is refused by `casus check`, and leaves the case id
// undeclared (a pseudonymised list has no use for it).
#pragma once

#include <cstddef>
#include <filesystem>

#include "core/diagnostic.h"
#include "core/status.h"
#include "render/audience_context.h"
#include "render/caselist_context.h"
#include "render/document.h"
#include "render/pdf_writer.h"

namespace casus {

DocumentSchema caselist_schema(const Config& config);

// The template, relative to the templates folder.
inline const std::filesystem::path kCaseListTemplate = "caselist/caselist.mustache";

// The case list's page: `base` (fonts, images) turned to landscape A4 with
// 14 mm side margins, room for its 21 columns.
PdfOptions caselist_page(PdfOptions base);

struct CaseListDocumentOptions {
  std::size_t chunk_rows = 1000;  // rows per pass through the template
  unsigned workers = 0;           // threads rendering chunks; 0: one per core
};

// Renders `template_path` with the rows of `list` for `audience` (which
// must be pseudonymised) into one document whose one table holds every
// row, in list order. `meta` is the document meta the workbook also
// carries. Fails on a template error (located), on an audience that is not
// pseudonymised, or when the template does not put exactly one body row per
// case into exactly one table. Chunks are rendered on `options.workers`
// threads at once, joined in list order: the tree, the diagnostics and the
// first error are those of one pass from the first row to the last, whatever
// the number of threads.
Result<Document> render_caselist_document(const CaseList& list, const DocumentMeta& meta, const Audience& audience,
                                          const DocumentSchema& schema, const std::filesystem::path& template_path,
                                          DiagnosticSink& sink, const CaseListDocumentOptions& options = {});

}  // namespace casus
