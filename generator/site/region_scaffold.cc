#include <regex>

#include "content/document.h"
#include "site/region.h"

namespace otklik {

namespace {

std::string RegionPageText() {
  return "---\n"
         "# Страница портала региона с произвольным текстом (Markdown).\n"
         "title: Новая страница\n"
         "summary: О чём эта страница, в одном предложении.\n"
         "menu: false                        # true — показать в главном меню портала\n"
         "order: 1000                        # место в меню: чем меньше, тем выше\n"
         "---\n"
         "Текст страницы. Списки, таблицы и ссылки пишутся в Markdown.\n";
}

std::string AgencySiteText(const RegionConfig& region, const std::string& id) {
  return "# Сайт ведомства в портале региона: его материалы устроены так же, как у\n"
         "# отдельного сайта (docs/content-format.md): services/, situations/,\n"
         "# touchpoints/, surveys/, decisions/, pages/ рядом с этим файлом.\n"
         "# Жизненные ситуации называйте кодами региона (region.yaml, situations).\n"
         "title: Обратная связь\n"
         "description: Что граждане говорят о работе ведомства и что ведомство меняет.\n"
         "agency:\n"
         "  name: Полное название ведомства\n"
         "  short_name: Краткое название\n"
         "  region: " + region.name + "\n"
         "base_url: " + region.base_url + id + "/        # адрес его сайта в портале\n";
}

}  // namespace

bool CreateRegionScaffold(FileSystem& fs, const std::string& region_file, const std::string& kind,
                          const std::string& name, std::string* written, Diagnostics* diagnostics) {
  if (kind != "page" && kind != "agency") {
    diagnostics->Add("", 0, "в регионе можно создать страницу портала (page) или ведомство (agency)");
    return false;
  }
  if (!IsValidId(name)) {
    diagnostics->Add("", 0, "код «" + name + "» не годится для адреса: строчные латинские буквы, цифры и дефис");
    return false;
  }
  const std::optional<RegionConfig> region = LoadRegion(fs, region_file, diagnostics);
  if (!region) return false;
  if (kind == "page") {
    if (RegionFolderTaken(*region, name)) {
      diagnostics->Add("", 0, "адрес /" + name + "/ занят сайтом ведомства или разделом портала; выберите другой");
      return false;
    }
    const std::string path = JoinPath(region->pages_dir, name + ".md");
    if (fs.IsFile(path)) {
      diagnostics->Add(path, 0, "файл уже есть; выберите другое имя или измените этот файл");
      return false;
    }
    if (Status status = fs.ReplaceFile(path, RegionPageText()); !status.ok()) {
      diagnostics->Add("", 0, status.message());
      return false;
    }
    *written = path;
    return true;
  }
  if (RegionFolderTaken(*region, name)) {
    diagnostics->Add(region_file, 0, "ведомство или раздел портала «" + name + "» уже есть; выберите другой код");
    return false;
  }
  const std::string folder = JoinPath(JoinPath(ParentPath(region_file), "agencies"), name);
  const std::string content = JoinPath(folder, "content");
  if (fs.IsDirectory(folder)) {
    diagnostics->Add(folder, 0, "папка уже есть; выберите другой код");
    return false;
  }
  // The new agency is added at the end of region.yaml, which must then name it last.
  const Result<std::string> yaml = fs.ReadFile(region_file);
  if (!yaml.ok()) {
    diagnostics->Add("", 0, yaml.status().message());
    return false;
  }
  std::string text = yaml.value();
  if (!text.empty() && text.back() != '\n') text += '\n';
  text += "  - id: " + name + "\n    content: agencies/" + name + "/content\n";
  if (Status status = fs.ReplaceFile(JoinPath(content, "site.yaml"), AgencySiteText(*region, name)); !status.ok()) {
    diagnostics->Add("", 0, status.message());
    return false;
  }
  if (Status status = fs.ReplaceFile(region_file, text); !status.ok()) {
    (void)fs.RemoveAll(folder);
    diagnostics->Add("", 0, status.message());
    return false;
  }
  Diagnostics reread;
  const std::optional<RegionConfig> added = LoadRegion(fs, region_file, &reread);
  if (!added || added->agencies.size() != region->agencies.size() + 1 || added->agencies.back().id != name) {
    // agencies: is not the last part of region.yaml: put the file back and say what to add.
    (void)fs.ReplaceFile(region_file, yaml.value());
    (void)fs.RemoveAll(folder);
    diagnostics->Add(region_file, 0, "не удалось дописать ведомство в конец списка agencies; добавьте вручную:\n"
                                     "  - id: " + name + "\n    content: agencies/" + name + "/content");
    return false;
  }
  *written = JoinPath(content, "site.yaml");
  return true;
}

}  // namespace otklik
