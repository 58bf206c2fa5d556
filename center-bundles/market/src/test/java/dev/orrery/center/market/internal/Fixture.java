package dev.orrery.center.market.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Configuration and a clock the tests move by hand. */
final class Fixture {
    private Fixture() {
    }

    static MarketCenterConfig config(int batchSize, int maxFailures, int reconcileSeconds, String importDir) {
        return new MarketCenterConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MarketCenterConfig.class;
            }

            @Override
            public long maxPluginBytes() {
                return 100;
            }

            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public int maxFailures() {
                return maxFailures;
            }

            @Override
            public int reconcileSeconds() {
                return reconcileSeconds;
            }

            @Override
            public int installTimeoutSeconds() {
                return 120;
            }

            @Override
            public int minRetrySeconds() {
                return 30;
            }

            @Override
            public String importDir() {
                return importDir;
            }
        };
    }

    /** A clock that stands still until told. */
    static final class ManualClock extends Clock {
        final AtomicLong now = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        void advanceSeconds(long s) {
            now.addAndGet(s * 1000);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }

        @Override
        public long millis() {
            return now.get();
        }
    }
}
