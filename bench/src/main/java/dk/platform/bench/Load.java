package dk.platform.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load: n clients, each sending its next request as soon as the last is answered, for a fixed time. */
final class Load {

    /** One request; returns normally when it succeeded, throws when it failed. */
    interface Op {
        void call(int client, long sequence) throws Exception;
    }

    /** Latencies in nanoseconds, kept whole (a run has at most a few hundred thousand), sorted once for percentiles. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        synchronized int count() {
            return size;
        }

        /** The p-th percentile (0..100) in milliseconds, nearest rank; NaN when empty. */
        synchronized double percentileMillis(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.min(size - 1, Math.max(0, rank - 1))] / 1e6;
        }
    }

    record Result(int clients, long ok, long errors, double seconds, Latencies latencies, String firstError) {
        double perSecond() {
            return ok / seconds;
        }

        double p(double percentile) {
            return latencies.percentileMillis(percentile);
        }
    }

    private Load() {
    }

    static Result run(int clients, Duration duration, Op op) {
        AtomicLong sequence = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                Latencies mine = new Latencies();
                while (System.nanoTime() < end) {
                    long seq = sequence.getAndIncrement();
                    long t0 = System.nanoTime();
                    try {
                        op.call(client, seq);
                        mine.add(System.nanoTime() - t0);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
                latencies.addAll(mine);
            }, "load-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(clients, latencies.count(), errors.get(), seconds, latencies, firstError.get());
    }
}
