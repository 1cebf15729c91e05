package org.careclock.session;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Several nodes: each running call's deadline has a durable entry in the cluster scheduler
 * (db-scheduler, table {@code scheduled_tasks}), due {@code backstop-grace} after the deadline.
 * The node that runs the call ends it on time from memory and withdraws the entry; if that node
 * is gone, whichever node polls the entry first takes the call over, which ends it (the guarded
 * end keeps it to one end). A recurring task, run by one node at a time, takes over the running
 * calls that no live node serves — no page with a recent heartbeat — so their empty and idle
 * timeouts run again, and calls without a deadline end too.
 */
@Component
@ConditionalOnProperty(name = "careclock.cluster.enabled", havingValue = "true")
class ClusterBackstop implements Backstop, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterBackstop.class);

    private final OneTimeTask<Void> deadlineTask;
    private final Scheduler scheduler;
    private final ClusterProperties properties;

    ClusterBackstop(DataSource dataSource, ClusterNode node, ClusterProperties properties,
                    ObjectProvider<SessionLoader> loader) {
        this.properties = properties;
        this.deadlineTask = Tasks.oneTime("careclock-call-deadline")
                .execute((instance, context) -> loader.getObject().takeOver(instance.getId()));
        RecurringTask<Void> sweep = Tasks.recurring("careclock-unserved-calls", FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> loader.getObject().takeOverUnserved());
        this.scheduler = Scheduler.create(dataSource, List.of(deadlineTask))
                .startTasks(sweep)
                .schedulerName(new SchedulerName.Fixed(node.id()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .threads(2)
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void deadline(String cid, Instant endsAt) {
        if (endsAt == null) {
            ended(cid);
            return;
        }
        scheduler.schedule(deadlineTask.instance(cid), endsAt.plus(properties.backstopGrace()),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    @Override
    public void ended(String cid) {
        try {
            scheduler.cancel(TaskInstanceId.of(deadlineTask.getName(), cid));
        } catch (RuntimeException runningOrGone) {
            // Another node is running it (it will find the call ended) or it went meanwhile.
            log.debug("The backstop of {} was not withdrawn: {}", cid, runningOrGone.getMessage());
        }
    }

    @Override
    public void start() {
        scheduler.start();
    }

    @Override
    public void stop() {
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return scheduler.getSchedulerState().isStarted() && !scheduler.getSchedulerState().isShuttingDown();
    }
}
