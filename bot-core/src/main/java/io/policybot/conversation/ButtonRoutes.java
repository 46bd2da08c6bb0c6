package io.policybot.conversation;

import io.policybot.chat.ButtonHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which handler takes a press: the one registered for the longest prefix of its action id. */
final class ButtonRoutes {
    private final TreeMap<String, ButtonHandler> byPrefix = new TreeMap<>();

    ButtonRoutes(List<? extends ButtonHandler> handlers) {
        for (ButtonHandler h : handlers) {
            for (String prefix : h.prefixes()) {
                ButtonHandler before = byPrefix.put(prefix, h);
                if (before != null && before != h) {
                    throw new IllegalArgumentException("two handlers for the buttons " + prefix + "*");
                }
            }
        }
    }

    Optional<ButtonHandler> route(String actionId) {
        if (actionId == null) {
            return Optional.empty();
        }
        // Prefixes sort before the ids they start, so the longest match is the nearest one at or below the id.
        for (Map.Entry<String, ButtonHandler> e = byPrefix.floorEntry(actionId); e != null;
             e = byPrefix.lowerEntry(e.getKey())) {
            if (actionId.startsWith(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
