package dk.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Peak heap of a service, sampled every 200 ms from its {@code /actuator/metrics/jvm.memory.used?tag=area:heap}
 * (used heap at each sample, so a peak between two samples can be missed; the JVMs run with SerialGC).
 */
final class HeapSampler {

    interface Factory {
        HeapSampler start();
    }

    private final Http http;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile int samples;

    HeapSampler(Http http) {
        this.http = http;
        this.thread = new Thread(this::loop, "heap-" + http.base());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Http.Response r = http.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
                if (r.ok()) {
                    for (JsonNode m : r.json().path("measurements")) {
                        long v = (long) m.path("value").asDouble();
                        if (v > peak) {
                            peak = v;
                        }
                        samples++;
                    }
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a sample lost under load; the next one counts
            }
        }
    }

    /** Stops sampling; returns the peak in bytes (0 when no sample was taken). */
    long stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return samples == 0 ? 0 : peak;
    }
}
