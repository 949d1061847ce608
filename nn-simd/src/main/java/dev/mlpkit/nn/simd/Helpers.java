package dev.mlpkit.nn.simd;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads that take a share of a product or of an update. A helper that finishes a share spins a while for the next
 * one before it parks: training sends the next one within a few tenths of a millisecond, and waking a parked thread
 * takes 30 to 100 microseconds on a cloud machine (5 to 20% of a galaxy batch's forward product), which a thread pool
 * pays every time.
 *
 * <p>A caller claims an idle helper or, when every helper is busy with another caller's product, runs the share
 * itself.
 */
final class Helpers {

    /**
     * How long a helper spins for its next share, and a caller for its helpers to finish, before parking: long enough
     * for the gaps between a training batch's products; spinning for a millisecond took the CPU from the JIT's
     * compiler threads and made a galaxy run's first epoch 0.2 s longer.
     */
    private static final long SPIN_NANOS = 300_000;

    private final Helper[] helpers;

    Helpers(int count) {
        helpers = new Helper[count];
        for (int i = 0; i < count; i++) {
            helpers[i] = new Helper();
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
        private volatile Runnable task;
        private volatile boolean done;
        private volatile Thread waiter;
        private Throwable failure;

        Helper() {
            thread = new Thread(this, "mlpkit-simd");
            thread.setDaemon(true);
            thread.start();
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void give(Runnable share, Thread caller) {
            waiter = caller;
            done = false;
            task = share;
            LockSupport.unpark(thread);
        }

        void awaitAndRelease() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
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
                Runnable share = next();
                try {
                    share.run();
                } catch (Throwable t) {
                    failure = t;
                }
                done = true;
                LockSupport.unpark(waiter);
            }
        }

        private Runnable next() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            Runnable share;
            while ((share = task) == null) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            task = null;
            return share;
        }
    }
}
