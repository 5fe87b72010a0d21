package io.team365.retention.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The persistent scheduler (db-scheduler, ADR 0011) on the application's DataSource: recurring tasks live in
 * {@code scheduled_tasks}, and the node that picks a due task locks its row, so with several nodes a task runs once.
 * It starts when the application is ready (not while beans are still being made) and stops gracefully, letting a
 * running task finish for up to 30 seconds; an interrupted retention run is closed by the next one.
 */
@Component
class RetentionScheduler implements DisposableBean {

    static final String NIGHTLY = "retention-nightly";

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean started;

    RetentionScheduler(
            DataSource dataSource,
            NightlyRetention nightly,
            @Value("${team365.retention.schedule:0 30 2 * * *}") String cron,
            @Value("${team365.retention.scheduler-enabled:true}") boolean enabled) {
        RecurringTask<Void> task = Tasks.recurring(NIGHTLY, Schedules.cron(cron, ZoneOffset.UTC))
                .execute((instance, context) -> nightly.runAll());
        this.scheduler = Scheduler.create(dataSource)
                .startTasks(task)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(30))
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            scheduler.start();
            started = true;
        }
    }

    @Override
    public void destroy() {
        if (started) {
            scheduler.stop();
        }
    }
}
