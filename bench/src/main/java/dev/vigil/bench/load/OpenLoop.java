package dev.vigil.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * An open loop: logins arrive on a fixed schedule ({@link ArrivalSchedule}, driven by a Vert.x timer) whatever the
 * server's pace, each served by a free user's browser ({@link ArrivalQueue}: late arrivals wait and are counted),
 * each login's latency counted from when it was due. The phase ends when every arrival has signed in.
 */
final class OpenLoop {

    private final Vertx vertx;
    private final LoginStarter starter;
    private final List<BenchUser> users;

    OpenLoop(Vertx vertx, LoginStarter starter, List<BenchUser> users) {
        this.vertx = vertx;
        this.starter = starter;
        this.users = users;
    }

    Future<LoginRecorder> run(BenchRealms.Flow flow, double perSecond, Duration length) {
        return new Phase(flow, new ArrivalSchedule(System.nanoTime(), perSecond, length)).start();
    }

    /** One open-loop phase under way. */
    private final class Phase {

        private final BenchRealms.Flow flow;
        private final ArrivalSchedule schedule;
        private final ArrivalQueue<BenchUser> queue = new ArrivalQueue<>(users);
        private final LoginRecorder recorder = new LoginRecorder();
        private final Promise<LoginRecorder> ended = Promise.promise();
        private long next;
        private volatile boolean allArrived;

        Phase(BenchRealms.Flow flow, ArrivalSchedule schedule) {
            this.flow = flow;
            this.schedule = schedule;
        }

        Future<LoginRecorder> start() {
            vertx.runOnContext(ignored -> arrive());
            return ended.future();
        }

        /**
         * Every arrival due by now, then a timer for the next; one not yet due when a timer fires waits for the next
         * timer, so none starts early and none is skipped.
         */
        private void arrive() {
            long now = System.nanoTime();
            while (next < schedule.arrivals() && schedule.at(next) <= now) {
                queue.arrive(schedule.at(next++)).ifPresent(this::signIn);
            }
            if (next < schedule.arrivals()) {
                long delayMillis = TimeUnit.NANOSECONDS.toMillis(schedule.at(next) - now);
                vertx.setTimer(Math.max(1, delayMillis), ignored -> arrive());
            } else {
                allArrived = true;
                endIfIdle();
            }
        }

        private void signIn(ArrivalQueue.Start<BenchUser> start) {
            starter.signIn(flow, start.user(), true, start.scheduledNanos(), recorder)
                    .onComplete(done -> {
                        queue.finished(start.user()).ifPresent(this::signIn);
                        endIfIdle();
                    });
        }

        /** Called from the timer and from logins ending, possibly on different event loops: ends the phase once. */
        private synchronized void endIfIdle() {
            if (allArrived && queue.idle() && !ended.future().isComplete()) {
                recorder.late(queue.late());
                ended.complete(recorder);
            }
        }
    }
}
