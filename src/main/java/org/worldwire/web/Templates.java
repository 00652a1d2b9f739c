package org.worldwire.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The precompiled JTE templates (HTML mode: every {@code ${}} is escaped for where it stands). */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    Rendered page(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(name + ".jte", params, out);
        return Rendered.of(out.toString(), "text/html; charset=utf-8");
    }
}
