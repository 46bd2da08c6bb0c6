package io.policybot.testing;

import io.policybot.store.Database;
import io.policybot.people.sql.SqlPersonRepository;
import io.policybot.training.sql.SqlTrainingRepository;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import java.time.Clock;
import java.util.Random;

/** Services wired as the app wires them, on a test database and the bundled content. */
public final class TestServices {
    private TestServices() {
    }

    /** Default settings; {@code seed} makes the shuffles repeatable. */
    public static TrainingService training(Database db, Clock clock, long seed) {
        return training(db, clock, seed, TrainingSettings.defaults());
    }

    public static TrainingService training(Database db, Clock clock, long seed, TrainingSettings settings) {
        return new TrainingService(TestContent::bundled, new SqlTrainingRepository(db), new SqlPersonRepository(db),
                settings, clock, new Random(seed));
    }
}
