#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace otklik {

namespace {

constexpr const char* kExtensions[] = {"table", "autolink", "strikethrough"};

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// cmark-gfm keeps the table of inline special characters in a global: each
// parser adds its extensions' characters (':' and 'w' for autolinks, '~')
// when it processes inlines and removes them when done, so two parsers at
// once on two threads can lose each other's autolinks (seen as 3 builds in
// 40 with an unlinked URL). All of that happens inside cmark_parser_finish,
// so only that call is made one at a time; the block parsing before it and
// the HTML rendering after it run in parallel. (Emptying the extensions'
// character lists once instead does not work: the strikethrough extension
// is found through its list, and without it cmark loops forever on '~'.)
std::mutex& InlinesMutex() {
  static std::mutex mutex;
  return mutex;
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
  const int options = (allow_raw_html_ ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT);
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* document = nullptr;
  {
    std::lock_guard lock(InlinesMutex());
    document = cmark_parser_finish(parser);
  }
  ShiftHeadings(document);
  char* html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return out;
}

}  // namespace otklik
