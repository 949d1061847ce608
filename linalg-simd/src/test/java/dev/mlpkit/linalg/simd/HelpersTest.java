package dev.mlpkit.linalg.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shares run once, on a helper thread or, when it has not started them by the time the caller waits, on the caller;
 * what they throw reaches the caller, and a busy helper is never waited for.
 */
class HelpersTest {

    @Test
    void eachShareRunsOnceAndTheCallerSeesItsWrites() {
        Helpers helpers = new Helpers(1);
        int onHelper = 0;
        for (int round = 0; round < 1000; round++) {    // parked and spinning helpers alike
            int[] written = new int[1];
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            int value = round;
            Helpers.Helper helper = helpers.start(() -> {
                runs.incrementAndGet();
                ranOn.set(Thread.currentThread());
                written[0] = value;
            });
            assertNotNull(helper, "an idle helper takes the share");
            if (round % 2 == 0) {
                sleepMillis(1);    // time for the helper to start it
            }
            Helpers.await(helper);
            assertEquals(value, written[0]);
            assertEquals(1, runs.get());
            onHelper += "mlpkit-simd".equals(ranOn.get().getName()) ? 1 : 0;
            if (round % 100 == 0) {
                sleepMillis(2);    // long enough for the helper to park
            }
        }
        assertTrue(onHelper > 0, "the helper ran none of 1000 shares, though it had a millisecond for half of them");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aShareTheHelperHasNotStartedRunsOnTheCaller() throws InterruptedException {
        CountDownLatch heldBack = new CountDownLatch(1);
        Helpers helpers = new Helpers(1, helper -> daemon(() -> {
            awaitLatch(heldBack);
            helper.run();
        }));
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Helpers.Helper helper = helpers.start(() -> ranOn.set(Thread.currentThread()));
        assertNotNull(helper);
        Helpers.await(helper);    // would wait forever if it waited for the helper
        assertSame(Thread.currentThread(), ranOn.get());

        heldBack.countDown();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Helpers.Helper again = helpers.start(() -> {
            started.countDown();
            runs.incrementAndGet();
            ranOn.set(Thread.currentThread());
        });
        assertNotNull(again, "the helper is free again");
        started.await();
        Helpers.await(again);
        assertEquals(1, runs.get(), "a share the helper took is not run again");
        assertNotSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whatATakenBackShareThrowsReachesTheCallerAsFromTheHelper() {
        Helpers helpers = new Helpers(1, helper -> daemon(() -> awaitLatch(new CountDownLatch(1))));
        ArithmeticException thrown = new ArithmeticException("in a share");
        Helpers.Helper failing = helpers.start(() -> {
            throw thrown;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Helpers.await(failing));
        assertSame(thrown, e.getCause());
        Helpers.Helper next = helpers.start(() -> { });
        assertNotNull(next, "the helper is free again");
        Helpers.await(next);
    }

    @Test
    void whatAShareThrowsReachesTheCallerAndTheHelperGoesOn() {
        Helpers helpers = new Helpers(1);
        ArithmeticException thrown = new ArithmeticException("in a share");
        Helpers.Helper failing = helpers.start(() -> {
            throw thrown;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Helpers.await(failing));
        assertSame(thrown, e.getCause());

        boolean[] ran = new boolean[1];
        Helpers.Helper next = helpers.start(() -> ran[0] = true);
        Helpers.await(next);
        assertEquals(true, ran[0], "the helper takes shares after a failure");
    }

    @Test
    void awaitAllWaitsForEveryHelperAndRethrowsTheFirstFailure() {
        Helpers helpers = new Helpers(2);
        IllegalArgumentException thrown = new IllegalArgumentException("first share");
        boolean[] secondRan = new boolean[1];
        Helpers.Helper[] running = {
            helpers.start(() -> {
                throw thrown;
            }),
            helpers.start(() -> secondRan[0] = true) };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Helpers.awaitAll(running));
        assertSame(thrown, e.getCause());
        assertEquals(true, secondRan[0]);
        for (int i = 0; i < 2; i++) {
            Helpers.Helper again = helpers.start(() -> { });
            assertNotNull(again, "helper " + i + " is free again");
        }
    }

    @Test
    void whenEveryHelperIsBusyTheCallerRunsTheShareItself() throws InterruptedException {
        Helpers helpers = new Helpers(1);
        CountDownLatch release = new CountDownLatch(1);
        Helpers.Helper busy = helpers.start(() -> awaitLatch(release));
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Helpers.Helper none = helpers.start(() -> ranOn.set(Thread.currentThread()));
        assertNull(none, "no helper was free");
        assertSame(Thread.currentThread(), ranOn.get());
        release.countDown();
        Helpers.await(busy);
        Helpers.await(none);
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "held-back helper");
        thread.setDaemon(true);
        return thread;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
