package io.policybot;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** What the architecture rules look at: main classes only, never test classes or a module's test jar. */
public final class ProductionClasses implements ImportOption {
    private final ImportOption noTests = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return noTests.includes(location) && !location.contains("-tests.jar");
    }
}
