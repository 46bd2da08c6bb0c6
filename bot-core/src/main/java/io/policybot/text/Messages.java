package io.policybot.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The bot's own words in one language, from {@code i18n/<bundle>_<lang>.properties} (UTF-8).
 * A key missing in a language falls back to English, so a half-translated bundle still works.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** @param bundle the bundle's base name under {@code i18n/}, e.g. "answering" or "training" */
    public static Messages of(String bundle, String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        try {
            return new Messages(ResourceBundle.getBundle("i18n." + bundle, locale, Messages.class.getClassLoader(), control), locale);
        } catch (MissingResourceException e) {
            // A language the content has but the bot's own words do not: speak English rather than fail.
            return new Messages(ResourceBundle.getBundle("i18n." + bundle, Locale.ENGLISH, Messages.class.getClassLoader(), control),
                    Locale.ENGLISH);
        }
    }

    public String language() {
        return locale.getLanguage();
    }

    /** The text for {@code key}, with {0}, {1}... filled from {@code args} (MessageFormat rules: quote ' as ''). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in bundle " + bundle.getBaseBundleName(), e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
