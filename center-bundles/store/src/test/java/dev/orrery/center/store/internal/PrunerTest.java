package dev.orrery.center.store.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {
    @TempDir
    Path tmp;

    private static StoreConfig config(int days, int most, int minutes) {
        return config(days, most, minutes, 168);
    }

    private static StoreConfig config(int days, int most, int minutes, int dataHours) {
        return new StoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StoreConfig.class;
            }

            @Override
            public String dataDir() {
                return "";
            }

            @Override
            public int poolSize() {
                return 1;
            }

            @Override
            public int connectionWaitSeconds() {
                return 5;
            }

            @Override
            public int pageCacheSize() {
                return 4000;
            }

            @Override
            public int logBufferSize() {
                return 1 << 20;
            }

            @Override
            public int retentionDays() {
                return days;
            }

            @Override
            public int maxFinishedTasks() {
                return most;
            }

            @Override
            public int dataRetentionHours() {
                return dataHours;
            }

            @Override
            public int pruneIntervalMinutes() {
                return minutes;
            }

            @Override
            public String masterKeyFile() {
                return "";
            }
        };
    }

    @Test
    void refusesNonPositiveSettingsAndStartsWithValidOnes() {
        Database db = new Database(tmp.resolve("db"), 1, 5);
        try {
            assertThrows(IllegalArgumentException.class, () -> new Pruner(config(0, 10, 10), db));
            assertThrows(IllegalArgumentException.class, () -> new Pruner(config(30, 0, 10), db));
            assertThrows(IllegalArgumentException.class, () -> new Pruner(config(30, 10, 0), db));
            assertThrows(IllegalArgumentException.class, () -> new Pruner(config(30, 10, 10, 0), db));
            new Pruner(config(30, 100000, 10), db).close();
        } finally {
            db.close();
        }
    }
}
