import { TemplateGallery } from "../components/TemplateGallery";

/** Tab 模板: the gallery of the manual's tables. */
export function TemplatesTab() {
  return <TemplateGallery />;
}
