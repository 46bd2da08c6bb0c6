package io.policybot.announcements;

import java.util.Set;
import io.policybot.wiring.Services;
import io.policybot.testing.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.policybot.content.ContentLibrary;
import io.policybot.chat.Actor;
import io.policybot.chat.ChatGateway;
import io.policybot.people.Person;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.testing.TestClock;
import io.policybot.testing.TestContent;
import io.policybot.testing.TestDatabase;
import io.policybot.testing.TrainingDriver;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reminders before the due date, daily once overdue, the manager told once, and none after completing. */
class ReminderSchedulerTest {
    @RegisterExtension
    final TestDatabase db = new TestDatabase();
    final TestClock clock = TestClock.at("2026-11-10T09:00:00Z");
    final AtomicReference<ContentLibrary> content = new AtomicReference<>(TestContent.bundled());

    @Test
    void remindsOnScheduleTellsTheManagerOnceAndStopsOnCompletion() throws Exception {
        SqlPersonRepository people = new SqlPersonRepository(db.database());
        Actor ann = new Actor("slack", "U1", "Ann", null);
        Actor bob = new Actor("slack", "U2", "Bob", null);
        Person boss = people.findOrCreate("slack", "UM", "Boss", clock.instant());
        AnnouncementSettings settings = AnnouncementSettings.defaults().withUpdateDueDays(10);
        Services services = TestServices.builder(db.database(), content::get, clock, 2).announcing(settings)
                .sleeper(Fixtures.sleeper(clock)).platforms(Set.of("slack")).build();
        TrainingService training = services.training();
        Fixtures.FakeGateway slack = new Fixtures.FakeGateway("slack", clock);
        Announcements a = services.announcements();
        a.delivery(Map.<String, ChatGateway>of("slack", slack));
        a.publisher().publish(content.get());
        TrainingDriver driver = new TrainingDriver(training, content.get());
        driver.playQuiz(ann, "en", i -> true);
        driver.playQuiz(bob, "en", i -> true);
        for (Actor actor : List.of(ann, bob)) {
            Person p = people.find("slack", actor.userId()).orElseThrow();
            people.update(p.withDirectory(null, null, boss.id(), null));
        }
        content.set(Fixtures.v11());
        a.publisher().publish(content.get());
        var preview = (AnnouncementService.Preview) a.service().prepare(null, null);
        a.service().confirm(preview.draft().id()); // due 20 Nov
        a.dispatcher().drain();
        slack.delivered.clear();

        // Day by day to 28 Nov; Ann completes the update quiz on the 22nd (overdue since the 21st).
        clock.set(java.time.Instant.parse("2026-11-11T08:00:00Z"));
        for (int day = 11; day <= 28; day++) {
            if (day == 22) {
                TrainingDriver updated = new TrainingDriver(training, content.get());
                var replies = training.startUpdateQuiz(ann, TrainingDriver.dm(ann), "en", null);
                for (int q = 0; q < 3; q++) { // two changed sections: a 3-question update quiz
                    var question = io.policybot.testing.Replies.lastWithButtons(replies);
                    replies = updated.press(ann, updated.quizButton(question, "en", true), "en");
                }
            }
            a.reminders().tick();
            a.reminders().tick(); // twice a day changes nothing
            a.dispatcher().drain();
            clock.set(java.time.Instant.parse(String.format("2026-11-%02dT08:00:00Z", day + 1)));
        }
        long annReminders = slack.delivered.stream().filter("U1"::equals).count();
        long bobReminders = slack.delivered.stream().filter("U2"::equals).count();
        long managerNotes = slack.delivered.stream().filter("UM"::equals).count();
        // Before: the 13th (7 days) and the 19th (1 day). Overdue daily from the 21st: Ann on the 21st only
        // (she completed on the 22nd before the tick), Bob the 21st to the 28th.
        assertEquals(3, annReminders);
        assertEquals(2 + 8, bobReminders);
        assertEquals(1, managerNotes); // about Bob, 3 days overdue; never about Ann
    }
}
