package com.mediahub.auth.password.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mediahub.auth.password.entity.JpaLoginFailureRepository;
import com.mediahub.auth.password.entity.ThrottleCounter;

/**
 * The login_failures table's contract as the throttle relies on it (ReserveStatement's upsert:
 * a passed window starts again; finish gives back or fails a check), in a map. For unit tests of
 * the throttle's decisions over time; the atomicity under parallel requests is PostgreSQL's and
 * is tested there (SecurityReviewIT item 2).
 */
final class InMemoryLoginFailures extends JpaLoginFailureRepository {

    final Map<String, ThrottleCounter> rows = new TreeMap<>();

    @Override
    public List<ThrottleCounter> reserve(List<String> keys, OffsetDateTime now, OffsetDateTime windowFloor) {
        List<ThrottleCounter> counters = new ArrayList<>();
        for (String key : keys) {
            ThrottleCounter row = rows.get(key);
            ThrottleCounter next = row != null && row.windowStart().isAfter(windowFloor)
                    ? new ThrottleCounter(key, row.failures(), row.pending() + 1, row.windowStart())
                    : new ThrottleCounter(key, 0, 1, now);
            rows.put(key, next);
            counters.add(next);
        }
        return counters;
    }

    @Override
    public void finish(List<ThrottleCounter> reserved, boolean failed) {
        for (ThrottleCounter counter : reserved) {
            ThrottleCounter row = rows.get(counter.key());
            if (row == null) {
                continue;
            }
            if (failed) {
                rows.put(row.key(), new ThrottleCounter(row.key(), row.failures() + 1, Math.max(0, row.pending() - 1), row.windowStart()));
            } else if (row.windowStart().equals(counter.windowStart()) && row.pending() > 0) {
                ThrottleCounter back = new ThrottleCounter(row.key(), row.failures(), row.pending() - 1, row.windowStart());
                if (back.failures() == 0 && back.pending() == 0) {
                    rows.remove(row.key());
                } else {
                    rows.put(row.key(), back);
                }
            }
        }
    }

    @Override
    public void rememberKnown(String key, OffsetDateTime now) {
        rows.put(key, new ThrottleCounter(key, 0, 0, now));
    }

    @Override
    public boolean exists(String key) {
        return rows.containsKey(key);
    }

    @Override
    public int deleteStale(OffsetDateTime windowFloor, OffsetDateTime knownFloor, int limit) {
        List<String> stale = rows.values().stream()
                .filter(row -> !row.windowStart().isAfter(row.key().startsWith(KNOWN_PREFIX) ? knownFloor : windowFloor))
                .map(ThrottleCounter::key).limit(limit).toList();
        stale.forEach(rows::remove);
        return stale.size();
    }
}
