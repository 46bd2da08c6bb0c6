package io.policybot.app.web;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The console's Thymeleaf templates ({@code console/templates/*.html}), parsed once and cached. */
final class Pages {
    private final TemplateEngine engine = new TemplateEngine();

    Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("console/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    private final Map<String, Map<String, String>> words = new java.util.concurrent.ConcurrentHashMap<>();

    /** Renders {@code template}; {@code t} in it is the console's words in {@code language} ({@code ${t['nav.people']}}). */
    String render(String template, String language, Map<String, Object> vars) {
        Map<String, Object> all = new java.util.HashMap<>(vars);
        all.put("t", words.computeIfAbsent(language, Pages::load));
        all.put("lang", language);
        Context context = new Context(Locale.forLanguageTag(language), all);
        return engine.process(template, context);
    }

    private static Map<String, String> load(String language) {
        java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("i18n.webconsole", Locale.forLanguageTag(language),
                Pages.class.getClassLoader(), java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new java.util.HashMap<>();
        for (String k : b.keySet()) {
            out.put(k, b.getString(k));
        }
        return Map.copyOf(out);
    }
}
