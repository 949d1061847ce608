package dev.mlpkit.linalg.simd;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernel's own small pool: threads that take a share of a product or of an update. A helper that finishes a share
 * spins a while for the next one before it parks: training sends the next one within a fraction of a millisecond,
 * and waking a parked thread, which a standard executor does for every task, costs a noticeable part of a batch's
 * product (docs/speed.md).
 *
 * <p>A caller claims an idle helper or, when every helper is busy with another caller's product, runs the share
 * itself. A caller that comes to wait for a share its helper has not started yet takes it back and runs it: on a
 * machine shared with other work (or with the JIT's compiler threads), a helper waiting for a core could make the
 * caller wait a whole time slice. Who runs a share does not change its result.
 */
final class Helpers {

    /**
     * How long a helper spins for its next share, and a caller for its helpers to finish, before parking: long enough
     * for the gaps between a training batch's products, short enough to leave the CPU to the JIT's compiler threads
     * while a run starts.
     */
    private static final long SPIN_NANOS = 300_000;

    private final Helper[] helpers;

    Helpers(int count) {
        this(count, helper -> {
            Thread thread = new Thread(helper, "mlpkit-simd");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Helpers on threads from {@code threads}, which must be daemons; the tests' threads can hold a helper back. */
    Helpers(int count, ThreadFactory threads) {
        helpers = new Helper[count];
        for (int i = 0; i < count; i++) {
            helpers[i] = new Helper(threads);
        }
    }

    /** How many helpers there are: a product splits into at most one share more than this. */
    int count() {
        return helpers.length;
    }

    /**
     * Starts {@code share} on an idle helper and returns it, for {@link #await}; runs it here and returns null when
     * none is idle.
     */
    Helper start(Runnable share) {
        for (Helper h : helpers) {
            if (h.claim()) {
                h.give(share, Thread.currentThread());
                return h;
            }
        }
        share.run();
        return null;
    }

    /** Waits for a helper {@link #start} returned (null: done already) and rethrows what its share threw. */
    static void await(Helper helper) {
        if (helper != null) {
            helper.awaitAndRelease();
        }
    }

    /** {@link #await} on each of {@code helpers}, all of them even when one share failed; then rethrows the first. */
    static void awaitAll(Helper[] helpers) {
        RuntimeException first = null;
        for (Helper helper : helpers) {
            try {
                await(helper);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static final class Helper implements Runnable {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final Thread thread;
        /** The share given and not yet started: the helper or the caller takes it out, whichever comes first. */
        private final AtomicReference<Runnable> task = new AtomicReference<>();
        private Runnable given;
        private volatile boolean done;
        private volatile Thread waiter;
        private Throwable failure;

        Helper(ThreadFactory threads) {
            thread = threads.newThread(this);
            thread.start();
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void give(Runnable share, Thread caller) {
            waiter = caller;
            done = false;
            given = share;
            task.set(share);
            LockSupport.unpark(thread);
        }

        void awaitAndRelease() {
            if (task.compareAndSet(given, null)) {
                runOnThisThread(given);
            }
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            given = null;
            Throwable thrown = failure;
            failure = null;
            claimed.set(false);
            if (thrown != null) {
                throw new IllegalStateException("a product thread failed", thrown);
            }
        }

        @Override
        public void run() {
            while (true) {
                runOnThisThread(next());
                LockSupport.unpark(waiter);
            }
        }

        /** Runs a share taken out of {@link #task}, on whichever thread took it, and marks it done. */
        private void runOnThisThread(Runnable share) {
            try {
                share.run();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
        }

        private Runnable next() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (true) {
                Runnable share = task.get();
                if (share != null && task.compareAndSet(share, null)) {
                    return share;
                }
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
        }
    }
}
