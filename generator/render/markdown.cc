#include "render/markdown.h"

#include "core/fallback_text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace {

std::atomic<uint64_t> special_character_calls{0};

}  // namespace

// cmark-gfm keeps the table of inline special characters in a global: each
// parser adds its extensions' characters (':' and 'w' for autolinks, '~')
// at the start of cmark_parser_finish and removes them at its end, so two
// parsers at once on two threads lose each other's autolinks (seen as 3
// builds in 40 with an unlinked URL). The library makes both calls through
// its PLT, so this definition takes their place and does nothing: the
// table is filled once, before any document is parsed, with the
// characters of every extension this program attaches (kExtensions below),
// and never emptied, so Markdown renders on all threads at once. (Emptying
// the extensions' character lists instead does not work: the strikethrough
// extension is found through its list, and without it cmark loops forever
// on '~'.) The unit tests check that the library calls this definition, and
// render 2,000 documents on four threads.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser*, int) {
  special_character_calls.fetch_add(1, std::memory_order_relaxed);
}

namespace otklik {

namespace {

constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough"};

cmark_parser* NewParser(int options) {
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  }
  return parser;
}

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    // The library's own function, found past this program's definition.
    using Manage = void (*)(cmark_parser*, int);
    auto library = reinterpret_cast<Manage>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (library == nullptr) {
      std::fputs("otklik: cmark-gfm has no cmark_manage_extensions_special_characters\n", stderr);
      std::abort();
    }
    cmark_parser* parser = NewParser(CMARK_OPT_DEFAULT);
    library(parser, 1);
    cmark_parser_free(parser);
  });
}

void ShiftHeadings(cmark_node* root) {
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      const int level = cmark_node_get_heading_level(node);
      if (level < 6) cmark_node_set_heading_level(node, level + 1);
    }
  }
  cmark_iter_free(iter);
}

}  // namespace

MarkdownRenderer::MarkdownRenderer(bool allow_raw_html) : allow_raw_html_(allow_raw_html) {
  RegisterExtensionsOnce();
}

std::string MarkdownRenderer::ToHtml(std::string_view markdown) const {
  if (IsMarkedFallback(markdown)) {  // Russian in place of a translation
    return "<div lang=\"ru\">" + ToHtml(WithoutFallbackMarks(markdown)) + "</div>";
  }
  const int options = (allow_raw_html_ ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT);
  cmark_parser* parser = NewParser(options);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* document = cmark_parser_finish(parser);
  ShiftHeadings(document);
  char* html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return out;
}

uint64_t MarkdownRenderer::SpecialCharacterCalls() {
  return special_character_calls.load(std::memory_order_relaxed);
}

}  // namespace otklik
