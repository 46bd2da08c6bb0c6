package io.policybot.testing;

import io.policybot.content.ContentLibrary;
import io.policybot.store.Database;
import io.policybot.training.TrainingService;
import io.policybot.training.TrainingSettings;
import io.policybot.wiring.Services;
import io.policybot.wiring.Storage;
import java.time.Clock;
import java.util.Random;
import java.util.function.Supplier;

/** Services wired as the app wires them (the same {@link Services} builder), on a test database. */
public final class TestServices {
    private TestServices() {
    }

    /** The app's wiring on {@code db} and {@code content}; {@code seed} makes the shuffles repeatable. */
    public static Services.Builder builder(Database db, Supplier<ContentLibrary> content, Clock clock, long seed) {
        return Services.builder(Storage.on(db)).content(content).clock(clock).random(new Random(seed));
    }

    /** Training on the bundled content with default settings; {@code seed} makes the shuffles repeatable. */
    public static TrainingService training(Database db, Clock clock, long seed) {
        return training(db, clock, seed, TrainingSettings.defaults());
    }

    public static TrainingService training(Database db, Clock clock, long seed, TrainingSettings settings) {
        return builder(db, TestContent::bundled, clock, seed).training(settings).build().training();
    }
}
