package org.careclock.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/** CPU and GC readings of this JVM, and waiting for a wall-clock instant without sleeping blindly. */
final class Cpu {

    private Cpu() {
    }

    /** CPU time used by this process so far, in nanoseconds (all threads, user + system). */
    static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time used so far by the live threads whose name starts with {@code prefix}, in nanoseconds. */
    static long threadsNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    /** Collections so far and their accumulated time in ms, over all collectors. */
    static long[] gc() {
        long count = 0;
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    /** Parks the thread until {@code System.nanoTime()} reaches {@code deadline}: waiting for a moment, not a guess. */
    static void awaitNanoTime(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Heap in use after full collections: the median of three readings, in bytes. */
    static long heapAfterGc() {
        long[] readings = new long[3];
        for (int i = 0; i < readings.length; i++) {
            System.gc();
            System.gc();
            readings[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        java.util.Arrays.sort(readings);
        return readings[1];
    }
}
