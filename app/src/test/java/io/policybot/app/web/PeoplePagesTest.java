package io.policybot.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.policybot.people.RosterImporter;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The People table of a big scope comes in pages of 100 rows; the CSV holds every row of the filter. */
class PeoplePagesTest {
    private final ConsoleWorld world = new ConsoleWorld();
    private final ConsoleClient client = new ConsoleClient(world);

    PeoplePagesTest() throws Exception {
        StringBuilder roster = new StringBuilder("platform,platform_user_id,name,email,team,manager_email,joined_on,role\n");
        for (int i = 0; i < 250; i++) {
            roster.append(String.format("slack,X%03d,Xavi %03d,x%03d@acme.example,Field,,2020-01-06,%n", i, i, i));
        }
        new RosterImporter(world.services.storage().people(), world.services.storage().roster(),
                world.services.storage().audit(), world.clock).importCsv(roster.toString(), "cli", "more.csv");
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static int rows(String html) {
        Matcher m = Pattern.compile("<tr data-state=").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void bigScopesArePagedAndTheExportHoldsEveryPage() throws Exception {
        String cookie = client.signIn("HR1").cookie();
        HttpResponse<String> first = client.get("/people?team=Field", cookie);
        assertEquals(200, first.statusCode());
        assertEquals(100, rows(first.body()));
        assertTrue(first.body().contains("Rows 1–100 of 250"), "the pager says where you are");
        assertTrue(first.body().contains("<span id=\"shown\">250</span>"));
        assertTrue(first.body().contains("Xavi 000") && !first.body().contains("Xavi 100"));
        assertFalse(first.body().contains("id=\"previous\""));
        HttpResponse<String> last = client.get("/people?team=Field&sort=name&dir=asc&page=3", cookie);
        assertEquals(50, rows(last.body()));
        assertTrue(last.body().contains("Xavi 249") && last.body().contains("Rows 201–250 of 250"));
        assertFalse(last.body().contains("id=\"next\""));
        assertEquals(50, rows(client.get("/people?team=Field&page=99", cookie).body()), "past the end: the last page");
        HttpResponse<String> csv = client.get("/people.csv?team=Field&page=2", cookie);
        assertEquals(251, csv.body().lines().count(), "a header and every row of the filter, not one page");
        String all = client.get("/people", cookie).body();
        assertEquals(100, rows(all));
        assertTrue(all.contains("Rows 1–100 of 258"), "258 in all: the small company and 250 more");
    }
}
