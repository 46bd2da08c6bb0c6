package io.policybot.discord;

import java.util.Locale;
import java.util.ResourceBundle;

/** The adapter's own few words (DMs closed, something failed), from {@code i18n/discord*.properties}. */
final class Notices {
    static final String DM_CLOSED_PRIVATE = "dm.closed.private";
    static final String DM_CLOSED_PUBLIC = "dm.closed.public";
    static final String FAILED = "failed";
    static final String BUSY = "busy";

    static String get(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.discord", locale == null ? Locale.ROOT : locale,
                Notices.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key);
    }

    private Notices() {
    }
}
