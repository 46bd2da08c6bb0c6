package io.policybot.app.web;

import com.sun.net.httpserver.HttpExchange;
import io.policybot.people.StaffAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The check of the HR pages (Announcements, Questions): HR and admins only; anyone else is refused, audited. */
final class StaffOnly {
    private final StaffAccess access;
    private final Pages pages;

    StaffOnly(StaffAccess access, Pages pages) {
        this.access = access;
        this.pages = pages;
    }

    /** True (and the 403 sent, the refusal audited) when the viewer is neither HR nor an admin. */
    boolean refused(HttpExchange ex, WebConsole.Viewer v, Request r, String current) throws IOException {
        if (v.roles().staff()) {
            return false;
        }
        access.refuse(v.actor(), v.roles(), "console " + r.method() + " " + r.path(), "");
        if (r.path().endsWith(".json")) {
            WebConsole.send(ex, 403, "application/json; charset=utf-8",
                    "{\"error\":\"refused\"}".getBytes(StandardCharsets.UTF_8));
        } else {
            WebConsole.html(ex, 403, pages.render("message", v.language(), WebConsole.page(v, current,
                    Map.of("message", v.m().get("refused")))));
        }
        return true;
    }
}
